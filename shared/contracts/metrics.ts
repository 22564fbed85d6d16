import { z } from 'zod';

/**
 * How the workers hand their own measurements (tagging and store-write latency, batches, their
 * process) to the server's GET /metrics: server/ and workers/ meet only in Redis and the store, so
 * every worker writes its prom-client registry, serialised, to a key of its own with a short TTL,
 * and lists the key in an index sorted by expiry. The server reads the keys that have not expired
 * and prints them beside its own metrics, each series labelled with its worker. A worker that dies
 * stops refreshing its key: its series vanish once the TTL has passed.
 */
export const WORKER_METRICS = {
  /** How often a worker rewrites its snapshot (also right after a batch, at most once a second). */
  publishEveryMs: 5_000,
  /** A snapshot not refreshed for this long is no longer reported (three missed publishes). */
  ttlMs: 15_000,
} as const;

export function workerMetricsKey(prefix: string, worker: string): string {
  return `${prefix}:metrics:worker:${worker}`;
}

/** Sorted set of snapshot keys, scored by the time each expires (read without SCAN over the queue's keys). */
export function workerMetricsIndexKey(prefix: string): string {
  return `${prefix}:metrics:workers`;
}

/** One metric as prom-client's `registry.getMetricsAsJSON()` gives it; the values are checked for shape only. */
const metricJsonSchema = z.object({
  name: z.string().regex(/^[a-zA-Z_:][a-zA-Z0-9_:]*$/),
  help: z.string(),
  type: z.enum(['counter', 'gauge', 'histogram', 'summary']),
  aggregator: z.string(),
  values: z.array(
    z.object({
      // NaN serialises as null; such a value is left out rather than failing the snapshot.
      value: z.number().nullable(),
      labels: z.record(z.string(), z.union([z.string(), z.number()])),
      metricName: z.string().optional(),
    }),
  ),
});

export const workerMetricsSnapshotSchema = z.object({
  v: z.literal(1),
  /** host:pid, also the `worker` label on every series of the snapshot. */
  worker: z.string().min(1).max(200),
  at: z.number(),
  metrics: z.array(metricJsonSchema),
});
export type WorkerMetricsSnapshot = z.infer<typeof workerMetricsSnapshotSchema>;
