import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { WrittenLine } from '../domain-labels.js';
import { LABELS_DIR } from '../own-labels.js';
import { cohensKappa, readJsonl, valid, type Output } from './collect.js';

interface WrittenText {
  id: string;
  lang: 'zh' | 'en';
  kind: 'post' | 'reply';
  text: string;
  rootId?: string;
  parentId?: string;
}

/**
 * Joins the threads the writing agents wrote (WRITTEN_DIR/*.jsonl: texts only) with the labels
 * other annotators gave them (ANNOT_DIR/out/<batch>.<annotator>.jsonl, doubly labelled batches as
 * `d_<batch>.<annotator>.jsonl`, keys `written:<id>`) into `labels/written-threads.jsonl` (texts
 * and the primary annotator's labels: written for the project, so they ship),
 * `written-double.jsonl` and `written-agreement.json`. It checks format and keys; it never
 * decides or changes a label.
 *
 *   npx tsx workers/train/annotate/collect-written.ts WRITTEN_DIR ANNOT_DIR
 */
export function main(argv = process.argv.slice(2)): void {
  const [writtenDir, annotDir] = argv;
  if (!writtenDir || !annotDir) throw new Error('usage: collect-written.ts WRITTEN_DIR ANNOT_DIR');
  const texts = readdirSync(writtenDir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) => readJsonl<WrittenText>(path.join(writtenDir, f)));
  const index = new Map(readJsonl<{ k: string; batch: string }>(path.join(annotDir, 'index.jsonl')).map((r) => [r.k, r.batch]));
  const first = new Map<string, Output & { a: string }>();
  const second = new Map<string, Output & { a: string }>();
  let bad = 0;
  for (const f of readdirSync(path.join(annotDir, 'out')).filter((f) => f.endsWith('.jsonl')).sort()) {
    const [batch, by] = f.split('.') as [string, string];
    const target = batch.startsWith('d_') ? second : first;
    for (const o of readJsonl<Output>(path.join(annotDir, 'out', f))) {
      if (index.get(o.k) !== batch.replace(/^d_/, '') || !valid(o)) {
        bad++;
        continue;
      }
      if (!target.has(o.k)) target.set(o.k, { ...o, a: by });
    }
  }
  const labelled: WrittenLine[] = [];
  for (const t of texts) {
    const l = first.get(`written:${t.id}`);
    if (!l) continue;
    labelled.push({ id: t.id, lang: t.lang, kind: t.kind, text: t.text, ...(t.rootId ? { rootId: t.rootId } : {}), ...(t.parentId ? { parentId: t.parentId } : {}), s: l.s as WrittenLine['s'], c: l.c as 0 | 1, st: (t.kind === 'reply' ? l.st : null) as WrittenLine['st'], e: l.e as WrittenLine['e'], a: l.a });
  }
  const lines = (xs: object[]) => xs.map((x) => JSON.stringify(x)).join('\n') + '\n';
  writeFileSync(path.join(LABELS_DIR, 'written-threads.jsonl'), lines(labelled));
  const pairs = labelled.flatMap((l) => {
    const b = second.get(`written:${l.id}`);
    return b && b.a !== l.a ? [[l, b] as const] : [];
  });
  writeFileSync(path.join(LABELS_DIR, 'written-double.jsonl'), lines(pairs.map(([l, b]) => ({ id: l.id, s: b.s, c: b.c, st: b.st, e: b.e, a: b.a }))));
  type Labels = { s: string; c: number; st: string | null; e: string };
  const task = (get: (l: Labels) => string | null) => {
    const ps = pairs.filter(([a, b]) => get(a) !== null && get(b) !== null);
    return cohensKappa(ps.map(([a]) => String(get(a))), ps.map(([, b]) => String(get(b))));
  };
  const agreement = { sentiment: task((l) => l.s), critical: task((l) => String(l.c)), stance: task((l) => l.st), emotion: task((l) => l.e) };
  writeFileSync(path.join(LABELS_DIR, 'written-agreement.json'), JSON.stringify(agreement, null, 1) + '\n');
  process.stderr.write(`${labelled.length} of ${texts.length} written texts labelled, ${pairs.length} doubly, ${bad} lines skipped as malformed or misplaced\n`);
  for (const [t, a] of Object.entries(agreement)) process.stderr.write(`  ${t}: n=${a.n} agreement ${a.agreement.toFixed(3)} kappa ${a.kappa.toFixed(3)}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
