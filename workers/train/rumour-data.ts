import { parseMention, type Mention } from '../../shared/contracts/mention.js';
import type { Stance } from '../../shared/contracts/tags.js';
import { readRows } from './datasets.js';

/**
 * The labelled thread corpora as Mention lines, exactly what `yuqing rumours` reads: a source post
 * (with its author's followers and verification, and its reported reposts/comments) followed by its
 * replies in time order, each naming the root and its parent.
 */
export interface LabelledThread {
  threadId: string;
  /** The corpus's own fold (md5(threadId) % 10): folds 0–1 are held out. */
  fold: number;
  /** 1 = rumour (CED) / false or unverified (RumourEval), 0 otherwise. */
  label: 0 | 1;
  /** Year of the source post: for the era-confound check only, never a feature. */
  year: string;
  mentions: Mention[];
}

export const CED_FILE = 'ced_weibo_rumor_threads.jsonl.gz';
export const RUMOUREVAL_FILE = 'rumoureval2017_en_threads.jsonl.gz';

interface CorpusRow {
  id: string;
  kind: 'source' | 'reply';
  threadId: string;
  parentId?: string;
  text: string;
  label?: string;
  veracity?: string;
  stance?: string;
  createdAt?: string;
  authorId?: string;
  followers?: number;
  verified?: boolean;
  reposts?: number;
  retweets?: number;
  comments?: number;
  likes?: number;
  favorites?: number;
  fold?: number;
  split?: string;
}

function toMention(r: CorpusRow, platform: string): Mention | undefined {
  const source = r.kind === 'source';
  const parsed = parseMention({
    id: r.id,
    platform,
    kind: source ? 'post' : 'reply',
    text: r.text,
    createdAt: r.createdAt,
    ...(source ? {} : { rootId: r.threadId, parentId: r.parentId ?? r.threadId }),
    author: {
      id: r.authorId ?? `anon-${r.id}`,
      ...(r.followers !== undefined ? { followers: r.followers } : {}),
      ...(r.verified !== undefined ? { verified: r.verified } : {}),
    },
    ...(source
      ? { metrics: { reposts: r.reposts ?? r.retweets ?? 0, comments: r.comments ?? 0, likes: r.likes ?? r.favorites ?? 0 } }
      : {}),
  });
  // A few replies have no usable date or no text; the CLI would skip them as malformed too.
  return parsed.ok ? parsed.mention : undefined;
}

function group(rows: CorpusRow[], platform: string, labelOf: (src: CorpusRow) => 0 | 1 | undefined): LabelledThread[] {
  const byThread = new Map<string, { src?: CorpusRow; replies: CorpusRow[] }>();
  for (const r of rows) {
    let t = byThread.get(r.threadId);
    if (!t) byThread.set(r.threadId, (t = { replies: [] }));
    if (r.kind === 'source') t.src = r;
    else t.replies.push(r);
  }
  const out: LabelledThread[] = [];
  for (const [threadId, t] of byThread) {
    if (!t.src) continue;
    const label = labelOf(t.src);
    if (label === undefined) continue;
    const root = toMention(t.src, platform);
    if (!root) continue;
    const replies = t.replies
      .map((r) => toMention(r, platform))
      .filter((m): m is Mention => m !== undefined)
      .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
    out.push({ threadId, fold: t.src.fold ?? 0, label, year: (t.src.createdAt ?? '').slice(0, 4), mentions: [root, ...replies] });
  }
  return out.sort((a, b) => (a.threadId < b.threadId ? -1 : a.threadId > b.threadId ? 1 : 0));
}

export async function cedThreads(datasetsDir: string): Promise<LabelledThread[]> {
  const rows = await readRows<CorpusRow>(datasetsDir, CED_FILE);
  return group(rows, 'weibo', (s) => (s.label === 'rumor' ? 1 : s.label === 'non-rumor' ? 0 : undefined));
}

export interface RumourEvalThread extends LabelledThread {
  veracity: string;
  split: string;
  /** Gold SDQC stance of every tweet, by id. */
  stance: Map<string, Stance>;
}

const STANCES = new Set<string>(['support', 'deny', 'query', 'comment']);

export async function rumourEvalThreads(datasetsDir: string): Promise<RumourEvalThread[]> {
  const rows = await readRows<CorpusRow>(datasetsDir, RUMOUREVAL_FILE);
  const base = group(rows, 'twitter', (s) => (s.veracity === 'true' ? 0 : s.veracity === 'false' || s.veracity === 'unverified' ? 1 : undefined));
  const stance = new Map<string, Stance>();
  const src = new Map<string, CorpusRow>();
  for (const r of rows) {
    if (r.stance && STANCES.has(r.stance)) stance.set(r.id, r.stance as Stance);
    if (r.kind === 'source') src.set(r.threadId, r);
  }
  return base.map((t) => ({
    ...t,
    veracity: src.get(t.threadId)?.veracity ?? '',
    split: src.get(t.threadId)?.split ?? '',
    stance,
  }));
}
