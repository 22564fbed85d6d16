import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Stance } from '../../shared/contracts/tags.js';
import { hash32 } from '../../shared/util/hash.js';
import { readRows, type TextRow, type ThreadRow } from './datasets.js';
import { partOf, partOfFold, type Part } from './splits.js';

/**
 * The project's own annotations of corpus texts, for the tags no public corpus covers: `critical`
 * (Chinese and English) and Chinese stance. The files hold ids, a hash of the text and the label,
 * never the text (the corpora may not be redistributed); the texts are joined back from
 * ../shared/datasets. See the README ("Own annotations") for how they were sampled and labelled.
 */
export const LABELS_DIR = fileURLToPath(new URL('./labels/', import.meta.url));

interface LabelLine<L> {
  /** `corpus:id` for critical, the CED reply id for stance. */
  id: string;
  /** hash32 of the labelled text, hex: a changed corpus row is skipped rather than mislabelled. */
  h: string;
  label: L;
}

export const textHash = (text: string): string => hash32(text).toString(16).padStart(8, '0');

function readLabels<L>(labelsDir: string, file: string): LabelLine<L>[] {
  const full = path.join(labelsDir, file);
  if (!existsSync(full)) return [];
  return readFileSync(full, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabelLine<L>);
}

/** Corpus files the text labels point into, by the prefix of their ids. */
const CORPORA: Record<string, string> = {
  weibo: 'weibo_senti_100k_subset.jsonl.gz',
  smp2020: 'smp2020_ewect_virus.jsonl.gz',
  covid19: 'covid19_weibo_emotion7.jsonl.gz',
  nlpcc2013: 'nlpcc2013_weibo_emotion.jsonl.gz',
  ced: 'ced_weibo_rumor_threads.jsonl.gz',
  semeval: 'semeval_task4a_en.jsonl.gz',
  rumoureval: 'rumoureval2017_en_threads.jsonl.gz',
};

/** An own label on a corpus text, with the side of the split its text falls on. */
export interface LabelledText<L> {
  id: string;
  text: string;
  lang: 'zh' | 'en';
  label: L;
  /** By a hash of the text, like every corpus split. */
  part: Part;
}

/** The texts one label file points at (`corpus:id` + text hash), joined back from the corpora. */
export async function loadTextLabels<L>(dir: string, file: string, labelsDir = LABELS_DIR): Promise<LabelledText<L>[]> {
  const labels = readLabels<L>(labelsDir, file);
  const wanted = new Map(labels.map((l) => [`${l.id}#${l.h}`, l.label]));
  const out: LabelledText<L>[] = [];
  for (const [prefix, corpus] of Object.entries(CORPORA)) {
    if (!labels.some((l) => l.id.startsWith(prefix + ':'))) continue;
    for (const r of await readRows<TextRow>(dir, corpus)) {
      const id = `${prefix}:${r.id}`;
      const key = `${id}#${textHash(r.text)}`;
      const label = wanted.get(key);
      if (label === undefined) continue;
      wanted.delete(key);
      const lang = prefix === 'semeval' || prefix === 'rumoureval' ? 'en' : 'zh';
      out.push({ id, text: r.text, lang, label, part: partOf(r.text.replace(/\s+/g, ' ').trim()) });
    }
  }
  return out;
}

export interface CriticalExample {
  id: string;
  text: string;
  /** The thread's root, for a reply (a reply that only agrees is judged by it). */
  root?: string;
  lang: 'zh' | 'en';
  critical: boolean;
  part: Part;
}

export async function loadCriticalSet(dir: string, labelsDir = LABELS_DIR): Promise<CriticalExample[]> {
  return (await loadTextLabels<boolean>(dir, 'critical.jsonl', labelsDir)).map(({ label, ...e }) => ({ ...e, critical: label }));
}

export interface ZhStanceExample {
  id: string;
  threadId: string;
  text: string;
  root: string;
  /** The reply it answers when that is not the root. */
  parent?: string;
  stance: Stance;
  /** By the CED thread's fold, as in the rumour evaluation. */
  part: Part;
}

export async function loadZhStanceSet(dir: string, labelsDir = LABELS_DIR): Promise<ZhStanceExample[]> {
  const labels = readLabels<Stance>(labelsDir, 'stance-zh.jsonl');
  if (labels.length === 0) return [];
  const wanted = new Map(labels.map((l) => [`${l.id}#${l.h}`, l.label]));
  const rows = await readRows<ThreadRow>(dir, 'ced_weibo_rumor_threads.jsonl.gz');
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out: ZhStanceExample[] = [];
  for (const r of rows) {
    const stance = wanted.get(`${r.id}#${textHash(r.text)}`);
    if (stance === undefined || r.kind !== 'reply') continue;
    const root = byId.get(r.threadId);
    if (!root) continue;
    const parent = r.parentId && r.parentId !== r.threadId ? byId.get(r.parentId) : undefined;
    out.push({ id: r.id, threadId: r.threadId, text: r.text, root: root.text, ...(parent ? { parent: parent.text } : {}), stance, part: partOfFold(r.fold ?? 0) });
  }
  return out;
}
