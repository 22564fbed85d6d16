import { sql } from 'kysely';
import type { Executor } from '../store.js';

const MINUTE = 60_000;
/**
 * Counts are read in quarter-hour slices and summed into zoned hours or days by the caller: every
 * real time zone offset is a whole number of quarter hours (Nepal +5:45), so a slice never straddles
 * the report's hour or midnight, and a week is at most 672 slices per key instead of 10,080 minutes.
 */
export const SLICE_MINUTES = 15;

export interface SliceCount {
  /** Start of the slice (ms). */
  t: number;
  dim: 'sentiment' | 'critical';
  key: string;
  n: number;
}

/** Sentiment and critical counts per quarter hour over [from, to) from the per-minute aggregates. */
export async function sentimentSlices(db: Executor, from: number, to: number): Promise<SliceCount[]> {
  const rows = await db
    .selectFrom('agg_minute')
    // minute is an integer column on both backends, so the division is integral without a cast.
    .select([sql<number>`minute / ${sql.lit(SLICE_MINUTES)}`.as('q'), 'dim', 'key', sql<number>`SUM(n)`.as('n')])
    .where('dim', 'in', ['sentiment', 'critical'])
    .where('minute', '>=', Math.floor(from / MINUTE))
    .where('minute', '<', Math.ceil(to / MINUTE))
    .groupBy(['q', 'dim', 'key'])
    .execute();
  return rows.map((r) => ({ t: Number(r.q) * SLICE_MINUTES * MINUTE, dim: r.dim as SliceCount['dim'], key: r.key, n: Number(r.n) }));
}

/** Whether anything was counted before an instant (else a report has no previous period to compare with). */
export async function countedBefore(db: Executor, at: number): Promise<boolean> {
  const row = await db.selectFrom('agg_minute').select('minute').where('minute', '<', Math.floor(at / MINUTE)).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** The most mentioned topics over [from, to). */
export async function topTopics(db: Executor, from: number, to: number, limit: number): Promise<{ key: string; n: number }[]> {
  const rows = await db
    .selectFrom('agg_minute')
    .select(['key', sql<number>`SUM(n)`.as('n')])
    .where('dim', '=', 'topic')
    .where('minute', '>=', Math.floor(from / MINUTE))
    .where('minute', '<', Math.ceil(to / MINUTE))
    .groupBy('key')
    .orderBy('n', 'desc')
    .orderBy('key', 'asc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ key: r.key, n: Number(r.n) }));
}
