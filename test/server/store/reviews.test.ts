import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyReview, reviewLabels } from '../../../server/store/reviews.js';
import { breakdown } from '../../../server/store/stats.js';
import { seedMentions, seedRow } from '../../support/seed.js';
import { BACKENDS, openTestStore, stopTestCluster, type TestStore } from '../../support/stores.js';

const T0 = Date.UTC(2026, 2, 9, 6, 30, 0);
const HOUR = 3_600_000;

afterAll(() => stopTestCluster());

describe.each(BACKENDS)('analyst reviews (%s)', (backend) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await openTestStore(backend);
    await seedMentions(t.store, [seedRow(0, T0), seedRow(1, T0 + 60_000), seedRow(2, T0 + 2 * HOUR)]);
  });
  afterAll(() => t?.close());

  const counts = async (from: number, to: number, dim: 'sentiment' | 'topic' | 'critical') =>
    Object.fromEntries((await breakdown(t.store.db, from, to, dim)).map((x) => [x.key, x.n]));

  it('moves the counters of every granularity with the corrected tags, in the same transaction', async () => {
    // seedRow(0): positive, critical 0, topics traffic+fraud.
    const minute = [T0, T0 + 60_000] as const;
    const day = [Date.UTC(2026, 2, 9), Date.UTC(2026, 2, 10)] as const;
    const hour = [Date.UTC(2026, 2, 9, 6), Date.UTC(2026, 2, 9, 7)] as const;
    const ranges = [minute, hour, day];
    const read = async () => Promise.all(ranges.map(async ([from, to]) => ({ s: await counts(from, to, 'sentiment'), c: await counts(from, to, 'critical'), t: await counts(from, to, 'topic') })));
    const before = await read();
    const r = await applyReview(t.store, 'weibo:s0', { sentiment: 'negative', critical: true, topics: ['traffic'] }, 'analyst', T0 + 5 * HOUR, new Set(['traffic', 'fraud']));
    expect(r.mention.tags).toMatchObject({ sentiment: { label: 'negative' }, critical: true, topics: ['traffic'] });
    const after = await read();
    const n = (o: Record<string, number>, k: string) => o[k] ?? 0;
    for (const [i, b] of before.entries()) {
      const a = after[i]!;
      expect([n(a.s, 'positive') - n(b.s, 'positive'), n(a.s, 'negative') - n(b.s, 'negative')]).toEqual([-1, 1]);
      expect(n(a.c, '1') - n(b.c, '1')).toBe(1);
      expect([n(a.t, 'fraud') - n(b.t, 'fraud'), n(a.t, 'traffic') - n(b.t, 'traffic')]).toEqual([-1, 0]);
    }
    const labels = [];
    for await (const l of reviewLabels(t.store.db)) labels.push(l);
    expect(labels).toEqual([expect.objectContaining({ uid: 'weibo:s0', sentiment: 'negative', critical: true, topics: ['traffic'] })]);
  });

  it('refuses an unknown mention and leaves nothing behind', async () => {
    await expect(applyReview(t.store, 'weibo:nope', { sentiment: 'negative' }, 'a', T0, new Set())).rejects.toThrow(/no mention/);
  });
});
