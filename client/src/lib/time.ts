/**
 * Times are shown in the deployment's zone (from /api/v1/meta), not the browser's, so a duty officer
 * and a report printed elsewhere read the same clock as the server's daily summary.
 */
import { addDays, wallTime, zoneOffsetMinutes } from '../../../shared/time/zoned-day.js';

const MINUTE = 60_000;

/** Offset of `timeZone` from UTC at the instant `ms`, in ms (east positive). */
export function zoneOffset(ms: number, timeZone: string): number {
  return zoneOffsetMinutes(timeZone, ms) * MINUTE;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DDTHH:mm` wall time in `timeZone` (the value format of `<input type="datetime-local">`). */
export function toZonedInput(ms: number, timeZone: string): string {
  const p = wallTime(timeZone, ms);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** The instant of a `YYYY-MM-DDTHH:mm` wall time in `timeZone`, or null when it cannot be read. */
export function fromZonedInput(value: string, timeZone: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m) return null;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  if (Number.isNaN(wall)) return null;
  // Two passes settle the offset across a daylight-saving change.
  let guess = wall - zoneOffset(wall, timeZone);
  guess = wall - zoneOffset(guess, timeZone);
  return guess;
}

/** Today's date (`YYYY-MM-DD`) in `timeZone`. */
export function todayIn(timeZone: string, now = Date.now()): string {
  return toZonedInput(now, timeZone).slice(0, 10);
}

/** Calendar arithmetic on `YYYY-MM-DD` strings (no time zone involved). */
export { addDays };

/** A real calendar date in `YYYY-MM-DD` form (2026-02-30 is not). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value;
}

export function formatDateTime(value: string | number, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    hourCycle: 'h23',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(value));
}

export function formatClock(value: string | number, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' }).format(new Date(value));
}

export function formatDay(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric', weekday: 'short' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

export { MINUTE };

/** Year to seconds: the audit log and account records, where the year and the second matter. */
export function formatFullDateTime(value: string | number, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(new Date(value));
}

/**
 * The browser's own zone: the pages that cannot read /meta (the auditor has no meta.read) show
 * and take times in it, so a filter typed in and the rows shown read the same clock.
 */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
