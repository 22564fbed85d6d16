import { describe, expect, it } from 'vitest';
import { addDays, fromZonedInput, isIsoDate, toZonedInput, todayIn, zoneOffset } from '../../client/src/lib/time.js';

describe('zoned time helpers', () => {
  it('knows the offset of a fixed zone and of one with daylight saving', () => {
    expect(zoneOffset(Date.UTC(2026, 0, 1), 'Asia/Shanghai')).toBe(8 * 3_600_000);
    expect(zoneOffset(Date.UTC(2026, 6, 1), 'Europe/London')).toBe(3_600_000);
    expect(zoneOffset(Date.UTC(2026, 0, 1), 'Europe/London')).toBe(0);
  });

  it('converts wall time in the server zone to an instant and back', () => {
    const ms = fromZonedInput('2026-11-24T09:30', 'Asia/Shanghai');
    expect(ms).toBe(Date.UTC(2026, 10, 24, 1, 30));
    expect(toZonedInput(ms ?? 0, 'Asia/Shanghai')).toBe('2026-11-24T09:30');
    expect(fromZonedInput('2026-07-01T12:00', 'Europe/London')).toBe(Date.UTC(2026, 6, 1, 11, 0));
    expect(fromZonedInput('not a time', 'Asia/Shanghai')).toBeNull();
  });

  it('gives the date in the server zone, which can differ from UTC', () => {
    const lateUtc = Date.UTC(2026, 10, 24, 20, 0); // 04:00 next day in Shanghai
    expect(todayIn('Asia/Shanghai', lateUtc)).toBe('2026-11-25');
    expect(todayIn('UTC', lateUtc)).toBe('2026-11-24');
  });

  it('steps calendar days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(isIsoDate('2026-11-24')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('24/11/2026')).toBe(false);
  });
});
