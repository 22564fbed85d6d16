import { mkdirSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { mulberry32 } from '../../../shared/util/hash.js';
import { datasetsDir, readRows, type TextRow, type ThreadRow } from '../datasets.js';
import { LABELS_DIR, textHash } from '../own-labels.js';
import { partOf, partOfFold } from '../splits.js';

/**
 * Draws the domain annotation sample (README: Own annotations, domain labels) from the trainable
 * folds (2–9) of every corpus and writes it as batch files for the annotators, outside the repo
 * (the texts may not be redistributed). It only samples and formats: labels are written by
 * annotators reading each item against `labels/guide-domain.md`.
 *
 *   npx tsx workers/train/annotate/sample-domain.ts OUT_DIR [BATCH_SIZE]
 */

export interface AnnotationItem {
  k: string;
  lang: 'zh' | 'en';
  kind: 'post' | 'reply';
  text: string;
  root?: string;
  parent?: string;
}

const ZH_DOMAIN = /警|公安|派出所|政府|部门|官方|官员|干部|领导|书记|市长|县长|局长|城管|法院|检察|纪委|执法|谣言|辟谣|网传|骗|诈|传销|车祸|交通|事故|地震|洪水|暴雨|台风|火灾|起火|爆炸|疫情|病毒|肺炎|口罩|医院|医生|疫苗|食品|投毒|拐|失踪|走失|寻人|抢劫|杀|偷|盗|嫌疑|犯罪|案|安全|救援|消防|学校|小孩|孩子|老人|死亡|遇难|伤|维权|举报|曝光|打人|拆迁|上访|小区|物业|地铁|高速/;
const EN_DOMAIN = /\b(police|cops?|officers?|sheriff|government|gov|officials?|minister|president|mayor|governor|authorit(y|ies)|fbi|army|military|troops|shoot(ing|er)|gunman|attack|hostage|siege|crash|scam|rumou?rs?|hoax|fake|emergency|fire|flood|storm|hurricane|earthquake|virus|ebola|health|hospital|vaccine|protest|riot|court|judge|law|arrest(ed)?|suspect|killed|dead|victims?|safety|security|terror\w*|bomb\w*|traffic|accident|congress|senate|obama|state)\b/i;

/** Own words of a Weibo text: what comes before the repost chain. */
const ownWords = (text: string): string => text.split('//@')[0]!.replace(/\[[^\]]{1,8}\]/g, '').replace(/@\S+/g, '').trim();

/** Keys (`corpus:id`) of every text the project has labelled already. */
export function existingKeys(): Set<string> {
  const keys = new Set<string>();
  for (const f of ['critical.jsonl', 'emotion-en.jsonl', 'stance-zh.jsonl', 'domain.jsonl', 'domain-replies.jsonl', 'domain-active.jsonl']) {
    const full = path.join(LABELS_DIR, f);
    if (!existsSync(full)) continue;
    for (const line of readFileSync(full, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const id = (JSON.parse(line) as { id: string }).id;
      keys.add(f === 'stance-zh.jsonl' ? `ced:${id}` : id);
    }
  }
  return keys;
}

export function shuffle<T>(items: T[], rnd: () => number): T[] {
  const a = items.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** `n` items, 85 % of them from texts matching the domain pattern, the rest from any text. */
function mix<T>(pool: T[], n: number, isDomain: (t: T) => boolean, rnd: () => number): T[] {
  const dom = shuffle(pool.filter(isDomain), rnd);
  const other = shuffle(pool.filter((t) => !isDomain(t)), rnd);
  const nd = Math.min(dom.length, Math.round(n * 0.85));
  return [...dom.slice(0, nd), ...other.slice(0, n - nd)];
}

const clip = (s: string, n: number): string => (s.length > n ? s.slice(0, n) + '…' : s);
const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();

async function textItems(dir: string, corpus: string, file: string, lang: 'zh' | 'en', n: number, seen: Set<string>, rnd: () => number): Promise<AnnotationItem[]> {
  const rows = (await readRows<TextRow>(dir, file)).filter((r) => partOf(norm(r.text)) !== 'test' && !seen.has(`${corpus}:${r.id}`));
  const byText = new Map<string, TextRow>();
  for (const r of rows) if (!byText.has(norm(r.text))) byText.set(norm(r.text), r);
  const pattern = lang === 'zh' ? ZH_DOMAIN : EN_DOMAIN;
  const usable = [...byText.values()].filter((r) => (lang === 'zh' ? ownWords(r.text).length >= 2 || r.text.includes('//@') : r.text.length >= 15));
  return mix(usable, n, (r) => pattern.test(r.text), rnd).map((r) => ({ k: `${corpus}:${r.id}`, lang, kind: 'post', text: r.text }));
}

async function threadItems(dir: string, corpus: 'ced' | 'rumoureval', file: string, lang: 'zh' | 'en', nPosts: number, nReplies: number, perThread: number, seen: Set<string>, rnd: () => number): Promise<AnnotationItem[]> {
  const rows = (await readRows<ThreadRow>(dir, file)).filter((r) => partOfFold(r.fold ?? 0) !== 'test');
  const byId = new Map(rows.map((r) => [r.id, r]));
  const pattern = lang === 'zh' ? ZH_DOMAIN : EN_DOMAIN;
  const roots = rows.filter((r) => r.kind === 'source');
  const replies = new Map<string, ThreadRow[]>();
  for (const r of rows) {
    if (r.kind !== 'reply' || seen.has(`${corpus}:${r.id}`)) continue;
    const own = lang === 'zh' ? ownWords(r.text) : r.text.replace(/@\w+/g, '').trim();
    if (own.length < (lang === 'zh' ? 2 : 8)) continue;
    (replies.get(r.threadId) ?? replies.set(r.threadId, []).get(r.threadId)!).push(r);
  }
  const posts = mix(roots.filter((r) => !seen.has(`${corpus}:${r.id}`)), nPosts, (r) => pattern.test(r.text), rnd).map(
    (r): AnnotationItem => ({ k: `${corpus}:${r.id}`, lang, kind: 'post', text: r.text }),
  );
  const out: AnnotationItem[] = [];
  for (const root of mix(roots, roots.length, (r) => pattern.test(r.text), rnd)) {
    if (out.length >= nReplies) break;
    for (const r of shuffle(replies.get(root.id) ?? [], rnd).slice(0, perThread)) {
      const parent = r.parentId && r.parentId !== root.id ? byId.get(r.parentId) : undefined;
      out.push({ k: `${corpus}:${r.id}`, lang, kind: 'reply', text: r.text, root: clip(root.text, 240), ...(parent ? { parent: clip(parent.text, 160) } : {}) });
    }
  }
  return [...posts, ...out.slice(0, nReplies)];
}

export async function sampleDomain(dir = datasetsDir()): Promise<AnnotationItem[]> {
  const rnd = mulberry32(20261203);
  const seen = existingKeys();
  const groups = [
    await threadItems(dir, 'ced', 'ced_weibo_rumor_threads.jsonl.gz', 'zh', 1000, 3600, 6, seen, rnd),
    await threadItems(dir, 'rumoureval', 'rumoureval2017_en_threads.jsonl.gz', 'en', 150, 1000, 5, seen, rnd),
    await textItems(dir, 'smp2020', 'smp2020_ewect_virus.jsonl.gz', 'zh', 1000, seen, rnd),
    await textItems(dir, 'covid19', 'covid19_weibo_emotion7.jsonl.gz', 'zh', 900, seen, rnd),
    await textItems(dir, 'nlpcc2013', 'nlpcc2013_weibo_emotion.jsonl.gz', 'zh', 700, seen, rnd),
    await textItems(dir, 'weibo', 'weibo_senti_100k_subset.jsonl.gz', 'zh', 900, seen, rnd),
    await textItems(dir, 'semeval', 'semeval_task4a_en.jsonl.gz', 'en', 1400, seen, rnd),
  ];
  const keys = new Set<string>();
  return shuffle(groups.flat(), rnd).filter((it) => !keys.has(it.k) && keys.add(it.k));
}

export async function main(argv = process.argv.slice(2)): Promise<void> {
  const out = argv[0];
  if (!out) throw new Error('usage: sample-domain.ts OUT_DIR [BATCH_SIZE]');
  const size = Number(argv[1] ?? 150);
  const items = await sampleDomain();
  mkdirSync(path.join(out, 'batches'), { recursive: true });
  const index: string[] = [];
  for (let b = 0; b * size < items.length; b++) {
    const chunk = items.slice(b * size, (b + 1) * size);
    const name = `b${String(b + 1).padStart(3, '0')}`;
    writeFileSync(path.join(out, 'batches', `${name}.jsonl`), chunk.map((it) => JSON.stringify(it)).join('\n') + '\n');
    for (const it of chunk) index.push(JSON.stringify({ k: it.k, h: textHash(it.text), batch: name }));
  }
  writeFileSync(path.join(out, 'index.jsonl'), index.join('\n') + '\n');
  process.stderr.write(`${items.length} items in ${Math.ceil(items.length / size)} batches under ${out}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
