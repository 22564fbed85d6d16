import { describe, expect, it } from 'vitest';
import { byUrgency, responseClock } from '../../../shared/incidents/clock.js';

const H = 3_600_000;
const T0 = Date.UTC(2026, 0, 10, 8, 0, 0);

describe('response clock', () => {
  it.each([
    { after: 0, level: 'ok', passed: 0, next: 5 },
    { after: 3.9 * H, level: 'ok', passed: 0, next: 5 },
    { after: 4 * H, level: 'warning', passed: 0, next: 5 },
    { after: 4.5 * H, level: 'warning', passed: 0, next: 5 },
    { after: 5 * H, level: 'overdue', passed: 1, next: 24 },
    { after: 23.5 * H, level: 'overdue', passed: 1, next: 24 },
    { after: 30 * H, level: 'overdue', passed: 2, next: 48 },
    { after: 50 * H, level: 'overdue', passed: 3, next: null },
  ])('after $after ms: $level, $passed marks passed, next $next h', ({ after, level, passed, next }) => {
    const c = responseClock(T0, T0 + after);
    expect(c.level).toBe(level);
    expect(c.marksPassed).toBe(passed);
    expect(c.next?.hours ?? null).toBe(next);
    expect(c.elapsedMs).toBe(after);
    expect(c.stopped).toBe(false);
    if (c.next) expect(c.next.remainingMs).toBe(c.next.hours * H - after);
  });

  it('stops when the incident is closed', () => {
    const c = responseClock(T0, T0 + 40 * H, T0 + 2 * H);
    expect(c).toMatchObject({ stopped: true, elapsedMs: 2 * H, marksPassed: 0, level: 'ok', next: { hours: 5, remainingMs: 3 * H } });
  });

  it('orders by urgency: running before stopped, overdue first, then nearest deadline, unacknowledged first', () => {
    const item = (id: number, openedHoursAgo: number, ack = false, closedHoursAgo: number | null = null) => {
      const now = T0 + 100 * H;
      const opened = now - openedHoursAgo * H;
      return { id, acknowledgedAt: ack ? 'x' : null, clock: responseClock(opened, now, closedHoursAgo === null ? null : now - closedHoursAgo * H) };
    };
    const list = [item(1, 1), item(2, 4.5), item(3, 30), item(4, 4.5, true), item(5, 10, false, 1), item(6, 6)];
    expect(list.sort(byUrgency).map((x) => x.id)).toEqual([3, 6, 2, 4, 1, 5]);
  });
});
