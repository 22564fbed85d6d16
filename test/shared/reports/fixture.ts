import type { Report, ReportRumour, ReportTotals } from '../../../shared/contracts/reports.js';
import { previousPeriod, reportPeriod } from '../../../shared/reports/period.js';

const L = '/analyst?x';
export function totals(total: number, negative: number, critical: number): ReportTotals {
  const positive = Math.floor((total - negative) / 2);
  return {
    total: { n: total, link: L },
    positive: { n: positive, link: L },
    neutral: { n: total - negative - positive, link: L },
    negative: { n: negative, link: L },
    critical: { n: critical, link: L },
  };
}

export function rumour(over: Partial<ReportRumour> = {}): ReportRumour {
  return {
    incidentId: 7,
    storyId: 's1',
    text: '某地发生爆炸死亡多人',
    status: 'clarified',
    openedAt: '2026-01-05T01:00:00.000Z',
    acknowledgedAt: '2026-01-05T01:30:00.000Z',
    clarifiedAt: '2026-01-05T03:00:00.000Z',
    closedAt: '2026-01-05T03:00:00.000Z',
    firstResponseAt: '2026-01-05T01:30:00.000Z',
    firstResponseMinutes: 30,
    marks: [
      { hours: 5, met: true },
      { hours: 24, met: true },
      { hours: 48, met: true },
    ],
    effect: { beforePerMinute: 3.2, afterPerMinute: 0.4, worked: true },
    mentions: { n: 120, link: L },
    link: '/incidents/7',
    ...over,
  };
}

export function report(over: Partial<Report> = {}, kind: 'day' | 'week' = 'day'): Report {
  const period = reportPeriod(kind, '2026-01-05', 'Asia/Shanghai');
  return {
    version: 1,
    period,
    previousPeriod: previousPeriod(period),
    bureau: { zh: '某市公安局', en: 'City Public Security Bureau' },
    generatedAt: '2026-01-06T00:00:00.000Z',
    totals: totals(1200, 300, 60),
    previous: totals(1000, 200, 60),
    topics: [
      { key: 'traffic', name: { zh: '交通', en: 'Traffic' }, n: 400, link: L },
      { key: 'order', name: { zh: '治安', en: 'Public order' }, n: 200, link: L },
    ],
    stories: [{ id: 's1', text: '某地发生爆炸死亡多人', n: 120, posts: 30, replies: 90, reach: 50_000, link: L }],
    rumours: [rumour()],
    critical: [
      { uid: 'weibo:1', text: '警察不作为', author: '张三', platform: 'weibo', createdAt: '2026-01-05T02:00:00.000Z', followers: 12_000, engagement: 340, link: L },
    ],
    series: { unit: 'hour', points: [] },
    ...over,
  };
}
