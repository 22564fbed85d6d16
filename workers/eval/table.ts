import type { EvalRow } from './eval-row.js';

const fmt = (v: number | null, metric: string): string =>
  v === null ? '—' : metric.includes('/s') ? Math.round(v).toLocaleString('en-US') : v.toFixed(3);

/** The one table `yuqing eval` prints, as GitHub-flavoured Markdown (it goes into the README as is). */
export function formatTable(rows: readonly EvalRow[]): string {
  const head = ['task', 'corpus', 'split', 'metric', 'yuqing', 'baseline', 'note'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const r of rows) {
    lines.push(`| ${[r.task, r.corpus, r.split, r.metric, fmt(r.ours, r.metric), fmt(r.baseline, r.metric), r.note ?? ''].join(' | ')} |`);
  }
  return lines.join('\n') + '\n';
}
