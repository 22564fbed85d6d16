import { hostname } from 'node:os';
import type { Redis } from 'ioredis';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { WORKER_METRICS, workerMetricsIndexKey, workerMetricsKey, type WorkerMetricsSnapshot } from '../shared/contracts/metrics.js';

/** Seconds; a batch is up to MAX_MENTIONS_PER_JOB (2,000) mentions. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export interface WorkerMetrics {
  /** Tagging of one batch: seconds and how many mentions were tagged. */
  tagged(seconds: number, mentions: number): void;
  /** The batch's store transaction. */
  stored(seconds: number): void;
  /** A finished job: its outcome counts, or the failure. */
  batchDone(outcome: { stored: number; duplicates: number; expired: number; rejected: number }): void;
  batchFailed(unrecoverable: boolean): void;
  /** Writes the snapshot now (and keeps doing so every WORKER_METRICS.publishEveryMs). */
  publishSoon(): void;
  /** Removes this worker's snapshot (a clean stop is not a death to wait out). */
  stop(): Promise<void>;
}

/**
 * This worker's prom-client registry, published to Redis for the server's GET /metrics
 * (shared/contracts/metrics.ts says why Redis and not a port per worker). Every series carries
 * `worker` = host:pid, so each worker's counters stay monotonic on their own and the series of a
 * worker that is gone simply end.
 */
export function startWorkerMetrics(o: { redis: Redis; prefix: string; warn: (msg: string, fields: Record<string, unknown>) => void; worker?: string }): WorkerMetrics {
  const worker = o.worker ?? `${hostname()}:${process.pid}`;
  const registry = new Registry();
  registry.setDefaultLabels({ worker });
  collectDefaultMetrics({ register: registry, prefix: 'yuqing_worker_' });
  const tagging = new Histogram({
    name: 'yuqing_worker_tagging_seconds',
    help: 'Time to tag one batch of mentions (normalise, segment, sentiment, emotion, critical, stance, topics)',
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const tagged = new Counter({ name: 'yuqing_worker_mentions_tagged_total', help: 'Mentions tagged', registers: [registry] });
  const storeWrite = new Histogram({
    name: 'yuqing_worker_store_write_seconds',
    help: 'Time of one batch store transaction (mentions, stories, aggregates, rumour scores, incidents)',
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const mentions = new Counter({
    name: 'yuqing_worker_mentions_total',
    help: 'Mentions of finished jobs by outcome (stored, duplicate, expired, rejected)',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const batches = new Counter({ name: 'yuqing_worker_batches_total', help: 'Jobs by result (ok, failed = retried later, unrecoverable)', labelNames: ['result'], registers: [registry] });
  for (const outcome of ['stored', 'duplicate', 'expired', 'rejected']) mentions.inc({ outcome }, 0);
  for (const result of ['ok', 'failed', 'unrecoverable']) batches.inc({ result }, 0);

  const key = workerMetricsKey(o.prefix, worker);
  const index = workerMetricsIndexKey(o.prefix);
  let last = 0;
  let pending: NodeJS.Timeout | undefined;
  let stopped = false;
  const publish = async () => {
    pending = undefined;
    if (stopped) return;
    last = Date.now();
    // The shape workerMetricsSnapshotSchema reads back on the server.
    const snapshot = { v: 1, worker, at: last, metrics: await registry.getMetricsAsJSON() } satisfies Record<keyof WorkerMetricsSnapshot, unknown>;
    await o.redis
      .multi()
      .set(key, JSON.stringify(snapshot), 'PX', WORKER_METRICS.ttlMs)
      .zadd(index, last + WORKER_METRICS.ttlMs, key)
      .exec();
  };
  let failing = false;
  // Logged once per outage, not every few seconds while Redis is away.
  const publishLogged = () =>
    publish().then(
      () => void (failing = false),
      (err: Error) => {
        if (!failing) o.warn('worker metrics not published (retrying)', { error: err.message });
        failing = true;
      },
    );
  const timer = setInterval(publishLogged, WORKER_METRICS.publishEveryMs);
  timer.unref();
  void publishLogged();

  return {
    tagged(seconds, n) {
      tagging.observe(seconds);
      tagged.inc(n);
    },
    stored(seconds) {
      storeWrite.observe(seconds);
    },
    batchDone(r) {
      batches.inc({ result: 'ok' });
      mentions.inc({ outcome: 'stored' }, r.stored);
      mentions.inc({ outcome: 'duplicate' }, r.duplicates);
      mentions.inc({ outcome: 'expired' }, r.expired);
      mentions.inc({ outcome: 'rejected' }, r.rejected);
    },
    batchFailed(unrecoverable) {
      batches.inc({ result: unrecoverable ? 'unrecoverable' : 'failed' });
    },
    publishSoon() {
      if (pending || stopped) return;
      // At most one write a second however fast batches finish.
      pending = setTimeout(() => void publishLogged(), Math.max(0, last + 1000 - Date.now()));
      pending.unref();
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      clearTimeout(pending);
      await o.redis
        .multi()
        .del(key)
        .zrem(index, key)
        .exec()
        .catch(() => undefined);
    },
  };
}
