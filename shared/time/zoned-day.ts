export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock reading of an instant in an IANA time zone. */
export function wallTime(timeZone: string, at: number): WallTime {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(at));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** Offset of an IANA time zone from UTC at an instant, in minutes (e.g. +480 for Asia/Shanghai). */
export function zoneOffsetMinutes(timeZone: string, at: number): number {
  const w = wallTime(timeZone, at);
  const wall = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((wall - Math.floor(at / 1000) * 1000) / 60_000);
}

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function zonedDate(timeZone: string, at: number): string {
  return new Date(at + zoneOffsetMinutes(timeZone, at) * 60_000).toISOString().slice(0, 10);
}

/** [from, to) in ms of a calendar day in a time zone. */
export function zonedDayRange(date: string, timeZone: string): { from: number; to: number } {
  const midnightUtc = Date.parse(`${date}T00:00:00Z`);
  const from = midnightUtc - zoneOffsetMinutes(timeZone, midnightUtc) * 60_000;
  const nextUtc = midnightUtc + 86_400_000;
  const to = nextUtc - zoneOffsetMinutes(timeZone, nextUtc) * 60_000;
  return { from, to };
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
