import type { Queue } from 'bullmq';
import type { RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import type { IngestSource } from '../../shared/contracts/queue.js';
import { alertsByKind, deliveryAttemptsByChannel } from '../../shared/store/repos/ops-counts.js';
import { storedMentionCount } from '../../shared/store/repos/rollups.js';
import type { Executor } from '../../shared/store/store.js';
import type { Logger } from '../log.js';
import { readWorkerSnapshots, workerMetricsText } from './worker-snapshots.js';

const QUEUE_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'paused', 'failed'] as const;

export interface ServerMetricsOptions {
  queue: Queue;
  redis: Redis;
  prefix: string;
  db: Executor;
  log: Logger;
  now?: () => number;
}

export interface ServerMetrics {
  /** Counts every POST /api/v1/mentions by its answer's status (refused ones included). */
  countIngestRequests: RequestHandler;
  accepted(source: IngestSource, n: number): void;
  rejected(source: IngestSource, n: number): void;
  /** Where the connected Socket.IO clients are counted from (the server is built after the metrics). */
  countSocketsWith(count: () => number): void;
  contentType: string;
  /** This server's metrics, then every living worker's. */
  text(): Promise<string>;
}

/**
 * The server's prom-client registry (process metrics prefixed `yuqing_`). Queue, store and alert
 * figures are read when scraped, so they are true for the whole deployment whichever server is
 * scraped; ingest and socket figures are this server's own.
 */
export function createServerMetrics(o: ServerMetricsOptions): ServerMetrics {
  const now = o.now ?? Date.now;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'yuqing_' });
  const collectErrors = new Counter({ name: 'yuqing_metrics_collect_errors_total', help: 'Scrapes in which a part could not be read (redis, store, workers)', labelNames: ['part'], registers: [registry] });
  for (const part of ['queue', 'store', 'alerts', 'workers']) collectErrors.inc({ part }, 0);
  /** A part that cannot be read leaves its series out of this scrape instead of failing the others. */
  const guarded = async (part: string, metric: { reset(): void }, read: () => Promise<void>) => {
    try {
      metric.reset();
      await read();
    } catch (err) {
      metric.reset();
      collectErrors.inc({ part });
      o.log.warn({ part, error: (err as Error).message }, 'metrics: part not read');
    }
  };

  const requests = new Counter({ name: 'yuqing_ingest_requests_total', help: 'POST /api/v1/mentions requests by HTTP status', labelNames: ['code'], registers: [registry] });
  const mentions = new Counter({
    name: 'yuqing_ingest_mentions_total',
    help: 'Mentions this server accepted into the queue or rejected at validation, by source',
    labelNames: ['source', 'outcome'],
    registers: [registry],
  });
  mentions.inc({ source: 'api', outcome: 'accepted' }, 0);
  mentions.inc({ source: 'api', outcome: 'rejected' }, 0);

  const queueJobs = new Gauge({
    name: 'yuqing_queue_jobs',
    help: 'Jobs (batches of up to 500 mentions) in the queue by state',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      await guarded('queue', this, async () => {
        const counts = await o.queue.getJobCounts(...QUEUE_STATES);
        for (const state of QUEUE_STATES) this.set({ queue: o.queue.name, state }, counts[state] ?? 0);
      });
    },
  });
  const oldestWaiting = new Gauge({
    name: 'yuqing_queue_oldest_waiting_seconds',
    help: 'Age of the oldest job still waiting for a worker (0 when none waits)',
    labelNames: ['queue'],
    registers: [registry],
    async collect() {
      await guarded('queue', this, async () => {
        // asc: the list's far end, where workers take from; that is the job added first.
        const [job] = await o.queue.getJobs(['waiting'], 0, 0, true);
        this.set({ queue: o.queue.name }, job ? Math.max(0, (now() - job.timestamp) / 1000) : 0);
      });
    },
  });
  const stored = new Gauge({
    name: 'yuqing_mentions_stored',
    help: 'Mentions in the store (from the counters, as /healthz)',
    registers: [registry],
    async collect() {
      await guarded('store', this, async () => this.set(await storedMentionCount(o.db)));
    },
  });
  const alerts = new Counter({
    name: 'yuqing_alerts_fired_total',
    help: 'Alerts raised by the rules, by kind and severity (read from the store: all servers)',
    labelNames: ['kind', 'severity'],
    registers: [registry],
    async collect() {
      await guarded('alerts', this, async () => {
        for (const r of await alertsByKind(o.db)) this.inc({ kind: r.kind, severity: r.severity }, r.n);
      });
    },
  });
  const deliveries = new Counter({
    name: 'yuqing_alert_delivery_attempts_total',
    help: 'Alert delivery attempts by channel (contact point kind) and outcome (sent, failed, suppressed), from the store',
    labelNames: ['channel', 'outcome'],
    registers: [registry],
    async collect() {
      await guarded('alerts', this, async () => {
        for (const r of await deliveryAttemptsByChannel(o.db)) this.inc({ channel: r.channel, outcome: r.status }, r.n);
      });
    },
  });
  let socketCount = () => 0;
  const sockets = new Gauge({
    name: 'yuqing_socket_clients',
    help: 'Socket.IO clients connected to this server',
    registers: [registry],
    collect() {
      this.set(socketCount());
    },
  });
  const workersReporting = new Gauge({ name: 'yuqing_workers_reporting', help: 'Worker processes whose metrics snapshot is fresh (written within its TTL)', registers: [registry] });
  void [queueJobs, oldestWaiting, stored, alerts, deliveries, sockets];

  const scrape = async () => {
    let workers = '';
    try {
      const { snapshots, unreadable } = await readWorkerSnapshots(o.redis, o.prefix, now());
      workersReporting.set(snapshots.length);
      if (unreadable > 0) o.log.warn({ unreadable }, 'metrics: worker snapshots not readable');
      workers = await workerMetricsText(snapshots);
    } catch (err) {
      workersReporting.reset();
      collectErrors.inc({ part: 'workers' });
      o.log.warn({ error: (err as Error).message }, 'metrics: worker snapshots not read');
    }
    return (await registry.metrics()) + workers;
  };
  let inFlight: Promise<string> | undefined;

  return {
    countIngestRequests: (req, res, next) => {
      if (req.method === 'POST' && req.path === '/') res.once('finish', () => requests.inc({ code: String(res.statusCode) }));
      next();
    },
    accepted: (source, n) => mentions.inc({ source, outcome: 'accepted' }, n),
    rejected: (source, n) => mentions.inc({ source, outcome: 'rejected' }, n),
    countSocketsWith(count) {
      socketCount = count;
    },
    contentType: registry.contentType,
    text() {
      // Concurrent scrapes share one reading: the store-read counters are rebuilt (reset, then
      // added up) by each collection, and two interleaved would add twice.
      inFlight ??= scrape().finally(() => (inFlight = undefined));
      return inFlight;
    },
  };
}
