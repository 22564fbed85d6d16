import { describe, expect, it } from 'vitest';
import { addDays, zoneOffsetMinutes, zonedDate, zonedDayRange } from '../../shared/time/zoned-day.js';

describe('zoned days', () => {
  it('finds the UTC bounds of a day in Asia/Shanghai', () => {
    const { from, to } = zonedDayRange('2026-11-24', 'Asia/Shanghai');
    expect(new Date(from).toISOString()).toBe('2026-11-23T16:00:00.000Z');
    expect(to - from).toBe(24 * 3600_000);
  });
  it('handles a 23-hour day across a DST change', () => {
    const { from, to } = zonedDayRange('2026-03-08', 'America/New_York');
    expect(to - from).toBe(23 * 3600_000);
  });
  it('gives the calendar date and offset of an instant', () => {
    const at = Date.parse('2026-11-24T17:30:00Z');
    expect(zoneOffsetMinutes('Asia/Shanghai', at)).toBe(480);
    expect(zonedDate('Asia/Shanghai', at)).toBe('2026-11-25');
    expect(zonedDate('UTC', at)).toBe('2026-11-24');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
