import { describe, expect, it } from 'vitest';
import { reportSchema } from '../../../shared/contracts/reports.js';
import { writeAssessment } from '../../../shared/reports/assessment.js';
import { report, rumour, totals } from './fixture.js';

interface Case {
  name: string;
  report: ReturnType<typeof report>;
  zh: (string | RegExp)[];
  en: (string | RegExp)[];
  notZh?: string[];
}

const CASES: Case[] = [
  {
    name: 'a day with data, a previous day and a clarified rumour that worked',
    report: report(),
    zh: [
      '2026年1月5日共监测到相关信息 1,200 条，较前一日（1,000 条）增加 20.0%。',
      '其中负面信息 300 条，占 25.0%，上升 5.0 个百分点；批评执法部门的信息 60 条，占 5.0%，下降 1.0 个百分点。',
      '“交通”（400 条）',
      '#7“某地发生爆炸死亡多人”已辟谣，首次响应用时 30 分钟（5 小时内），官方回应后回应速度由每分钟 3.2 条降至 0.4 条（辟谣见效）',
      '张三（粉丝 12,000，互动 340）',
    ],
    en: [
      '1,200 mentions were recorded on 5 Jan 2026, up 20.0% on the previous day (1,000).',
      'Negative: 300 (25.0%), up 5.0 percentage points; critical of the authorities: 60 (5.0%), down 1.0 percentage points.',
      'Traffic (400)',
      'first response after 30 min (within 5 h)',
      'the clarification worked',
      '张三 (12,000 followers, 340 engagements)',
    ],
  },
  {
    name: 'zero volume',
    report: report({ totals: totals(0, 0, 0), previous: totals(0, 0, 0), topics: [], stories: [], rumours: [], critical: [] }),
    zh: ['2026年1月5日未监测到相关信息。', '本期无疑似谣言事件。', '本期无批评执法部门的评论。'],
    en: ['No mentions were recorded on 5 Jan 2026.', 'No suspected rumours were flagged.', 'No comments critical of the authorities were recorded.'],
    notZh: ['占'],
  },
  {
    name: 'no previous period',
    report: report({ previous: null }),
    zh: ['（此前无数据，无法比较）', '其中负面信息 300 条，占 25.0%；'],
    en: ['there are no earlier data to compare with', 'Negative: 300 (25.0%);'],
    notZh: ['百分点'],
  },
  {
    name: 'no rumours',
    report: report({ rumours: [] }),
    zh: ['本期无疑似谣言事件。'],
    en: ['No suspected rumours were flagged.'],
  },
  {
    name: 'an unanswered rumour past its 5 h mark and a clarification that did not work',
    report: report({
      rumours: [
        rumour({ incidentId: 8, status: 'open', firstResponseAt: null, firstResponseMinutes: null, clarifiedAt: null, effect: null, marks: [{ hours: 5, met: false }, { hours: 24, met: null }, { hours: 48, met: null }] }),
        rumour({ incidentId: 9, effect: { beforePerMinute: 1, afterPerMinute: 2.5, worked: false } }),
      ],
    }),
    zh: ['疑似谣言事件 2 起', '#8“某地发生爆炸死亡多人”待处置，尚未响应，已超过 5 小时节点，尚未发布官方回应', '升至 2.5 条（辟谣未见效）'],
    en: ['2 suspected rumour incidents were active', 'no response yet, past the 5 h mark', 'rose from 1 to 2.5 per minute', 'did not slow it'],
  },
  {
    name: 'a weekly report with volume down and shares unchanged',
    report: report({ totals: totals(500, 100, 50), previous: totals(1000, 200, 100) }, 'week'),
    zh: ['2026年1月5日至2026年1月11日共监测到相关信息 500 条，较上周（1,000 条）减少 50.0%。', '占比持平'],
    en: ['in the week of 5 Jan 2026 to 11 Jan 2026', 'down 50.0% on the previous week', 'an unchanged share'],
  },
];

describe('writeAssessment', () => {
  it.each(CASES)('$name', (c) => {
    expect(reportSchema.safeParse(c.report).success).toBe(true);
    for (const lang of ['zh', 'en'] as const) {
      const sentences = writeAssessment(c.report, lang);
      expect(sentences.length).toBeGreaterThanOrEqual(3);
      expect(sentences.length).toBeLessThanOrEqual(6);
      const text = sentences.join(' ');
      for (const want of c[lang]) expect(text).toMatch(typeof want === 'string' ? new RegExp(want.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : want);
    }
    for (const no of c.notZh ?? []) expect(writeAssessment(c.report, 'zh').join('')).not.toContain(no);
  });

  it('states changes without giving causes', () => {
    const text = [...writeAssessment(report(), 'zh'), ...writeAssessment(report(), 'en')].join(' ');
    expect(text).not.toMatch(/因为|由于|导致|because|due to|caused/);
  });
});
