import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { datasetsDir, hasDatasets } from '../train/datasets.js';
import { MODELS_DIR } from '../nlp/model/model-file.js';
import { trainRumourModel } from '../train/rumour.js';
import { trainAll } from '../train/train-all.js';

/**
 * `yuqing train` (npm run train): rebuilds workers/models/* from ../shared/datasets (or
 * $YUQING_DATASETS). Seeded and single-threaded, so the same corpora give byte-identical files.
 * Analysts' reviews exported by `yuqing labels export` (DATA_DIR/review-labels.jsonl, or
 * `--reviews FILE`) are folded into the tone, critical and stance models.
 * `--dev DIR` instead trains without the dev fold into DIR (default: a temporary folder), for
 * choosing hyper-parameters on dev; the shipped files are left alone.
 */
export async function main(args: string[]): Promise<void> {
  const dir = datasetsDir();
  if (!hasDatasets(dir)) {
    process.stdout.write(`yuqing train: no datasets at ${dir} (set YUQING_DATASETS); the shipped models are unchanged\n`);
    return;
  }
  const t0 = performance.now();
  const log = (line: string) => process.stdout.write(line + '\n');
  // The analysts' reviews (`yuqing labels export`): --reviews FILE, or DATA_DIR's export when present.
  const reviewsAt = args.indexOf('--reviews');
  const reviewLabels = reviewsAt >= 0 ? args[reviewsAt + 1] : path.join(process.env.DATA_DIR ?? './data', 'review-labels.jsonl');
  const devAt = args.indexOf('--dev');
  if (devAt >= 0) {
    const out = args[devAt + 1] ?? mkdtempSync(path.join(tmpdir(), 'yuqing-dev-models-'));
    await trainAll(dir, log, { outDir: out, holdOut: ['test', 'dev'], ...(reviewLabels ? { reviewLabels } : {}) });
    log(`dev models in ${out}`);
  } else {
    await trainAll(dir, log, reviewLabels ? { reviewLabels } : {});
    // Last: the rumour model reads the tagger's stance and emotion, so it trains on the new tagger.
    const r = await trainRumourModel(dir, MODELS_DIR);
    const m = Object.entries(r.metrics).map(([k, v]) => `${k} ${v}`).join(', ');
    log(`  wrote ${path.basename(r.file)} (${(r.bytes / 1024).toFixed(0)} KB): ${m}`);
  }
  process.stdout.write(`done in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
}
