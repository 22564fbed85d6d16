import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync, appendFileSync } from 'node:fs';
import path from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { SingleBar, Presets } from 'cli-progress';
import { parseMention, type Mention } from '../../shared/contracts/mention.js';
import { MAX_MENTIONS_PER_JOB, MENTIONS_QUEUE, type MentionBatchJob } from '../../shared/contracts/queue.js';
import { loadEnv } from '../config.js';
import { readRecords } from '../ingest/file-records.js';
import { createIngestor } from '../ingest/ingestor.js';
import { closeRedis, within } from '../../shared/util/within.js';
import { localRedisUrl, redactRedisUrl } from './local-redis.js';

interface Checkpoint {
  file: string;
  /** Records up to and including this number are durably queued. */
  done: number;
  complete: boolean;
  accepted: number;
  rejected: number;
}

async function sha256(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(file)) h.update(chunk as Buffer);
  return h.digest('hex');
}

/**
 * `yuqing import FILE`: queues the mentions of a JSON Lines or CSV file. Progress is checkpointed
 * by file content, so an interrupted import resumes where it stopped and a finished one is not
 * queued again; the store's uid key makes even a forced re-import count nothing twice.
 */
export async function main(args: string[]): Promise<void> {
  const force = args.includes('--force');
  const file = args.find((a) => !a.startsWith('--'));
  if (!file || args.includes('--help')) {
    process.stderr.write('usage: yuqing import FILE [--force]\n  FILE: .jsonl / .ndjson (one Mention per line) or .csv (header row; see README)\n');
    process.exit(file ? 0 : 2);
  }
  if (!existsSync(file) || !statSync(file).isFile()) {
    process.stderr.write(`yuqing import: no such file: ${file}\n`);
    process.exit(2);
  }
  const env = loadEnv();
  const redisUrl = env.REDIS_URL ?? localRedisUrl(env.DATA_DIR);
  if (!redisUrl) {
    process.stderr.write('yuqing import: no Redis to queue into. Start yuqing (`npm start`) first, or set REDIS_URL.\n');
    process.exit(69);
  }

  const dir = path.join(env.DATA_DIR, 'imports');
  mkdirSync(dir, { recursive: true });
  const digest = await sha256(file);
  const ckFile = path.join(dir, `${digest.slice(0, 32)}.json`);
  const rejectsFile = path.join(dir, `${digest.slice(0, 32)}.rejects.jsonl`);
  let ck: Checkpoint = existsSync(ckFile)
    ? (JSON.parse(readFileSync(ckFile, 'utf8')) as Checkpoint)
    : { file: path.resolve(file), done: 0, complete: false, accepted: 0, rejected: 0 };
  if (force) ck = { file: path.resolve(file), done: 0, complete: false, accepted: 0, rejected: 0 };
  if (ck.complete) {
    process.stderr.write(`${file}: already imported (${ck.accepted} accepted, ${ck.rejected} rejected); nothing to do. --force queues it again (stored mentions still count once).\n`);
    return;
  }
  if (ck.done > 0) process.stderr.write(`${file}: resuming after record ${ck.done}\n`);

  const connection = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  await new Promise<void>((resolve, reject) => {
    connection.once('ready', () => resolve());
    connection.once('error', (e) => reject(new Error(`cannot reach Redis at ${redactRedisUrl(redisUrl)}: ${e.message}`)));
  });
  const queue = new Queue<MentionBatchJob>(MENTIONS_QUEUE, { connection, prefix: env.YUQING_REDIS_PREFIX });
  const ingestor = createIngestor(queue, () => connection.status === 'ready');

  const total = statSync(file).size;
  const bar = new SingleBar(
    { format: 'importing [{bar}] {percentage}% | {records} records | {accepted} accepted | {rejected} rejected', stream: process.stderr },
    Presets.shades_classic,
  );
  bar.start(total, 0, { records: 0, accepted: ck.accepted, rejected: ck.rejected });

  let pending: Mention[] = [];
  let last = ck.done;
  const save = () => writeFileSync(ckFile, JSON.stringify(ck));
  const flush = async () => {
    await ingestor.enqueue(pending, 'import');
    ck.accepted += pending.length;
    ck.done = last;
    pending = [];
    save();
  };
  let bytes = 0;
  for await (const rec of readRecords(file, (b) => (bytes = b))) {
    if (rec.n <= ck.done) continue;
    last = rec.n;
    const parsed = rec.error ? { ok: false as const, error: rec.error } : parseMention(rec.value);
    if (parsed.ok) pending.push(parsed.mention);
    else {
      ck.rejected++;
      appendFileSync(rejectsFile, `${JSON.stringify({ record: rec.n, error: parsed.error })}\n`);
    }
    if (pending.length >= MAX_MENTIONS_PER_JOB * 4) await flush();
    bar.update(bytes, { records: rec.n, accepted: ck.accepted + pending.length, rejected: ck.rejected });
  }
  await flush();
  ck.complete = true;
  save();
  bar.update(total, { accepted: ck.accepted, rejected: ck.rejected });
  bar.stop();
  process.stderr.write(
    `${file}: ${ck.accepted} mentions queued, ${ck.rejected} rejected` +
      `${ck.rejected ? ` (reasons in ${rejectsFile})` : ''}\n`,
  );
  await within(queue.close(), 2000);
  await closeRedis(connection);
}
