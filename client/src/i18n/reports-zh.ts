import { reportDeliveryZh, type ReportDeliveryDict } from './report-delivery-zh.js';

/** Strings of the reports page; the Chinese dictionary is the reference shape. */
export interface ReportsDict {
  nav: string;
  title: string;
  intro: string;
  make: string;
  kind: string;
  day: string;
  week: string;
  date: string;
  weekHint: string;
  lang: string;
  format: string;
  download: string;
  keep: string;
  kept: string;
  archive: string;
  archiveEmpty: string;
  cols: { period: string; kind: string; lang: string; format: string; size: string; created: string; origin: string; file: string };
  origin: (o: string) => string;
  langName: { zh: string; en: string };
  /** The administrator's page: subscriptions and the delivery log. */
  delivery: ReportDeliveryDict;
}

export const reportsZh: ReportsDict = {
  nav: '日报周报',
  title: '舆情日报与周报',
  intro: '每天 07:30 自动生成前一日的日报，每周一生成上周的周报，均存入下方档案。也可随时生成任意一天或一周的报告。',
  make: '生成报告',
  kind: '类型',
  day: '日报',
  week: '周报',
  date: '日期',
  weekHint: '周报从所选日期所在周的周一开始',
  lang: '语言',
  format: '格式',
  download: '下载',
  keep: '生成并存档',
  kept: '已存档',
  archive: '报告档案',
  archiveEmpty: '档案中还没有报告。',
  cols: { period: '期间', kind: '类型', lang: '语言', format: '格式', size: '大小', created: '生成时间', origin: '来源', file: '文件' },
  origin: (o) => (o === 'schedule' ? '定时生成' : '手动生成'),
  langName: { zh: '中文', en: '英文' },
  delivery: reportDeliveryZh,
};
