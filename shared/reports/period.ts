import type { ReportKind, ReportPeriod } from '../contracts/reports.js';
import { addDays, zonedDayRange } from '../time/zoned-day.js';

/** The day after a period's last day. */
const DAYS: Record<ReportKind, number> = { day: 1, week: 7 };

/** The period a report covers: one zoned calendar day, or the seven zoned days from a Monday. */
export function reportPeriod(kind: ReportKind, start: string, timeZone: string): ReportPeriod {
  const end = addDays(start, DAYS[kind] - 1);
  const from = zonedDayRange(start, timeZone).from;
  const to = zonedDayRange(end, timeZone).to;
  return { kind, start, end, timeZone, from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}

/** The period just before (the day before, or the week before). */
export function previousPeriod(p: ReportPeriod): ReportPeriod {
  return reportPeriod(p.kind, addDays(p.start, -DAYS[p.kind]), p.timeZone);
}

/** The Monday of the ISO week a calendar date falls in. */
export function mondayOf(date: string): string {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(date, -((dow + 6) % 7));
}

/** The calendar days of a period, in order. */
export function daysOf(p: ReportPeriod): string[] {
  const out: string[] = [];
  for (let d = p.start; d <= p.end; d = addDays(d, 1)) out.push(d);
  return out;
}
