import { sql } from 'kysely';
import type { Executor } from '../store.js';

/** One counter change: `n` (negative to take back) for `key` of `dim` in the minute `minute` (floor(ms / 60_000)). */
export interface AggregateDelta {
  minute: number;
  dim: string;
  key: string;
  n: number;
}

const HOUR_MINUTES = 60;
const DAY_MINUTES = 1440;

/** Adds up deltas that land in the same counter, so each row is bumped once. */
function merged(deltas: readonly AggregateDelta[], per: number): { bucket: number; dim: string; key: string; n: number }[] {
  const out = new Map<string, { bucket: number; dim: string; key: string; n: number }>();
  for (const d of deltas) {
    const bucket = Math.floor(d.minute / per);
    const k = `${bucket}\u0000${d.dim}\u0000${d.key}`;
    const row = out.get(k);
    if (row) row.n += d.n;
    else out.set(k, { bucket, dim: d.dim, key: d.key, n: d.n });
  }
  return [...out.values()].filter((r) => r.n !== 0);
}

/** Rows per INSERT: well under SQLite's 32,766 bound parameters at 4 a row. */
const CHUNK = 500;

/**
 * Bumps the per-minute, per-hour and per-day counters together (call it inside the transaction
 * that changes the mentions they count, so every granularity shows the same numbers at once).
 */
export async function applyAggregateDeltas(db: Executor, deltas: readonly AggregateDelta[]): Promise<void> {
  const minutes = merged(deltas, 1).map((r) => ({ minute: r.bucket, dim: r.dim, key: r.key, n: r.n }));
  for (let i = 0; i < minutes.length; i += CHUNK) {
    await db
      .insertInto('agg_minute')
      .values(minutes.slice(i, i + CHUNK))
      .onConflict((oc) => oc.columns(['minute', 'dim', 'key']).doUpdateSet({ n: sql<number>`agg_minute.n + excluded.n` }))
      .execute();
  }
  for (const [table, per] of [['agg_hour', HOUR_MINUTES], ['agg_day', DAY_MINUTES]] as const) {
    const rows = merged(deltas, per);
    for (let i = 0; i < rows.length; i += CHUNK) {
      await db
        .insertInto(table)
        .values(rows.slice(i, i + CHUNK))
        .onConflict((oc) => oc.columns(['bucket', 'dim', 'key']).doUpdateSet({ n: sql<number>`${sql.table(table)}.n + excluded.n` }))
        .execute();
    }
  }
}
