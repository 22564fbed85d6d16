import type { QuietHours } from '../contracts/alerts.js';

/** Minutes since local midnight in a time zone (Intl: no Node-only dependency). */
function localMinutes(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const h = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
  const m = Number(parts.find((p) => p.type === 'minute')?.value ?? 0);
  return h * 60 + m;
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Whether `at` falls in the quiet hours (start inclusive, end exclusive; start > end spans midnight). */
export function inQuietHours(q: QuietHours | null, at: number, timeZone: string): boolean {
  if (!q) return false;
  const t = localMinutes(at, timeZone);
  const s = toMinutes(q.start);
  const e = toMinutes(q.end);
  return s < e ? t >= s && t < e : t >= s || t < e;
}
