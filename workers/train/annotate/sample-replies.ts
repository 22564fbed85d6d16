import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { mulberry32 } from '../../../shared/util/hash.js';
import { datasetsDir, readRows, type ThreadRow } from '../datasets.js';
import { textHash } from '../own-labels.js';
import { partOfFold } from '../splits.js';
import { existingKeys, shuffle, type AnnotationItem } from './sample-domain.js';

/**
 * A second, reply-only domain sample for the rare stance classes (deny and query were 2–4 % of the
 * first sample): CED replies in rumour threads and RumourEval replies from the trainable folds,
 * two thirds among replies with a question or doubt form (a sampling weight, not a label), the
 * rest from any reply; texts already labelled are left out. Labels are then written by annotators
 * against `labels/guide-domain.md`, as for the first sample.
 *
 *   npx tsx workers/train/annotate/sample-replies.ts OUT_DIR FIRST_BATCH_NUMBER
 */
const LIKELY = /[?？吗么呢]|假|谣|真的|证实|哪|谁|来源|辟谣|不信|别信|瞎|胡|扯|P的|摆拍|旧|早就|啥事没有|\b(fake|hoax|true|real|source|confirm|old|photoshop|really|proof|evidence)\b/i;

async function replies(dir: string, corpus: 'ced' | 'rumoureval', file: string, lang: 'zh' | 'en', n: number, seen: Set<string>, rnd: () => number): Promise<AnnotationItem[]> {
  const rows = (await readRows<ThreadRow & { threadLabel?: string }>(dir, file)).filter((r) => partOfFold(r.fold ?? 0) !== 'test');
  const byId = new Map(rows.map((r) => [r.id, r]));
  const pool = rows.filter((r) => {
    if (r.kind !== 'reply' || seen.has(`${corpus}:${r.id}`)) return false;
    if (corpus === 'ced' && r.threadLabel !== 'rumor') return false;
    const own = (r.text.split('//@')[0] ?? '').replace(/\[[^\]]{1,8}\]/g, '').replace(/@\S+/g, '').trim();
    return own.length >= (lang === 'zh' ? 2 : 8);
  });
  const likely = shuffle(pool.filter((r) => LIKELY.test(r.text.split('//@')[0] ?? '')), rnd);
  const rest = shuffle(pool.filter((r) => !LIKELY.test(r.text.split('//@')[0] ?? '')), rnd);
  const nl = Math.min(likely.length, Math.round((n * 2) / 3));
  return [...likely.slice(0, nl), ...rest.slice(0, n - nl)].map((r) => {
    const root = byId.get(r.threadId);
    const parent = r.parentId && r.parentId !== r.threadId ? byId.get(r.parentId) : undefined;
    const clip = (s: string, k: number) => (s.length > k ? s.slice(0, k) + '…' : s);
    return { k: `${corpus}:${r.id}`, lang, kind: 'reply', text: r.text, ...(root ? { root: clip(root.text, 240) } : {}), ...(parent ? { parent: clip(parent.text, 160) } : {}) };
  });
}

export async function main(argv = process.argv.slice(2)): Promise<void> {
  const out = argv[0];
  const first = Number(argv[1] ?? 100);
  if (!out) throw new Error('usage: sample-replies.ts OUT_DIR FIRST_BATCH_NUMBER');
  const rnd = mulberry32(20261204);
  const seen = existingKeys();
  const items = shuffle([...(await replies(datasetsDir(), 'ced', 'ced_weibo_rumor_threads.jsonl.gz', 'zh', 1800, seen, rnd)), ...(await replies(datasetsDir(), 'rumoureval', 'rumoureval2017_en_threads.jsonl.gz', 'en', 600, seen, rnd))], rnd);
  mkdirSync(path.join(out, 'batches'), { recursive: true });
  const index: string[] = [];
  for (let b = 0; b * 150 < items.length; b++) {
    const chunk = items.slice(b * 150, (b + 1) * 150);
    const name = `b${String(first + b).padStart(3, '0')}`;
    writeFileSync(path.join(out, 'batches', `${name}.jsonl`), chunk.map((it) => JSON.stringify(it)).join('\n') + '\n');
    for (const it of chunk) index.push(JSON.stringify({ k: it.k, h: textHash(it.text), batch: name }));
  }
  writeFileSync(path.join(out, 'index.jsonl'), index.join('\n') + '\n', { flag: 'a' });
  process.stderr.write(`${items.length} replies in ${Math.ceil(items.length / 150)} batches from ${first}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
