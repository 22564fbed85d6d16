import { describe, expect, it } from 'vitest';
import type { LiveState } from '../../../server/live/live-state.js';
import { diffLiveState } from '../../../server/live/live-state.js';

const point = (t: number, positive = 0, neutral = 0, negative = 0, critical = 0) => ({ t, positive, neutral, negative, critical });
const empty: LiveState = { series: [], topics: [], totals: { total: 0, negative: 0, critical: 0 }, critical: [], rumours: [] };

/** Applies a delta the way a client does, to check that snapshot + deltas = the new state. */
function apply(s: LiveState, d: ReturnType<typeof diffLiveState>): LiveState {
  const series = new Map(s.series.map((p) => [p.t, { ...p }]));
  for (const p of d.series) {
    const q = series.get(p.t) ?? point(p.t);
    series.set(p.t, point(p.t, q.positive + p.positive, q.neutral + p.neutral, q.negative + p.negative, q.critical + p.critical));
  }
  const topics = new Map(s.topics.map((t) => [t.key, t.n]));
  for (const t of d.topics) topics.set(t.key, (topics.get(t.key) ?? 0) + t.n);
  return {
    series: [...series.values()].sort((a, b) => a.t - b.t),
    topics: [...topics].filter(([, n]) => n !== 0).map(([key, n]) => ({ key, n })),
    totals: {
      total: s.totals.total + d.totals.total,
      negative: s.totals.negative + d.totals.negative,
      critical: s.totals.critical + d.totals.critical,
    },
    critical: s.critical,
    rumours: s.rumours,
  };
}

describe('live state diff', () => {
  it('sends only what changed, and applying it reproduces the new state', () => {
    const a: LiveState = { ...empty, series: [point(0, 1, 2, 3, 1), point(60_000)], topics: [{ key: 'traffic', n: 2 }, { key: 'fraud', n: 1 }], totals: { total: 6, negative: 3, critical: 1 } };
    const b: LiveState = { ...empty, series: [point(0, 1, 2, 3, 1), point(60_000, 0, 4, 1, 1)], topics: [{ key: 'traffic', n: 5 }], totals: { total: 11, negative: 4, critical: 2 } };
    const d = diffLiveState(a, b);
    expect(d.series).toEqual([point(60_000, 0, 4, 1, 1)]);
    expect(d.topics).toEqual([{ key: 'traffic', n: 3 }, { key: 'fraud', n: -1 }]);
    expect(d.totals).toEqual({ total: 5, negative: 1, critical: 1 });
    expect(apply(a, d).series).toEqual(b.series);
    expect(apply(a, d).topics).toEqual(b.topics);
    expect(apply(a, d).totals).toEqual(b.totals);
  });
  it('is empty when nothing changed', () => {
    const a: LiveState = { ...empty, series: [point(0, 1)], totals: { total: 1, negative: 0, critical: 0 } };
    expect(diffLiveState(a, a)).toEqual({ series: [], topics: [], totals: { total: 0, negative: 0, critical: 0 }, critical: [], criticalGone: [], rumours: [] });
  });
});
