import { reportDeliveryEn } from './report-delivery-en.js';
import type { ReportsDict } from './reports-zh.js';

export const reportsEn: ReportsDict = {
  nav: 'Reports',
  title: 'Daily and weekly reports',
  intro: 'Every day at 07:30 yesterday’s daily report is generated, and on Mondays last week’s weekly report; both are kept in the archive below. Any day or week can be generated at any time.',
  make: 'Make a report',
  kind: 'Kind',
  day: 'Daily',
  week: 'Weekly',
  date: 'Date',
  weekHint: 'A weekly report starts on the Monday of the chosen date’s week',
  lang: 'Language',
  format: 'Format',
  download: 'Download',
  keep: 'Generate and keep',
  kept: 'Kept in the archive',
  archive: 'Report archive',
  archiveEmpty: 'No reports in the archive yet.',
  cols: { period: 'Period', kind: 'Kind', lang: 'Language', format: 'Format', size: 'Size', created: 'Generated', origin: 'Origin', file: 'File' },
  origin: (o) => (o === 'schedule' ? 'scheduled' : 'by hand'),
  langName: { zh: 'Chinese', en: 'English' },
  delivery: reportDeliveryEn,
};
