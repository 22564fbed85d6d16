import { countsByKey, rollupCounts } from './rollups.js';
import type { Executor } from '../store.js';

const MINUTE = 60_000;

export interface SliceCount {
  /** Start of the rollup unit (day, hour or minute) the count was read from (ms). */
  t: number;
  dim: 'sentiment' | 'critical';
  key: string;
  n: number;
}

/**
 * Sentiment and critical counts over [edges[0], edges[last]) (ms) from the rollups, the same reads
 * GET /summary makes (rollups.ts): whole UTC days from agg_day, whole hours from agg_hour, only
 * ragged ends from agg_minute. No unit read straddles an edge, so the caller can sum the rows into
 * the buckets between the edges (a report's zoned hours or days) exactly.
 */
export async function sentimentCounts(db: Executor, edges: readonly number[]): Promise<SliceCount[]> {
  const minutes = edges.map((ms, i) => (i === edges.length - 1 ? Math.ceil(ms / MINUTE) : Math.floor(ms / MINUTE)));
  const rows = await rollupCounts(db, minutes, ['sentiment', 'critical'], true);
  return rows.map((r) => ({ t: (r.minute as number) * MINUTE, dim: r.dim as SliceCount['dim'], key: r.key, n: r.n }));
}

/**
 * Whether anything was counted before an instant (else a report has no previous period to compare
 * with). One index probe on agg_minute's leading column: the per-minute counters are never pruned,
 * and only they can say "before this minute" exactly.
 */
export async function countedBefore(db: Executor, at: number): Promise<boolean> {
  const row = await db.selectFrom('agg_minute').select('minute').where('minute', '<', Math.floor(at / MINUTE)).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** The most mentioned topics over [from, to), from the rollups (as the summary's topic list). */
export function topTopics(db: Executor, from: number, to: number, limit: number): Promise<{ key: string; n: number }[]> {
  return countsByKey(db, from, to, 'topic', limit);
}
