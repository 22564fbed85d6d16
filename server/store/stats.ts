import type { BreakdownDim } from '../../shared/contracts/api.js';
import type { KeyCount, LiveTotals, SeriesPoint } from '../../shared/contracts/views.js';
import { countsByKey, minuteRange, rollupCounts } from '../../shared/store/repos/rollups.js';
import type { Executor } from '../../shared/store/store.js';

/**
 * Volume by sentiment (and critical) per bucket of `bucketMinutes` over [from, to), buckets
 * aligned to `offsetMinutes` (a time zone's offset, so hours are the zone's hours), from the rollups.
 */
export async function sentimentSeries(db: Executor, from: number, to: number, bucketMinutes: number, offsetMinutes = 0): Promise<SeriesPoint[]> {
  const [fromMin, toMin] = minuteRange(from, to);
  const bucketOf = (m: number) => Math.floor((m + offsetMinutes) / bucketMinutes) * bucketMinutes - offsetMinutes;
  const points = new Map<number, SeriesPoint>();
  const edges = [fromMin];
  for (let m = bucketOf(fromMin); m * 60_000 < to; m += bucketMinutes) {
    points.set(m, { t: m * 60_000, positive: 0, neutral: 0, negative: 0, critical: 0 });
    if (m > fromMin && m < toMin) edges.push(m);
  }
  if (toMin > fromMin) edges.push(toMin);
  for (const r of await rollupCounts(db, edges, ['sentiment', 'critical'], true)) {
    const p = points.get(bucketOf(r.minute as number));
    if (!p) continue;
    if (r.dim === 'critical') p.critical += r.n;
    else if (r.key === 'positive' || r.key === 'neutral' || r.key === 'negative') p[r.key] += r.n;
  }
  return [...points.values()];
}

export function totalsOf(points: SeriesPoint[]): LiveTotals & { positive: number; neutral: number } {
  const t = { total: 0, positive: 0, neutral: 0, negative: 0, critical: 0 };
  for (const p of points) {
    t.positive += p.positive;
    t.neutral += p.neutral;
    t.negative += p.negative;
    t.critical += p.critical;
  }
  t.total = t.positive + t.neutral + t.negative;
  return t;
}

/** Counts by one dimension over [from, to), largest first. */
export function breakdown(db: Executor, from: number, to: number, dim: BreakdownDim, limit = 50): Promise<KeyCount[]> {
  return countsByKey(db, from, to, dim, limit);
}
