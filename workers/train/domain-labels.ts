import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Emotion, SentimentLabel, Stance } from '../../shared/contracts/tags.js';
import { hash32 } from '../../shared/util/hash.js';
import { readRows, type ThreadRow } from './datasets.js';
import { LABELS_DIR, textHash } from './own-labels.js';
import type { Part } from './splits.js';
import { reviewLabelSchema } from '../../shared/contracts/review.js';

/**
 * The domain labels (README: Own annotations): texts of the corpora that resemble police-account
 * traffic, drawn from their trainable folds 2–9 (`annotate/sample-domain.ts`) and labelled by the
 * project's annotators for all four tone tags at once (`labels/guide-domain.md`).
 */
export const DOMAIN_SENTIMENTS = ['pos', 'neu', 'neg'] as const;
const TO_SENTIMENT: Record<(typeof DOMAIN_SENTIMENTS)[number], SentimentLabel> = { pos: 'positive', neu: 'neutral', neg: 'negative' };

export interface DomainLabelLine {
  /** `corpus:id`. */
  id: string;
  /** hash32 of the labelled text, hex: a changed corpus row is skipped rather than mislabelled. */
  h: string;
  s: (typeof DOMAIN_SENTIMENTS)[number];
  c: 0 | 1;
  /** Stance toward the root's claim, replies only. */
  st: Stance | null;
  e: Emotion;
  /** Which annotator wrote it. */
  a: string;
}

/** A labelled text for training: a domain label, or an analyst's review with the tags they reviewed. */
export interface TrainingText {
  id: string;
  corpus: string;
  lang: 'zh' | 'en';
  kind: 'post' | 'reply';
  text: string;
  root?: string;
  parent?: string;
  sentiment?: SentimentLabel;
  critical?: boolean;
  stance?: Stance | null;
  emotion?: Emotion;
  part: Part;
}

export interface DomainExample extends TrainingText {
  sentiment: SentimentLabel;
  critical: boolean;
  stance: Stance | null;
  emotion: Emotion;
  /**
   * The domain split, by a hash of the id: 15 % test (never trained on; `npm run eval` scores it),
   * 10 % dev (hyper-parameters), the rest train. Every item comes from a corpus's trainable folds,
   * so the generic test folds stay untouched; the domain test texts are also kept out of every
   * generic training set (`domainTestTexts`).
   */
  part: Part;
}

export function domainPartOf(id: string): Part {
  const b = hash32(`yuqing-domain-split-v1:${id}`) % 20;
  return b < 3 ? 'test' : b < 5 ? 'dev' : 'train';
}

const CORPORA: Record<string, { file: string; lang: 'zh' | 'en' }> = {
  weibo: { file: 'weibo_senti_100k_subset.jsonl.gz', lang: 'zh' },
  smp2020: { file: 'smp2020_ewect_virus.jsonl.gz', lang: 'zh' },
  covid19: { file: 'covid19_weibo_emotion7.jsonl.gz', lang: 'zh' },
  nlpcc2013: { file: 'nlpcc2013_weibo_emotion.jsonl.gz', lang: 'zh' },
  ced: { file: 'ced_weibo_rumor_threads.jsonl.gz', lang: 'zh' },
  semeval: { file: 'semeval_task4a_en.jsonl.gz', lang: 'en' },
  rumoureval: { file: 'rumoureval2017_en_threads.jsonl.gz', lang: 'en' },
};

export function readDomainLines(file = 'domain.jsonl', labelsDir = LABELS_DIR): DomainLabelLine[] {
  const full = path.join(labelsDir, file);
  if (!existsSync(full)) return [];
  return readFileSync(full, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as DomainLabelLine);
}

const cache = new Map<string, DomainExample[]>();

/** The labelled domain texts, joined back from the corpora in `dir` (with root and parent for replies). */
export async function loadDomainSet(dir: string, labelsDir = LABELS_DIR): Promise<DomainExample[]> {
  const key = `${dir}#${labelsDir}`;
  const hit = cache.get(key);
  if (hit) return hit;
  // The reply sample (annotate/sample-replies.ts, for the rare stance classes) and the active
  // sample (annotate/sample-active.ts, texts the tagger was least sure of) were drawn later: they
  // train (and tune) but never join the test split, which stays the first sample's.
  const later = [...readDomainLines('domain-replies.jsonl', labelsDir), ...readDomainLines('domain-active.jsonl', labelsDir)];
  const laterSample = new Set(later.map((l) => l.id));
  const lines = [...readDomainLines('domain.jsonl', labelsDir), ...later];
  const out: DomainExample[] = [];
  for (const [prefix, { file, lang }] of Object.entries(CORPORA)) {
    const mine = lines.filter((l) => l.id.startsWith(prefix + ':'));
    if (mine.length === 0) continue;
    const rows = await readRows<ThreadRow>(dir, file);
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const l of mine) {
      const r = byId.get(l.id.slice(prefix.length + 1));
      if (!r || textHash(r.text) !== l.h) continue;
      const isReply = r.kind === 'reply';
      const root = isReply ? byId.get(r.threadId) : undefined;
      const parent = isReply && r.parentId && r.parentId !== r.threadId ? byId.get(r.parentId) : undefined;
      out.push({
        id: l.id,
        corpus: prefix,
        lang,
        kind: isReply ? 'reply' : 'post',
        text: r.text,
        ...(root ? { root: root.text } : {}),
        ...(parent ? { parent: parent.text } : {}),
        sentiment: TO_SENTIMENT[l.s],
        critical: l.c === 1,
        stance: isReply ? l.st : null,
        emotion: l.e,
        part: laterSample.has(l.id) && domainPartOf(l.id) === 'test' ? 'train' : domainPartOf(l.id),
      });
    }
  }
  out.push(...loadWrittenSet(labelsDir));
  cache.set(key, out);
  return out;
}

/** A line of `labels/written-threads.jsonl`: a text written for the project, with its labels. */
export interface WrittenLine extends Omit<DomainLabelLine, 'h'> {
  lang: 'zh' | 'en';
  kind: 'post' | 'reply';
  text: string;
  rootId?: string;
  parentId?: string;
}

/**
 * Threads in present-day style written for the project by writing agents (annotate/collect-written.ts)
 * and labelled like the corpus texts by other annotators: the corpora are 2012–2017 Weibo and
 * tweets, so without these no training text reads like today's replies. Train and dev only (the
 * modern-style test set was written separately and is never trained on).
 */
export function loadWrittenSet(labelsDir = LABELS_DIR): DomainExample[] {
  const full = path.join(labelsDir, 'written-threads.jsonl');
  if (!existsSync(full)) return [];
  const lines = readFileSync(full, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as WrittenLine);
  const byId = new Map(lines.map((l) => [l.id, l]));
  return lines.map((l) => {
    const root = l.rootId ? byId.get(l.rootId) : undefined;
    const parent = l.parentId && l.parentId !== l.rootId ? byId.get(l.parentId) : undefined;
    const part = domainPartOf(l.id);
    return {
      id: l.id,
      corpus: 'written',
      lang: l.lang,
      kind: l.kind,
      text: l.text,
      ...(root ? { root: root.text } : {}),
      ...(parent ? { parent: parent.text } : {}),
      sentiment: TO_SENTIMENT[l.s],
      critical: l.c === 1,
      stance: l.kind === 'reply' ? l.st : null,
      emotion: l.e,
      part: part === 'test' ? 'train' : part,
    };
  });
}

/** Normalised texts of the domain test split, kept out of every training set. */
export async function domainTestTexts(dir: string): Promise<Set<string>> {
  return new Set((await loadDomainSet(dir)).filter((e) => e.part === 'test').map((e) => e.text.replace(/\s+/g, ' ').trim()));
}

/**
 * The analysts' reviews exported by `yuqing labels export` (README: Analyst corrections), as
 * training texts: only the tags they reviewed carry labels; every one trains (none is held out).
 */
export function loadReviewLabels(file: string): TrainingText[] {
  if (!existsSync(file)) return [];
  const out: TrainingText[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = reviewLabelSchema.safeParse(JSON.parse(line));
    if (!r.success || (r.data.lang !== 'zh' && r.data.lang !== 'en')) continue;
    const l = r.data;
    out.push({
      id: `review:${l.uid}`,
      corpus: 'review',
      lang: l.lang as 'zh' | 'en',
      kind: l.kind === 'reply' ? 'reply' : 'post',
      text: l.text,
      ...(l.root !== undefined ? { root: l.root } : {}),
      ...(l.sentiment ? { sentiment: l.sentiment } : {}),
      ...(l.critical !== undefined ? { critical: l.critical } : {}),
      ...(l.stance && l.kind === 'reply' ? { stance: l.stance } : {}),
      ...(l.emotion ? { emotion: l.emotion } : {}),
      part: 'train',
    });
  }
  return out;
}
