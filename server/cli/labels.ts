import { createWriteStream, existsSync } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { loadEnv } from '../config.js';
import { openStore } from '../store/open.js';
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
  if (!existsSync(path.join(env.DATA_DIR, 'yuqing.db'))) {
    process.stderr.write(`yuqing labels: no store at ${env.DATA_DIR} (set DATA_DIR)\n`);
    process.exit(1);
  }
  const file = fileArg ?? path.join(env.DATA_DIR, 'review-labels.jsonl');
  const db = openStore(env.DATA_DIR);
  const out = createWriteStream(file);
  let n = 0;
  try {
    for (const label of reviewLabels(db)) {
      if (!out.write(JSON.stringify(label) + '\n')) await once(out, 'drain');
      n++;
    }
  } finally {
    db.close();
    out.end();
    await once(out, 'finish');
  }
  process.stderr.write(`yuqing labels: ${n} reviewed mentions written to ${file}\n`);
}
