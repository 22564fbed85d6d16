import type { IncidentStatus } from '../contracts/incidents.js';
import type { ReportLang, ReportPeriod } from '../contracts/reports.js';

/** The incident status names the dashboard uses (contracts/incidents.ts). */
export const STATUS_NAMES: Record<ReportLang, Record<IncidentStatus, string>> = {
  zh: { open: '待处置', verifying: '核查中', clarified: '已辟谣', watching: '持续关注', dismissed: '已排除' },
  en: { open: 'open', verifying: 'being verified', clarified: 'clarified', watching: 'being watched', dismissed: 'dismissed' },
};

const LOCALE: Record<ReportLang, string> = { zh: 'zh-CN', en: 'en-GB' };

export function formatCount(n: number, lang: ReportLang): string {
  return n.toLocaleString(LOCALE[lang]);
}

/** 45 → "45 分钟" / "45 min"; 150 → "2 小时 30 分钟" / "2 h 30 min". */
export function formatDuration(minutes: number, lang: ReportLang): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (lang === 'zh') return h === 0 ? `${m} 分钟` : m === 0 ? `${h} 小时` : `${h} 小时 ${m} 分钟`;
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 2026-01-05 → "2026年1月5日" / "5 Jan 2026" (calendar dates, no time zone arithmetic). */
export function formatDate(date: string, lang: ReportLang): string {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  return lang === 'zh' ? `${y}年${mo}月${d}日` : `${d} ${MONTHS[mo - 1]} ${y}`;
}

/** How a sentence names the period: "2026年1月5日" / "on 5 Jan 2026"; weeks as a range. */
export function periodName(p: ReportPeriod, lang: ReportLang): string {
  if (p.kind === 'day') return lang === 'zh' ? formatDate(p.start, 'zh') : `on ${formatDate(p.start, 'en')}`;
  return lang === 'zh'
    ? `${formatDate(p.start, 'zh')}至${formatDate(p.end, 'zh')}`
    : `in the week of ${formatDate(p.start, 'en')} to ${formatDate(p.end, 'en')}`;
}

export const quote = (s: string, lang: ReportLang): string => (lang === 'zh' ? `“${s}”` : `“${s}”`);
