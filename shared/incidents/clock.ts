import { RESPONSE_MARK_HOURS, type ResponseClock } from '../contracts/incidents.js';

const HOUR = 3_600_000;
/** A mark this close is a warning. */
export const WARNING_BEFORE_MS = HOUR;

/**
 * The response clock of an incident: time since first detection against the 5 h (authoritative
 * information), 24 h (press conference) and 48 h (response) marks. It stops when the incident is
 * closed. One function for the server's answers and the dashboard's ticking badges.
 */
export function responseClock(openedAt: number, now: number, closedAt: number | null = null): ResponseClock {
  const end = closedAt ?? now;
  const elapsedMs = Math.max(0, end - openedAt);
  let marksPassed = 0;
  let next: ResponseClock['next'] = null;
  for (const hours of RESPONSE_MARK_HOURS) {
    const dueAt = openedAt + hours * HOUR;
    if (end >= dueAt) {
      marksPassed++;
    } else if (!next) {
      next = { hours, dueAt, remainingMs: dueAt - end };
    }
  }
  const level = marksPassed > 0 ? 'overdue' : next && next.remainingMs <= WARNING_BEFORE_MS ? 'warning' : 'ok';
  return { openedAt, elapsedMs, stopped: closedAt !== null, marksPassed, next, level };
}

const LEVEL_RANK = { overdue: 0, warning: 1, ok: 2 } as const;

/**
 * Most urgent first: running clocks before stopped ones, more marks missed, then the nearest
 * deadline, unacknowledged before acknowledged, then the oldest.
 */
export function byUrgency(
  a: { clock: ResponseClock; acknowledgedAt: string | null; id: number },
  b: { clock: ResponseClock; acknowledgedAt: string | null; id: number },
): number {
  return (
    Number(a.clock.stopped) - Number(b.clock.stopped) ||
    LEVEL_RANK[a.clock.level] - LEVEL_RANK[b.clock.level] ||
    b.clock.marksPassed - a.clock.marksPassed ||
    (a.clock.next?.remainingMs ?? Infinity) - (b.clock.next?.remainingMs ?? Infinity) ||
    Number(a.acknowledgedAt !== null) - Number(b.acknowledgedAt !== null) ||
    a.clock.openedAt - b.clock.openedAt ||
    a.id - b.id
  );
}
