import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { EMOTIONS, STANCES } from '../../../shared/contracts/tags.js';
import { LABELS_DIR } from '../own-labels.js';
import { DOMAIN_SENTIMENTS, type DomainLabelLine } from '../domain-labels.js';

/**
 * Gathers the annotators' output (ANNOT_DIR/out/<batch>.<annotator>.jsonl) into the label files
 * the repository keeps: `labels/domain.jsonl` (one label line per item, from the first annotator
 * who labelled it) and `labels/domain-double.jsonl` (the second annotator's labels of the doubly
 * labelled sample) and `labels/domain-replies.jsonl` (the reply sample of sample-replies.ts), then
 * prints the agreement per task. It checks format and the text hash; it
 * never decides or changes a label.
 *
 *   npx tsx workers/train/annotate/collect.ts ANNOT_DIR
 */

export interface Output {
  k: string;
  s: string;
  c: number;
  st: string | null;
  e: string;
}

export const valid = (o: Output): boolean =>
  (DOMAIN_SENTIMENTS as readonly string[]).includes(o.s) &&
  (o.c === 0 || o.c === 1) &&
  (EMOTIONS as readonly string[]).includes(o.e) &&
  (o.st === null || (STANCES as readonly string[]).includes(o.st));

export function cohensKappa(a: readonly string[], b: readonly string[]): { agreement: number; kappa: number; n: number } {
  const n = a.length;
  if (n === 0) return { agreement: 0, kappa: 0, n };
  const labels = [...new Set([...a, ...b])];
  let same = 0;
  const ca = new Map<string, number>();
  const cb = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    if (a[i] === b[i]) same++;
    ca.set(a[i]!, (ca.get(a[i]!) ?? 0) + 1);
    cb.set(b[i]!, (cb.get(b[i]!) ?? 0) + 1);
  }
  const po = same / n;
  const pe = labels.reduce((s, l) => s + ((ca.get(l) ?? 0) / n) * ((cb.get(l) ?? 0) / n), 0);
  return { agreement: po, kappa: pe === 1 ? 1 : (po - pe) / (1 - pe), n };
}

export function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .flatMap((l) => {
      try {
        return [JSON.parse(l) as T];
      } catch {
        return [];
      }
    });
}

export function main(argv = process.argv.slice(2)): void {
  const dir = argv[0];
  if (!dir) throw new Error('usage: collect.ts ANNOT_DIR');
  const index = new Map(readJsonl<{ k: string; h: string; batch: string }>(path.join(dir, 'index.jsonl')).map((r) => [r.k, r]));
  const first = new Map<string, DomainLabelLine>();
  const second = new Map<string, DomainLabelLine>();
  let bad = 0;
  // Primary batches first (b…), so an item's label comes from the annotator it was assigned to.
  // The modern-style set (m… batches) is a test set of its own, gathered by collect-modern.ts.
  const files = readdirSync(path.join(dir, 'out')).filter((f) => f.endsWith('.jsonl') && !f.startsWith('m')).sort((x, y) => (x.startsWith('d_') === y.startsWith('d_') ? x.localeCompare(y) : x.startsWith('d_') ? 1 : -1));
  for (const f of files) {
    const by = f.split('.')[1]!;
    for (const o of readJsonl<Output>(path.join(dir, 'out', f))) {
      const ix = index.get(o.k);
      if (!ix || !valid(o)) {
        bad++;
        continue;
      }
      const line: DomainLabelLine = { id: o.k, h: ix.h, s: o.s as DomainLabelLine['s'], c: o.c as 0 | 1, st: o.st as DomainLabelLine['st'], e: o.e as DomainLabelLine['e'], a: by };
      if (!first.has(o.k)) first.set(o.k, line);
      else if (first.get(o.k)!.a !== by && !second.has(o.k)) second.set(o.k, line);
    }
  }
  const order = [...index.keys()].filter((k) => first.has(k));
  const write = (file: string, lines: DomainLabelLine[]) => writeFileSync(path.join(LABELS_DIR, file), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  // Batches from b101 on are the reply sample (sample-replies.ts): a file of their own, train/dev only.
  const replySample = (k: string) => Number(index.get(k)!.batch.slice(1)) > 100;
  write('domain.jsonl', order.filter((k) => !replySample(k)).map((k) => first.get(k)!));
  const replies = order.filter(replySample);
  if (replies.length) write('domain-replies.jsonl', replies.map((k) => first.get(k)!));
  write('domain-double.jsonl', order.filter((k) => second.has(k)).map((k) => second.get(k)!));

  const pairs = order.filter((k) => second.has(k)).map((k) => [first.get(k)!, second.get(k)!] as const);
  const task = (get: (l: DomainLabelLine) => string | null) => {
    const ps = pairs.filter(([a]) => get(a) !== null);
    return cohensKappa(ps.map(([a]) => String(get(a))), ps.map(([, b]) => String(get(b))));
  };
  const agreement = { sentiment: task((l) => l.s), critical: task((l) => String(l.c)), stance: task((l) => l.st), emotion: task((l) => l.e) };
  writeFileSync(path.join(LABELS_DIR, 'domain-agreement.json'), JSON.stringify(agreement, null, 1) + '\n');
  const missing = [...index.keys()].filter((k) => !first.has(k)).length;
  process.stderr.write(`${first.size} items labelled (${missing} of the sample not yet), ${second.size} doubly, ${bad} lines skipped as malformed or unknown\n`);
  for (const [t, a] of Object.entries(agreement)) process.stderr.write(`  ${t}: n=${a.n} agreement ${a.agreement.toFixed(3)} kappa ${a.kappa.toFixed(3)}\n`);
  if (!existsSync(LABELS_DIR)) throw new Error(`no ${LABELS_DIR}`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
