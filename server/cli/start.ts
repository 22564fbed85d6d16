import { createServer } from 'node:http';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { openStore } from '../../shared/store/store.js';
import { createApplication } from '../app.js';
import { loadEnv, resolveTokens } from '../config.js';
import { startDemoFeed } from '../demo/runner.js';
import { createLogger } from '../log.js';
import { redactRedisUrl, startLocalRedis, type LocalRedis } from './local-redis.js';
import { startWorkerPool } from './worker-pool.js';

const CLIENT_DIR = fileURLToPath(new URL('../../dist/client', import.meta.url));

/**
 * `yuqing start` (npm start): Redis (REDIS_URL or a local child), the HTTP + Socket.IO server,
 * the worker processes and the demo feed; Ctrl-C / SIGTERM stops them in order, losing nothing.
 */
export async function main(): Promise<void> {
  await run({ role: 'all' });
}

/**
 * role 'all': everything on one machine. role 'server': only the HTTP + Socket.IO server (and the
 * demo feed), for scaling out behind a load balancer next to separately started workers.
 */
export async function run({ role }: { role: 'all' | 'server' }): Promise<void> {
  const env = loadEnv();
  const log = createLogger('yuqing', env.LOG_LEVEL);
  let localRedis: LocalRedis | undefined;
  if (role === 'server' && !env.REDIS_URL) {
    log.fatal('`yuqing server` needs REDIS_URL (the Redis its workers use); `yuqing start` starts one itself');
    process.exit(78);
  }
  const redisUrl = env.REDIS_URL ?? (localRedis = await startLocalRedis(env.DATA_DIR, log)).url;
  const { ingestToken } = resolveTokens(env, log);

  // The server's store: SQLite reads on worker threads (mode 'read'), or PostgreSQL with DATABASE_URL.
  const store = await openStore({ dataDir: env.DATA_DIR, databaseUrl: env.DATABASE_URL, mode: 'read' });
  log.info({ store: store.location, backend: store.backend }, 'store open');
  const httpServer = createServer();
  const app = await createApplication(httpServer, {
    store,
    env: { ...env, REDIS_URL: redisUrl },
    ingestToken,
    log,
    clientDir: CLIENT_DIR,
  });
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(env.PORT, env.HOST, () => resolve());
  });

  const workerCount = role === 'server' ? 0 : (env.YUQING_WORKERS ?? availableParallelism());
  const workers = startWorkerPool(workerCount, { ...process.env, REDIS_URL: redisUrl, DATA_DIR: env.DATA_DIR }, log);

  const demo = env.YUQING_DEMO
    ? startDemoFeed(
        {
          seed: env.YUQING_DEMO_SEED,
          ratePerMinute: env.YUQING_DEMO_RATE,
          speed: env.YUQING_DEMO_SPEED,
          backfillMinutes: env.YUQING_DEMO_BACKFILL_MINUTES,
          alignBackfillToCycle: true,
        },
        (mentions) => app.ingestor.enqueue(mentions, 'demo'),
        (msg, fields) => log.info(fields ?? {}, msg),
      )
    : undefined;

  const port = (httpServer.address() as { port: number }).port;
  const url = `http://localhost:${port}/live`;
  log.info({ workers: workerCount, demo: env.YUQING_DEMO, redis: redactRedisUrl(redisUrl) }, 'yuqing is running');
  process.stderr.write(
    `\n  yuqing is running — open ${url}\n` +
      `  ingest: POST http://localhost:${port}/api/v1/mentions with "Authorization: Bearer <token>"` +
      `${env.YUQING_INGEST_TOKEN ? '' : ` (token in ${env.DATA_DIR}/ingest-token)`}\n` +
      `  ${env.YUQING_DEMO ? 'demo feed on (YUQING_DEMO=0 turns it off)' : 'demo feed off'}; Ctrl-C stops everything\n\n`,
  );

  let stopping = false;
  const shutdown = async (why: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ why }, 'shutting down: demo → HTTP → workers (finishing batches) → store and Redis');
    const force = setTimeout(() => {
      log.error('shutdown took too long; exiting');
      process.exit(1);
    }, 120_000);
    force.unref();
    await demo?.stop();
    await app.stopAccepting();
    await workers.stop();
    await app.close();
    await store.close();
    await localRedis?.stop();
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}
