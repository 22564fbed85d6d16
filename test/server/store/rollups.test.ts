import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dailySummary } from '../../../server/store/summary.js';
import { breakdown, sentimentSeries } from '../../../server/store/stats.js';
import type { NewMention } from '../../../shared/store/repos/mentions.js';
import { planSpans, storedMentionCount } from '../../../shared/store/repos/rollups.js';
import { topCritical } from '../../../shared/store/repos/mentions.js';
import { zonedDayRange } from '../../../shared/time/zoned-day.js';
import { seedMentions, seedRow } from '../../support/seed.js';
import { BACKENDS, openTestStore, stopTestCluster, type TestStore } from '../../support/stores.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 2, 9, 0, 0, 0);
const N = 3000;

describe('planSpans', () => {
  it('reads hours for an Asia/Shanghai day, days for whole UTC days, minutes only at ragged ends', () => {
    const sh = zonedDayRange('2026-03-10', 'Asia/Shanghai');
    expect(planSpans([sh.from / 60_000, sh.to / 60_000])).toEqual([{ grain: 'hour', from: sh.from / 3_600_000, to: sh.to / 3_600_000 }]);
    const utc = [T0 / 60_000, (T0 + 3 * DAY) / 60_000];
    expect(planSpans(utc)).toEqual([{ grain: 'day', from: T0 / DAY, to: T0 / DAY + 3 }]);
    const ragged = planSpans([T0 / 60_000 - 5, T0 / 60_000 + 1440 + 125]);
    expect(ragged.map((s) => s.grain).sort()).toEqual(['day', 'hour', 'minute', 'minute']);
    // Asia/Kolkata (UTC+5:30): hour buckets that straddle UTC hours are read by the minute.
    const kol = zonedDayRange('2026-03-10', 'Asia/Kolkata');
    const edges = Array.from({ length: 25 }, (_, h) => kol.from / 60_000 + h * 60);
    expect(planSpans(edges)).toEqual([{ grain: 'minute', from: edges[0], to: edges[24] }]);
  });
});

afterAll(() => stopTestCluster());

describe.each(BACKENDS)('rollup reads (%s)', (backend) => {
  let t: TestStore;
  let rows: NewMention[];
  beforeAll(async () => {
    t = await openTestStore(backend);
    // Spread over three days at uneven times (some in the same minute).
    rows = Array.from({ length: N }, (_, i) => seedRow(i, T0 + Math.floor((i * 7919 * 60_013) % (3 * DAY))));
    await seedMentions(t.store, rows);
  }, 120_000);
  afterAll(() => t?.close());

  const naive = (from: number, to: number) => rows.filter((r) => r.created_at >= Math.floor(from / 60_000) * 60_000 && r.created_at < Math.ceil(to / 60_000) * 60_000);

  it.each(['UTC', 'Asia/Shanghai', 'Asia/Kolkata'])('daily summary totals and hours in %s equal a count of the rows', async (tz) => {
    const s = await dailySummary(t.store.db, '2026-03-10', tz);
    const day = zonedDayRange('2026-03-10', tz);
    const mine = naive(day.from, day.to);
    expect(s.totals.total).toBe(mine.length);
    expect(s.totals.negative).toBe(mine.filter((r) => r.sentiment === 'negative').length);
    expect(s.totals.critical).toBe(mine.filter((r) => r.critical === 1).length);
    expect(s.hourly).toHaveLength(24);
    for (const p of s.hourly) {
      const inHour = mine.filter((r) => r.created_at >= p.t && r.created_at < p.t + 3_600_000);
      expect(p.positive + p.neutral + p.negative).toBe(inHour.length);
    }
    const fraud = mine.filter((r) => r.topics.includes('fraud')).length;
    expect(s.topics.find((x) => x.key === 'fraud')?.n).toBe(fraud);
    const top = [...mine].filter((r) => r.critical).sort((a, b) => b.engagement - a.engagement || b.created_at - a.created_at || (a.uid < b.uid ? 1 : -1));
    expect(s.topCritical.map((m) => m.engagement)).toEqual(top.slice(0, 10).map((r) => r.engagement));
  });

  it('breakdowns and series over ragged ranges equal a count of the rows', async () => {
    for (const [from, to] of [
      [T0 + 17 * 60_000 + 5, T0 + 2 * DAY + 7 * 3_600_000 + 42 * 60_000],
      [T0 + 3_600_000, T0 + 3_600_000 + 59 * 60_000],
      [T0 - DAY, T0 + 4 * DAY],
    ] as const) {
      const mine = naive(from, to);
      const b = await breakdown(t.store.db, from, to, 'platform');
      expect(b.reduce((s, x) => s + x.n, 0)).toBe(mine.length);
      expect(b.find((x) => x.key === 'twitter')?.n ?? 0).toBe(mine.filter((r) => r.platform === 'twitter').length);
      const series = await sentimentSeries(t.store.db, from, to, 60);
      expect(series.reduce((s, p) => s + p.positive + p.neutral + p.negative, 0)).toBe(mine.length);
    }
  });

  it('counts the stored mentions from the counters, also after retention deleted the oldest', async () => {
    expect(await storedMentionCount(t.store.db)).toBe(N);
    const cutoff = T0 + DAY + 12 * 3_600_000 + 30_000;
    await t.store.write((tx) => tx.deleteFrom('mentions').where('created_at', '<', cutoff).execute());
    expect(await storedMentionCount(t.store.db)).toBe(rows.filter((r) => r.created_at >= cutoff).length);
    // The deleted days still count in their charts.
    expect((await breakdown(t.store.db, T0, T0 + DAY, 'platform')).reduce((s, x) => s + x.n, 0)).toBe(naive(T0, T0 + DAY).length);
  });

  it('finds the most engaged critical mentions through the index', async () => {
    const top = await topCritical(t.store.db, T0 + 2 * DAY, T0 + 3 * DAY, 5);
    expect(top).toHaveLength(5);
    expect(top.every((m) => m.critical === 1)).toBe(true);
  });
});
