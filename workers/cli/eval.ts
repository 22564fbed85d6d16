import { datasetsDir, hasDatasets } from '../train/datasets.js';
import { evaluate, machineLine } from '../eval/run-eval.js';
import { formatTable } from '../eval/table.js';

/**
 * `yuqing eval` (npm run eval): one table over every corpus in ../shared/datasets (or
 * $YUQING_DATASETS), on the fixed test split the models were not trained on, with the naive-Bayes
 * baseline beside each figure and throughput beside natural's classifiers. Progress goes to stderr.
 */
export async function main(_args: string[]): Promise<void> {
  const dir = datasetsDir();
  if (!hasDatasets(dir)) {
    process.stdout.write(`yuqing eval: skipped — no datasets at ${dir} (set YUQING_DATASETS)\n`);
    return;
  }
  const t0 = performance.now();
  const rows = await evaluate(dir, (line) => process.stderr.write(line + '\n'));
  process.stdout.write(`yuqing eval — ${machineLine()}, ${new Date().toISOString().slice(0, 10)}, ${((performance.now() - t0) / 1000).toFixed(0)} s\n\n`);
  process.stdout.write(formatTable(rows));
}
