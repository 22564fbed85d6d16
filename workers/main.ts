import 'dotenv/config';
import { Worker, UnrecoverableError } from 'bullmq';
import { Redis } from 'ioredis';
import { parseEnv, ConfigError } from '../shared/config/env.js';
import { CHANNELS, MENTIONS_QUEUE, channelName, type MentionBatchJob } from '../shared/contracts/queue.js';
import { closeRedis, within } from '../shared/util/within.js';
import { createLogger } from './log.js';
import { startWorkerMetrics } from './metrics.js';
import { createTagger } from './nlp/tagger.js';
import { createUntaggedTagger } from './nlp/untagged.js';
import { createBatchProcessor, UnprocessableJobError, type BatchOutcome } from './pipeline/process-batch.js';
import { WAL_SIZE_LIMIT_BYTES } from '../shared/store/sqlite/pragmas.js';
import { openStore } from '../shared/store/store.js';
import { startPartitionUpkeep } from './store/partitions.js';
import { startRetention } from './store/retention.js';
import { startWalCheckpoints } from './store/wal-checkpoint.js';
import { loadTopics } from './topics-source.js';
import { createKeywordWatch, keywordRulesReloader, loadKeywordRules } from './alerts/keyword-watch.js';

/** How often each worker deletes what has passed YUQING_RETENTION_DAYS (and once at start). */
const RETENTION_EVERY_MS = 10 * 60_000;
/**
 * How often keyword alert rules are re-read even without a notification (a missed pub/sub message,
 * a rule changed through another deployment's server): a rule change is in force within this.
 */
const KEYWORD_RULES_EVERY_MS = 5_000;

/** One worker process: consumes mention batches until told to stop, then finishes the job in hand. */
export async function main(): Promise<void> {
  const log = createLogger('worker');
  let env;
  try {
    env = parseEnv(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      log.fatal(err.message);
      process.exit(78);
    }
    throw err;
  }
  if (!env.REDIS_URL) {
    log.fatal('REDIS_URL is not set: a worker needs the Redis that the server uses (`yuqing start` sets it for its workers)');
    process.exit(78);
  }
  const store = await openStore({ dataDir: env.DATA_DIR, databaseUrl: env.DATABASE_URL, mode: 'write' });
  const partitions = await startPartitionUpkeep(store, (err) => log.warn({ error: err.message }, 'creating the coming days\' partitions failed; retrying later'));
  const checkpoints = startWalCheckpoints(store, {
    maxBytes: WAL_SIZE_LIMIT_BYTES,
    idleMs: 30_000,
    onResult: (r) => {
      if (r instanceof Error) log.warn({ error: r.message }, 'WAL checkpoint failed');
      else if (r.busy) log.debug(r, 'WAL checkpoint could not finish (readers or another writer); trying again later');
    },
  });
  const tagger = env.YUQING_BENCH_UNTAGGED ? createUntaggedTagger() : createTagger({ topics: await loadTopics(store.db) });
  if (env.YUQING_BENCH_UNTAGGED) log.warn('YUQING_BENCH_UNTAGGED=1: tagging is off (benchmark ceiling); stored tags mean nothing');
  // Read before the Redis connections open: an await between `new Redis` and SUBSCRIBE widens
  // ioredis's race of SUBSCRIBE against its INFO ready check (redis/ioredis#2037).
  const keywords = createKeywordWatch(await loadKeywordRules(store.db));
  const connection = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });
  const publisher = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 3 });
  const subscriber = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });
  const deltaChannel = channelName(env.YUQING_REDIS_PREFIX, CHANNELS.delta);
  const topicsChannel = channelName(env.YUQING_REDIS_PREFIX, CHANNELS.topicsChanged);
  const alertRulesChannel = channelName(env.YUQING_REDIS_PREFIX, CHANNELS.alertRulesChanged);
  const reloadKeywords = keywordRulesReloader(store.db, keywords, (err) => log.warn({ error: err.message }, 'keyword alert rules not reloaded'));
  const keywordTimer = setInterval(() => void reloadKeywords(), KEYWORD_RULES_EVERY_MS);
  keywordTimer.unref();
  await subscriber.subscribe(topicsChannel, alertRulesChannel);
  subscriber.on('message', (channel) => {
    if (channel === alertRulesChannel) void reloadKeywords();
    if (channel !== topicsChannel) return;
    loadTopics(store.db).then(
      (topics) => {
        tagger.setTopics(topics);
        log.info('topic configuration reloaded');
      },
      (err: Error) => log.warn({ error: err.message }, 'topic configuration not reloaded'),
    );
  });

  const metrics = startWorkerMetrics({ redis: publisher, prefix: env.YUQING_REDIS_PREFIX, warn: (msg, fields) => log.warn(fields, msg) });
  const processBatch = createBatchProcessor({
    store,
    tagger,
    publish: async (delta) => void (await publisher.publish(deltaChannel, JSON.stringify(delta))),
    warn: (msg, fields) => log.warn(fields, msg),
    retentionDays: env.YUQING_RETENTION_DAYS,
    keywords,
    timing: metrics,
  });

  const worker = new Worker<MentionBatchJob, BatchOutcome>(
    MENTIONS_QUEUE,
    async (job) => {
      try {
        const outcome = await processBatch(job.id ?? 'unknown', job.data);
        log.debug({ job: job.id, ...outcome }, 'batch stored');
        metrics.batchDone(outcome);
        return outcome;
      } catch (err) {
        metrics.batchFailed(err instanceof UnprocessableJobError);
        if (err instanceof UnprocessableJobError) throw new UnrecoverableError(err.message);
        throw err;
      } finally {
        metrics.publishSoon();
      }
    },
    {
      connection,
      prefix: env.YUQING_REDIS_PREFIX,
      concurrency: 1,
      lockDuration: env.YUQING_JOB_LOCK_MS,
      stalledInterval: Math.max(1000, Math.floor(env.YUQING_JOB_LOCK_MS / 2)),
      maxStalledCount: 10,
      autorun: true,
    },
  );
  worker.on('failed', (job, err) => log.warn({ job: job?.id, attempts: job?.attemptsMade, error: err.message }, 'batch failed'));
  worker.on('error', (err) => log.error({ error: err.message }, 'worker error'));
  await worker.waitUntilReady();
  log.info({ pid: process.pid, queue: MENTIONS_QUEUE }, 'worker ready');
  process.send?.({ type: 'ready' });

  const retention =
    env.YUQING_RETENTION_DAYS === undefined
      ? undefined
      : startRetention(store, {
          days: env.YUQING_RETENTION_DAYS,
          everyMs: RETENTION_EVERY_MS,
          onPass: (r) => {
            if (r instanceof Error) log.warn({ error: r.message }, 'retention pass failed; next pass retries');
            else if (r.mentions + r.rejectedItems > 0) log.info({ ...r, days: env.YUQING_RETENTION_DAYS }, 'retention: deleted old mentions');
          },
        });

  let stopping = false;
  const stop = async (why: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ why }, 'worker stopping: finishing the batch in hand');
    // Waits for the batch in hand; bounded so a vanished Redis cannot hold the process forever
    // (an unfinished job is redelivered and counted once).
    await within(worker.close(), env.YUQING_JOB_LOCK_MS * 2);
    await retention?.stop();
    clearInterval(keywordTimer);
    // Deleting the snapshot is a courtesy (it expires anyway): never wait long on a Redis that is away.
    await within(metrics.stop(), 1000);
    await closeRedis(subscriber);
    await closeRedis(publisher);
    await closeRedis(connection);
    checkpoints.stop();
    partitions.stop();
    await store.close();
    log.info('worker stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  // Started by `yuqing start`: if the supervisor dies, finish cleanly rather than linger as an orphan.
  process.on('disconnect', () => void stop('supervisor gone'));
}
