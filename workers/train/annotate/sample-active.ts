import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { mulberry32 } from '../../../shared/util/hash.js';
import { asMention } from '../../eval/mentions.js';
import { Cue, criticalCues } from '../../nlp/critical.js';
import { createTagger, type TagContext, type TagResult } from '../../nlp/tagger.js';
import { datasetsDir, readRows, type ThreadRow } from '../datasets.js';
import { textHash } from '../own-labels.js';
import { partOf, partOfFold } from '../splits.js';
import { existingKeys, shuffle, type AnnotationItem } from './sample-domain.js';

/**
 * The third domain sample (README: Own annotations, active sample): items the shipped tagger is
 * least sure of, where the domain figures are furthest from their targets. From the trainable
 * folds (2–9) of every corpus, leaving out texts labelled before:
 * - texts naming an authority (the critical cue list's targets) whose critical probability lies
 *   between 0.1 and 0.9, or that read negative: where criticism is missed or over-read;
 * - texts whose sentiment label has probability below 0.55;
 * - replies (CED threads of any kind, RumourEval) whose stance label has probability below 0.7.
 * The tagger's outputs only choose which texts are drawn (a sampling weight, never a label): labels
 * are written by annotators reading each item against `labels/guide-domain.md`.
 *
 *   npx tsx workers/train/annotate/sample-active.ts OUT_DIR FIRST_BATCH_NUMBER ROUND
 */

interface Candidate {
  item: AnnotationItem;
  tags: TagResult;
}

const TEXT_CORPORA = [
  ['weibo', 'weibo_senti_100k_subset.jsonl.gz', 'zh'],
  ['smp2020', 'smp2020_ewect_virus.jsonl.gz', 'zh'],
  ['covid19', 'covid19_weibo_emotion7.jsonl.gz', 'zh'],
  ['nlpcc2013', 'nlpcc2013_weibo_emotion.jsonl.gz', 'zh'],
  ['semeval', 'semeval_task4a_en.jsonl.gz', 'en'],
] as const;

const THREAD_CORPORA = [
  ['ced', 'ced_weibo_rumor_threads.jsonl.gz', 'zh'],
  ['rumoureval', 'rumoureval2017_en_threads.jsonl.gz', 'en'],
] as const;

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();
const clip = (s: string, n: number): string => (s.length > n ? s.slice(0, n) + '…' : s);
const ownWords = (text: string): string => (text.split('//@')[0] ?? '').replace(/\[[^\]]{1,8}\]/g, '').replace(/@\S+/g, '').trim();
// The tagger always fills confidence; the contract keeps it optional for mentions stored before it.
const conf = (t: TagResult, tag: 'sentiment' | 'critical' | 'stance'): number => t.confidence?.[tag] ?? 1;
const pCritical = (t: TagResult): number => (t.critical ? conf(t, 'critical') : 1 - conf(t, 'critical'));

async function candidates(dir: string, seen: Set<string>): Promise<Candidate[]> {
  const tagger = createTagger();
  const out: Candidate[] = [];
  const seenText = new Set<string>();
  const fresh = (k: string, text: string) => !seen.has(k) && !seenText.has(norm(text)) && seenText.add(norm(text));
  for (const [corpus, file, lang] of TEXT_CORPORA) {
    for (const r of await readRows<ThreadRow>(dir, file)) {
      if (partOf(norm(r.text)) === 'test' || !fresh(`${corpus}:${r.id}`, r.text)) continue;
      if (lang === 'zh' ? ownWords(r.text).length < 2 && !r.text.includes('//@') : r.text.length < 15) continue;
      const item: AnnotationItem = { k: `${corpus}:${r.id}`, lang, kind: 'post', text: r.text };
      out.push({ item, tags: tagger.tag(asMention(r.id, r.text, lang === 'zh' ? 'weibo' : 'twitter')) });
    }
  }
  for (const [corpus, file, lang] of THREAD_CORPORA) {
    const rows = (await readRows<ThreadRow>(dir, file)).filter((r) => partOfFold(r.fold ?? 0) !== 'test');
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const r of rows) {
      if (!fresh(`${corpus}:${r.id}`, r.text)) continue;
      const platform = lang === 'zh' ? 'weibo' : 'twitter';
      if (r.kind !== 'reply') {
        out.push({ item: { k: `${corpus}:${r.id}`, lang, kind: 'post', text: r.text }, tags: tagger.tag(asMention(r.id, r.text, platform)) });
        continue;
      }
      const own = lang === 'zh' ? ownWords(r.text) : r.text.replace(/@\w+/g, '').trim();
      if (own.length < (lang === 'zh' ? 2 : 8)) continue;
      const root = byId.get(r.threadId);
      const parent = r.parentId && r.parentId !== r.threadId ? byId.get(r.parentId) : undefined;
      const ctx: TagContext = { ...(root ? { root: { text: root.text } } : {}), ...(parent ? { parent: { text: parent.text } } : {}) };
      const item: AnnotationItem = { k: `${corpus}:${r.id}`, lang, kind: 'reply', text: r.text, ...(root ? { root: clip(root.text, 240) } : {}), ...(parent ? { parent: clip(parent.text, 160) } : {}) };
      out.push({ item, tags: tagger.tag(asMention(r.id, r.text, platform, { kind: 'reply', rootId: 'root' }), ctx) });
    }
  }
  return out;
}

/** Up to `n` of `pool` matching `pick`, drawn at random, leaving the rest for later groups. */
function draw(pool: Candidate[], taken: Set<string>, n: number, pick: (c: Candidate) => boolean, rnd: () => number): AnnotationItem[] {
  const out: AnnotationItem[] = [];
  for (const c of shuffle(pool.filter((c) => !taken.has(c.item.k) && pick(c)), rnd)) {
    if (out.length >= n) break;
    taken.add(c.item.k);
    out.push(c.item);
  }
  return out;
}

/**
 * What each round draws. Round 1 took the least sure items; round 2 (after round 1's labels were
 * in, so those are left out) widens the margins to reach more of the same kinds.
 */
const ROUNDS = {
  1: { seed: 20261205, critical: [0.1, 0.9], sentiment: 0.55, stance: 0.7, sizes: { zhAuthority: 1800, enAuthority: 600, zhReplies: 1350, enReplies: 450, zhSentiment: 1300, enSentiment: 500 } },
  2: { seed: 20261206, critical: [0.02, 0.98], sentiment: 0.7, stance: 0.85, sizes: { zhAuthority: 3000, enAuthority: 600, zhReplies: 2400, enReplies: 600, zhSentiment: 2400, enSentiment: 1500 } },
} as const;

export async function sampleActive(round: keyof typeof ROUNDS, dir = datasetsDir()): Promise<AnnotationItem[]> {
  const r = ROUNDS[round];
  const rnd = mulberry32(r.seed);
  const pool = await candidates(dir, existingKeys());
  const taken = new Set<string>();
  const zh = (c: Candidate) => c.item.lang === 'zh';
  const en = (c: Candidate) => c.item.lang === 'en';
  const authority = (c: Candidate) => (criticalCues(ownWords(c.item.text) || c.item.text) & Cue.Target) !== 0 && ((pCritical(c.tags) > r.critical[0] && pCritical(c.tags) < r.critical[1]) || c.tags.sentiment.label === 'negative');
  const unsure = (c: Candidate) => conf(c.tags, 'sentiment') < r.sentiment;
  const replyUnsure = (c: Candidate) => c.item.kind === 'reply' && conf(c.tags, 'stance') < r.stance;
  const groups = [
    draw(pool, taken, r.sizes.zhAuthority, (c) => zh(c) && authority(c), rnd),
    draw(pool, taken, r.sizes.enAuthority, (c) => en(c) && authority(c), rnd),
    draw(pool, taken, r.sizes.zhReplies, (c) => zh(c) && replyUnsure(c), rnd),
    draw(pool, taken, r.sizes.enReplies, (c) => en(c) && replyUnsure(c), rnd),
    draw(pool, taken, r.sizes.zhSentiment, (c) => zh(c) && unsure(c), rnd),
    draw(pool, taken, r.sizes.enSentiment, (c) => en(c) && unsure(c), rnd),
  ];
  process.stderr.write(`pool ${pool.length}; drawn ${groups.map((g) => g.length).join(' / ')}\n`);
  return shuffle(groups.flat(), rnd);
}

export async function main(argv = process.argv.slice(2)): Promise<void> {
  const out = argv[0];
  const first = Number(argv[1] ?? 201);
  const round = Number(argv[2] ?? 1);
  if (!out || (round !== 1 && round !== 2)) throw new Error('usage: sample-active.ts OUT_DIR FIRST_BATCH_NUMBER ROUND(1|2)');
  const items = await sampleActive(round);
  mkdirSync(path.join(out, 'batches'), { recursive: true });
  const index: string[] = [];
  for (let b = 0; b * 150 < items.length; b++) {
    const chunk = items.slice(b * 150, (b + 1) * 150);
    const name = `b${String(first + b).padStart(3, '0')}`;
    writeFileSync(path.join(out, 'batches', `${name}.jsonl`), chunk.map((it) => JSON.stringify(it)).join('\n') + '\n');
    for (const it of chunk) index.push(JSON.stringify({ k: it.k, h: textHash(it.text), batch: name }));
  }
  writeFileSync(path.join(out, 'index.jsonl'), index.join('\n') + '\n', { flag: 'a' });
  process.stderr.write(`${items.length} items in ${Math.ceil(items.length / 150)} batches from b${first}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
