import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DomainLabelLine } from '../domain-labels.js';
import { LABELS_DIR } from '../own-labels.js';
import { cohensKappa, readJsonl, valid, type Output } from './collect.js';

/**
 * Gathers the annotators' labels of the active sample (sample-active.ts) into
 * `labels/domain-active.jsonl` (the primary annotator's line per item), `domain-active-double.jsonl`
 * (the second annotator's lines of the doubly labelled batches, files `d_<batch>.<annotator>.jsonl`)
 * and `domain-active-agreement.json`. It checks format and the key against the sample's index;
 * it never decides or changes a label.
 *
 *   npx tsx workers/train/annotate/collect-active.ts ANNOT_DIR
 */
export function main(argv = process.argv.slice(2)): void {
  const dir = argv[0];
  if (!dir) throw new Error('usage: collect-active.ts ANNOT_DIR');
  const index = new Map(readJsonl<{ k: string; h: string; batch: string }>(path.join(dir, 'index.jsonl')).map((r) => [r.k, r]));
  const first = new Map<string, DomainLabelLine>();
  const second = new Map<string, DomainLabelLine>();
  let bad = 0;
  for (const f of readdirSync(path.join(dir, 'out')).filter((f) => f.endsWith('.jsonl')).sort()) {
    const [batch, by] = f.split('.') as [string, string];
    const double = batch.startsWith('d_');
    const target = double ? second : first;
    for (const o of readJsonl<Output>(path.join(dir, 'out', f))) {
      const ix = index.get(o.k);
      // A line counts only in the file of the batch it was assigned in.
      if (!ix || ix.batch !== batch.replace(/^d_/, '') || !valid(o)) {
        bad++;
        continue;
      }
      if (!target.has(o.k)) target.set(o.k, { id: o.k, h: ix.h, s: o.s as DomainLabelLine['s'], c: o.c as 0 | 1, st: o.st as DomainLabelLine['st'], e: o.e as DomainLabelLine['e'], a: by });
    }
  }
  const order = [...index.keys()].filter((k) => first.has(k));
  const write = (file: string, lines: DomainLabelLine[]) => writeFileSync(path.join(LABELS_DIR, file), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  write('domain-active.jsonl', order.map((k) => first.get(k)!));
  const pairs = order.filter((k) => second.has(k) && second.get(k)!.a !== first.get(k)!.a).map((k) => [first.get(k)!, second.get(k)!] as const);
  write('domain-active-double.jsonl', pairs.map(([, b]) => b));
  const task = (get: (l: DomainLabelLine) => string | null) => {
    const ps = pairs.filter(([a, b]) => get(a) !== null && get(b) !== null);
    return cohensKappa(ps.map(([a]) => String(get(a))), ps.map(([, b]) => String(get(b))));
  };
  const agreement = { sentiment: task((l) => l.s), critical: task((l) => String(l.c)), stance: task((l) => l.st), emotion: task((l) => l.e) };
  writeFileSync(path.join(LABELS_DIR, 'domain-active-agreement.json'), JSON.stringify(agreement, null, 1) + '\n');
  process.stderr.write(`${first.size} of ${index.size} items labelled, ${pairs.length} doubly, ${bad} lines skipped as malformed or misplaced\n`);
  for (const [t, a] of Object.entries(agreement)) process.stderr.write(`  ${t}: n=${a.n} agreement ${a.agreement.toFixed(3)} kappa ${a.kappa.toFixed(3)}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
