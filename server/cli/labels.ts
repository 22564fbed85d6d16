import { createWriteStream, existsSync } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { backendOf, openStore, sqliteFileOf } from '../../shared/store/store.js';
import { loadEnv } from '../config.js';
import { reviewLabels } from '../store/reviews.js';

/**
 * `yuqing labels export [FILE]`: writes every mention an analyst reviewed, with the analysts'
 * verdicts, as JSON lines (default DATA_DIR/review-labels.jsonl, where `yuqing train` looks for
 * them). Safe while the system runs: it only reads the store.
 */
export async function main(args: string[]): Promise<void> {
  const [verb, fileArg] = args;
  if (verb !== 'export') {
    process.stderr.write('usage: yuqing labels export [FILE]\n  FILE: where to write the reviewed mentions (default DATA_DIR/review-labels.jsonl)\n');
    process.exit(verb === undefined || verb === '--help' ? 0 : 2);
  }
  const env = loadEnv();
  const where = { dataDir: env.DATA_DIR, databaseUrl: env.DATABASE_URL };
  if (backendOf(where.databaseUrl) === 'sqlite' && !existsSync(sqliteFileOf(where))) {
    process.stderr.write(`yuqing labels: no store at ${env.DATA_DIR} (set DATA_DIR or DATABASE_URL)\n`);
    process.exit(1);
  }
  const file = fileArg ?? path.join(env.DATA_DIR, 'review-labels.jsonl');
  const store = await openStore({ ...where, mode: 'read', readers: 1 });
  const out = createWriteStream(file);
  let n = 0;
  try {
    for await (const label of reviewLabels(store.db)) {
      if (!out.write(JSON.stringify(label) + '\n')) await once(out, 'drain');
      n++;
    }
  } finally {
    await store.close();
    out.end();
    await once(out, 'finish');
  }
  process.stderr.write(`yuqing labels: ${n} reviewed mentions written to ${file}\n`);
}
