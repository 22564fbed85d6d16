import type { Mention } from '../../shared/contracts/mention.js';
import type { DemoAuthor } from './authors.js';
import type { Rng } from './random.js';
import { intBetween } from './random.js';

/**
 * A mention before it has its place in the second: random items get their id from their rank
 * in the second once all are sorted by time; scheduled items (rumour roots, official posts…) carry
 * a fixed id that later seconds can point at.
 */
export interface Draft {
  id?: string;
  platform: 'weibo' | 'twitter';
  kind: Mention['kind'];
  text: string;
  /** Milliseconds into the second; scheduled items use 0 so anything replying in the same second follows them. */
  ms: number;
  author: DemoAuthor;
  parentId?: string;
  rootId?: string;
  metrics?: Mention['metrics'];
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** ISO 8601 in China Standard Time (no daylight saving), as Weibo shows it. */
export function isoShanghai(epochMs: number): string {
  return new Date(epochMs + SHANGHAI_OFFSET_MS).toISOString().replace('Z', '+08:00');
}

/** Reach of a post grows with the author's audience, with plenty of luck. */
export function postMetrics(rng: Rng, followers: number): NonNullable<Mention['metrics']> {
  const reach = Math.sqrt(Math.max(followers, 1)) * rng() * rng();
  return {
    likes: Math.floor(reach * 2),
    comments: Math.floor(reach * 0.4),
    reposts: Math.floor(reach * 0.3),
  };
}

export function replyMetrics(rng: Rng): NonNullable<Mention['metrics']> {
  return { likes: rng() < 0.7 ? 0 : intBetween(rng, 1, 60) };
}

function url(platform: Draft['platform'], author: DemoAuthor, id: string): string {
  return platform === 'twitter' ? `https://x.com/${author.name ?? author.id}/status/${id}` : `https://weibo.com/${author.id}/${id}`;
}

export function toMention(draft: Draft, id: string, epochSecond: number): Mention {
  const m: Mention = {
    id,
    platform: draft.platform,
    kind: draft.kind,
    text: draft.text,
    createdAt: isoShanghai(epochSecond * 1000 + draft.ms),
    // A copy: the official and big-V authors are shared constants that callers must not be able to alter.
    author: { ...draft.author },
    url: url(draft.platform, draft.author, id),
  };
  if (draft.parentId !== undefined) m.parentId = draft.parentId;
  if (draft.rootId !== undefined) m.rootId = draft.rootId;
  if (draft.metrics !== undefined) m.metrics = draft.metrics;
  return m;
}

/** `//@name: text` — how Weibo quotes the chain a repost came through. */
export function repostText(comment: string, parent: { author: DemoAuthor; text: string }): string {
  return `${comment} //@${parent.author.name ?? parent.author.id}: ${parent.text}`;
}
