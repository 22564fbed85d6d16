import type { Executor } from '../store.js';
import { chunksOf } from './chunks.js';

/** The rollups kept beside each other: the same counters by minute, hour and day (UTC), for any range's cheapest read. */
/** Bucket widths (ms) of agg_minute, agg_hour and agg_day: bucket = floor(created_at / width), UTC. */
export const GRANULARITIES = { minute: 60_000, hour: 3_600_000, day: 86_400_000 } as const;

/** `n` more (or, negative, fewer) mentions created at `at` (ms) with `dim` = `key`. */
export interface AggregateDelta {
  at: number;
  dim: string;
  key: string;
  n: number;
}

/** Sums deltas in memory by (minute, dim, key), so a batch writes each counter once. */
export class AggregateDeltas {
  private readonly byKey = new Map<string, AggregateDelta>();

  add(at: number, dim: string, key: string, n = 1): void {
    const minute = Math.floor(at / 60_000);
    const k = `${minute}\u0000${dim}\u0000${key}`;
    const d = this.byKey.get(k);
    if (d) d.n += n;
    else this.byKey.set(k, { at: minute * 60_000, dim, key, n });
  }

  get size(): number {
    return this.byKey.size;
  }

  values(): AggregateDelta[] {
    return [...this.byKey.values()];
  }
}

interface Counter {
  bucket: number;
  dim: string;
  key: string;
  n: number;
}

/** Deltas summed per bucket of one granularity, sorted by key so concurrent PostgreSQL writers lock rows in one order. */
function rollUp(deltas: readonly AggregateDelta[], ms: number): Counter[] {
  const sums = new Map<string, Counter>();
  for (const d of deltas) {
    if (d.n === 0) continue;
    const bucket = Math.floor(d.at / ms);
    const k = `${bucket}\u0000${d.dim}\u0000${d.key}`;
    const c = sums.get(k);
    if (c) c.n += d.n;
    else sums.set(k, { bucket, dim: d.dim, key: d.key, n: d.n });
  }
  return [...sums.values()].sort((a, b) => a.bucket - b.bucket || cmp(a.dim, b.dim) || cmp(a.key, b.key));
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Adds deltas to the per-minute, per-hour and per-day counters: one multi-row upsert per
 * granularity and chunk (n = n + excluded.n). The batch writer and the analyst-review correction
 * path both use it, so the three rollups always move together.
 */
export async function applyAggregateDeltas(db: Executor, deltas: readonly AggregateDelta[] | AggregateDeltas): Promise<void> {
  const list = deltas instanceof AggregateDeltas ? deltas.values() : deltas;
  if (list.length === 0) return;
  for (const c of chunksOf(rollUp(list, GRANULARITIES.minute), 4)) {
    await db
      .insertInto('agg_minute')
      .values(c.map((r) => ({ minute: r.bucket, dim: r.dim, key: r.key, n: r.n })))
      .onConflict((oc) => oc.columns(['minute', 'dim', 'key']).doUpdateSet((eb) => ({ n: eb('agg_minute.n', '+', eb.ref('excluded.n')) })))
      .execute();
  }
  for (const c of chunksOf(rollUp(list, GRANULARITIES.hour), 4)) {
    await db
      .insertInto('agg_hour')
      .values(c.map((r) => ({ hour: r.bucket, dim: r.dim, key: r.key, n: r.n })))
      .onConflict((oc) => oc.columns(['hour', 'dim', 'key']).doUpdateSet((eb) => ({ n: eb('agg_hour.n', '+', eb.ref('excluded.n')) })))
      .execute();
  }
  for (const c of chunksOf(rollUp(list, GRANULARITIES.day), 4)) {
    await db
      .insertInto('agg_day')
      .values(c.map((r) => ({ day: r.bucket, dim: r.dim, key: r.key, n: r.n })))
      .onConflict((oc) => oc.columns(['day', 'dim', 'key']).doUpdateSet((eb) => ({ n: eb('agg_day.n', '+', eb.ref('excluded.n')) })))
      .execute();
  }
}
