import type { Report, ReportLang, TotalKey } from '../contracts/reports.js';
import { formatDate, formatDuration, STATUS_NAMES } from './wording.js';

/** The words of a rendered report (.docx and PDF share them, so the two read the same). */
export interface ReportLabels {
  title: (r: Report) => string;
  periodLine: (r: Report) => string;
  assessment: string;
  totals: string;
  totalsHead: [string, string, string, string, string];
  totalNames: Record<TotalKey, string>;
  topics: string;
  topicsHead: [string, string, string];
  stories: string;
  storiesHead: [string, string, string, string];
  rumours: string;
  rumoursHead: [string, string, string, string, string, string];
  critical: string;
  criticalHead: [string, string, string, string, string];
  series: (r: Report) => string;
  seriesHead: [string, string, string, string, string];
  none: string;
  status: (s: keyof (typeof STATUS_NAMES)['zh']) => string;
  response: (minutes: number | null, marks: Report['rumours'][number]['marks']) => string;
  effect: (e: Report['rumours'][number]['effect']) => string;
  traceNote: string;
}

const markText = (marks: Report['rumours'][number]['marks'], yes: (h: number) => string, late: (h: number) => string) =>
  marks.map((m) => (m.met === true ? yes(m.hours) : m.met === false ? late(m.hours) : '')).filter(Boolean).join(' ');

export const LABELS: Record<ReportLang, ReportLabels> = {
  zh: {
    title: (r) => `${r.bureau.zh}网络舆情${r.period.kind === 'day' ? '日报' : '周报'}`,
    periodLine: (r) =>
      `${r.period.kind === 'day' ? formatDate(r.period.start, 'zh') : `${formatDate(r.period.start, 'zh')}至${formatDate(r.period.end, 'zh')}`}（${r.period.timeZone}） · 生成于 ${r.generatedAt.slice(0, 16).replace('T', ' ')} UTC`,
    assessment: '一、总体研判',
    totals: '二、信息总量',
    totalsHead: ['类别', '本期', '上期', '变化', '筛选条件'],
    totalNames: { total: '总量', positive: '正面', neutral: '中性', negative: '负面', critical: '批评执法部门' },
    topics: '三、主要话题',
    topicsHead: ['话题', '信息数', '筛选条件'],
    stories: '四、主要事件',
    storiesHead: ['事件', '本期信息数', '传播量', '筛选条件'],
    rumours: '五、疑似谣言及处置',
    rumoursHead: ['事件', '状态', '发现时间', '首次响应', '辟谣效果', '链接'],
    critical: '六、重点批评性评论',
    criticalHead: ['作者', '粉丝', '互动', '内容', '筛选条件'],
    series: (r) => (r.period.kind === 'day' ? '七、分时走势' : '七、每日走势'),
    seriesHead: ['时段', '总量', '负面', '批评', '走势'],
    none: '无',
    status: (s) => STATUS_NAMES.zh[s],
    response: (m, marks) => (m === null ? `尚未响应 ${markText(marks, () => '', (h) => `超${h}小时`)}`.trim() : `${formatDuration(m, 'zh')} ${markText(marks, (h) => `${h}小时内✓`, (h) => `超${h}小时`)}`),
    effect: (e) => (e ? `每分钟 ${e.beforePerMinute} → ${e.afterPerMinute}（${e.worked ? '见效' : '未见效'}）` : '—'),
    traceNote: '“筛选条件”为舆情系统中列出相应信息的页面路径，可据此核对每一个数字。',
  },
  en: {
    title: (r) => `${r.bureau.en}: ${r.period.kind === 'day' ? 'daily' : 'weekly'} public sentiment report`,
    periodLine: (r) =>
      `${r.period.kind === 'day' ? formatDate(r.period.start, 'en') : `${formatDate(r.period.start, 'en')} to ${formatDate(r.period.end, 'en')}`} (${r.period.timeZone}) · generated ${r.generatedAt.slice(0, 16).replace('T', ' ')} UTC`,
    assessment: '1. Assessment',
    totals: '2. Volume',
    totalsHead: ['Measure', 'This period', 'Previous', 'Change', 'Filter'],
    totalNames: { total: 'Total', positive: 'Positive', neutral: 'Neutral', negative: 'Negative', critical: 'Critical of the authorities' },
    topics: '3. Leading topics',
    topicsHead: ['Topic', 'Mentions', 'Filter'],
    stories: '4. Leading stories',
    storiesHead: ['Story', 'Mentions in period', 'Reach', 'Filter'],
    rumours: '5. Suspected rumours and their handling',
    rumoursHead: ['Story', 'Status', 'Flagged', 'First response', 'Clarification', 'Link'],
    critical: '6. Notable critical comments',
    criticalHead: ['Author', 'Followers', 'Engagement', 'Text', 'Filter'],
    series: (r) => (r.period.kind === 'day' ? '7. By hour' : '7. By day'),
    seriesHead: ['Time', 'Total', 'Negative', 'Critical', 'Trend'],
    none: 'None',
    status: (s) => STATUS_NAMES.en[s],
    response: (m, marks) => (m === null ? `none yet ${markText(marks, () => '', (h) => `>${h} h`)}`.trim() : `${formatDuration(m, 'en')} ${markText(marks, (h) => `≤${h} h✓`, (h) => `>${h} h`)}`),
    effect: (e) => (e ? `${e.beforePerMinute} → ${e.afterPerMinute}/min (${e.worked ? 'worked' : 'did not slow it'})` : '—'),
    traceNote: '“Filter” is the dashboard path listing the mentions behind a number, so every figure can be checked.',
  },
};

/** "+20.0%", "−5.0%", "—" when there is nothing to compare with. */
export function changeText(now: number, before: number | undefined): string {
  if (before === undefined || before === 0) return '—';
  const c = ((now - before) / before) * 100;
  return `${c > 0 ? '+' : c < 0 ? '−' : '±'}${Math.abs(c).toFixed(1)}%`;
}

/** A text bar for the volume table: one block per 1/20 of the largest bucket. */
export function bar(n: number, max: number, width = 20): string {
  return max === 0 ? '' : '█'.repeat(Math.round((n / max) * width));
}
