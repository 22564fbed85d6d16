import type { Redis } from 'ioredis';
import { AggregatorRegistry } from 'prom-client';
import { workerMetricsIndexKey, workerMetricsSnapshotSchema, type WorkerMetricsSnapshot } from '../../shared/contracts/metrics.js';

export interface WorkerSnapshots {
  snapshots: WorkerMetricsSnapshot[];
  /** Keys whose content was not a snapshot (a newer version's, or damaged): left out. */
  unreadable: number;
}

/**
 * The snapshots of the workers that are alive (written within their TTL; shared/contracts/metrics.ts).
 * Expired entries of the index are dropped on the way, so it holds only the living.
 */
export async function readWorkerSnapshots(redis: Redis, prefix: string, now: number): Promise<WorkerSnapshots> {
  const index = workerMetricsIndexKey(prefix);
  await redis.zremrangebyscore(index, '-inf', now);
  const keys = await redis.zrangebyscore(index, now, '+inf');
  if (keys.length === 0) return { snapshots: [], unreadable: 0 };
  const raw = await redis.mget(...keys);
  const snapshots: WorkerMetricsSnapshot[] = [];
  let unreadable = 0;
  for (const text of raw) {
    if (text === null) continue; // expired between the two reads
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      unreadable++;
      continue;
    }
    const r = workerMetricsSnapshotSchema.safeParse(json);
    if (r.success) snapshots.push(r.data);
    else unreadable++;
  }
  return { snapshots, unreadable };
}

/**
 * The workers' series as Prometheus text: one family per metric name across all workers (each
 * series keeps its `worker` label, so nothing is summed across workers).
 */
export async function workerMetricsText(snapshots: readonly WorkerMetricsSnapshot[]): Promise<string> {
  if (snapshots.length === 0) return '';
  const perWorker = snapshots.map((s) =>
    s.metrics.map((m) => ({ ...m, values: m.values.filter((v) => v.value !== null) })),
  );
  return AggregatorRegistry.aggregate(perWorker).metrics();
}
