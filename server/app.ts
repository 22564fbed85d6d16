import express from 'express';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import type { Server as HttpServer } from 'node:http';
import path from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { Server as IoServer } from 'socket.io';
import type { Env } from '../shared/config/env.js';
import type { Store } from '../shared/store/store.js';
import { API_PREFIX } from '../shared/contracts/api.js';
import type { ClientToServerEvents, InterServerEvents, ServerToClientEvents } from '../shared/contracts/live.js';
import { CHANNELS, MENTIONS_QUEUE, channelName, type MentionBatchJob } from '../shared/contracts/queue.js';
import { HttpError, errorHandler } from './http/errors.js';
import { refuseNulInQuery } from './http/no-nul-query.js';
import { declaredRoutes, type DeclaredRoute } from './http/route-list.js';
import { createIngestor, type Ingestor } from './ingest/ingestor.js';
import { startLiveHub } from './live/live-hub.js';
import { redisSocketAdapter } from './live/socket-adapter.js';
import { closeRedis, within } from '../shared/util/within.js';
import type { Logger } from './log.js';
import { configRouter } from './routes/config.js';
import { healthRouter } from './routes/health.js';
import { incidentsRouter } from './routes/incidents.js';
import { ingestRouter } from './routes/ingest.js';
import { mentionsRouter } from './routes/mentions.js';
import { reviewRouter } from './routes/review.js';
import { statsRouter } from './routes/stats.js';
import { startAccounts } from './accounts-wiring.js';
import { startAuditAnchor } from './auth/audit-anchor.js';
import { emitPermitted } from './auth/socket-rooms.js';
import { redactRedisUrl } from './cli/local-redis.js';
import { mountReports } from './reports/mount.js';
import { mountNotify, type NotifyOptions } from './notify/mount.js';
import { QUEUE_BOARD_PATH, queueBoard } from './metrics/queue-board.js';
import { countingIngestor, metricsRouter } from './metrics/route.js';
import { createServerMetrics } from './metrics/server-metrics.js';

export interface AppDeps {
  env: Env & { REDIS_URL: string };
  /** The bootstrap ingest token (YUQING_INGEST_TOKEN or DATA_DIR/ingest-token); named tokens live in the store. */
  ingestToken: string;
  log: Logger;
  /** The store, opened by the caller (mode 'read') and closed by it after `close()`. */
  store: Store;
  /** Built dashboard (vite build output); served with a fallback to index.html for client routes. */
  clientDir: string;
  notify?: Partial<NotifyOptions>;
}

export interface Application {
  ingestor: Ingestor;
  /** Every route express has registered (the authorization test checks each has a rule). */
  routes(): DeclaredRoute[];
  /** First step of shutdown: stop live updates, close sockets and stop accepting HTTP requests. */
  stopAccepting(): Promise<void>;
  /** Last step: close the Redis connections (the caller then closes the store it gave). */
  close(): Promise<void>;
}

/** Builds the HTTP API and the live channel on a server that the caller listens with (tests use port 0). */
export async function createApplication(httpServer: HttpServer, deps: AppDeps): Promise<Application> {
  const { env, log } = deps;
  // Owner-only data: the store, the Redis AOF and the secrets files live under DATA_DIR.
  mkdirSync(env.DATA_DIR, { recursive: true, mode: 0o700 });
  chmodSync(env.DATA_DIR, 0o700);
  // Every write of this server goes through it, so the audit log's anchor follows each commit.
  const anchor = startAuditAnchor({ store: deps.store, dataDir: env.DATA_DIR, log });
  const store = anchor.store;
  const db = store.db;
  const prefix = env.YUQING_REDIS_PREFIX;
  // Producer and health checks fail fast while Redis is away (→ 503), instead of queueing commands in memory.
  const redis = new Redis(env.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  redis.on('error', (err) => log.warn({ error: err.message }, 'redis connection problem'));
  await new Promise<void>((resolve, reject) => {
    redis.once('ready', () => resolve());
    redis.once('end', () => reject(new Error(`cannot connect to Redis at ${redactRedisUrl(env.REDIS_URL)}`)));
  });
  const queue = new Queue<MentionBatchJob>(MENTIONS_QUEUE, { connection: redis, prefix });
  queue.on('error', (err) => log.warn({ error: err.message }, 'queue problem'));
  const metrics = createServerMetrics({ queue, redis, prefix, db: store.db, log });
  const ingestor = countingIngestor(createIngestor(queue, () => redis.status === 'ready'), metrics);
  const subscriber = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });
  subscriber.on('error', (err) => log.warn({ error: err.message }, 'redis subscriber problem'));

  // Alerts are evaluated once across servers; a room emit reaches every server's sockets of that room through the adapter.
  const notify = await mountNotify({ env, redis, emit: (a) => emitPermitted(io, 'alert', a), log, options: deps.notify });
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  const accounts = await startAccounts({ env, log, store, redis, bootstrapIngestToken: deps.ingestToken });
  if (env.YUQING_TRUST_PROXY) app.set('trust proxy', /^\d+$/.test(env.YUQING_TRUST_PROXY) ? Number(env.YUQING_TRUST_PROXY) : env.YUQING_TRUST_PROXY);
  // Counted before authorization, so refused ingest requests are counted too.
  app.use(`${API_PREFIX}/mentions`, metrics.countIngestRequests);
  // Security headers, then THE authorization point (the ROUTE table), then the audit of acts, before any router.
  app.use(accounts.middleware);
  app.use(refuseNulInQuery());
  app.use(healthRouter(db, redis, queue));
  app.use(metricsRouter(metrics));
  app.use(QUEUE_BOARD_PATH, queueBoard(queue));
  app.use(
    API_PREFIX,
    ...accounts.routers,
    ingestRouter({
      ingestor,
      rateLimit: accounts.ingestRateLimit,
      notBeforeMs: Date.parse(env.YUQING_MIN_CREATED_AT),
      maxFutureMs: env.YUQING_MAX_FUTURE_MINUTES * 60_000,
      maxBodyBytes: env.YUQING_MAX_BODY_BYTES,
      maxItems: env.YUQING_MAX_BATCH_ITEMS,
      onRejected: (n) => metrics.rejected('api', n),
    }),
    mentionsRouter({ store, log }),
    statsRouter(db, env.YUQING_TIMEZONE),
    mountReports({ env, store, log, httpServer, sender: notify.sender }),
    incidentsRouter({ store }),
    reviewRouter({ store, announce: () => redis.publish(channelName(prefix, CHANNELS.delta), 'review') }),
    notify.router,
    configRouter({
      store,
      timeZone: env.YUQING_TIMEZONE,
      announceTopics: () => redis.publish(channelName(prefix, CHANNELS.topicsChanged), String(Date.now())),
    }),
  );
  app.use(API_PREFIX, (req) => {
    throw new HttpError(404, `no API route ${req.method} ${req.path}`);
  });
  if (existsSync(path.join(deps.clientDir, 'index.html'))) {
    app.use(express.static(deps.clientDir, { index: false, maxAge: '1h' }));
    app.get(/^\/(?!api\/|socket\.io\/).*/, (_req, res) => res.sendFile(path.join(deps.clientDir, 'index.html')));
  } else {
    log.warn({ clientDir: deps.clientDir }, 'dashboard not built (run `npm run build`); serving the API only');
  }
  app.use(errorHandler(log));
  httpServer.on('request', app);

  // Every server of a deployment shares one Redis, so the adapter is always on: a broadcast (an
  // alert) and serverSideEmit (sessions ended) reach the sockets and servers of every instance.
  const socketAdapter = redisSocketAdapter(env.REDIS_URL, prefix, log);
  const io = new IoServer<ClientToServerEvents, ServerToClientEvents, InterServerEvents>(httpServer, { serveClient: false, adapter: socketAdapter.adapter });
  accounts.protectSockets(io);
  metrics.countSocketsWith(() => io.of('/').sockets.size);
  const hub = await startLiveHub({ db, io, subscriber, channel: channelName(prefix, CHANNELS.delta), log });

  return {
    ingestor,
    routes: () => declaredRoutes(app),
    async stopAccepting() {
      await hub.stop();
      await accounts.stop();
      await notify.stop();
      anchor.stop();
      // Closes every socket and the HTTP server under it.
      const closed = new Promise<void>((resolve) => io.close(() => resolve()));
      httpServer.closeIdleConnections();
      await closed;
    },
    async close() {
      await within(queue.close(), 2000);
      await socketAdapter.close();
      await closeRedis(subscriber);
      await closeRedis(redis);
    },
  };
}
