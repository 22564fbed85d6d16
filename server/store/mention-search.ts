import type { MentionQuery } from '../../shared/contracts/api.js';
import type { MentionView } from '../../shared/contracts/views.js';
import { presentMention } from '../../shared/store/rows.js';
import { mentionPage, threadOf, type MentionKey } from '../../shared/store/repos/mentions.js';
import type { Executor } from '../../shared/store/store.js';

const SORT_COLUMN = { createdAt: 'created_at', engagement: 'engagement', sentiment: 'sentiment_score' } as const;
const THREAD_MAX = 2001;

export class BadCursorError extends Error {
  override name = 'BadCursorError';
}

function encodeCursor(v: MentionKey): string {
  return Buffer.from(JSON.stringify(v)).toString('base64url');
}

function decodeCursor(c: string): MentionKey {
  try {
    const v: unknown = JSON.parse(Buffer.from(c, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'string') return [v[0], v[1]];
  } catch {
    // fall through to the error below
  }
  throw new BadCursorError('cursor is not one this server issued');
}

/** One page of mentions matching the filters, with keyset (cursor) pagination. */
export async function searchMentions(db: Executor, q: MentionQuery): Promise<{ items: MentionView[]; nextCursor: string | null }> {
  const { sort, order, limit, cursor, ...filters } = q;
  const col = SORT_COLUMN[sort];
  const after = cursor ? decodeCursor(cursor) : undefined;
  const rows = await mentionPage(db, { filters, sort: col, order, limit: limit + 1, after });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > limit && last ? encodeCursor([last[col], last.uid]) : null;
  return { items: page.map(presentMention), nextCursor };
}

/** The thread a mention belongs to: its root post, the replies and the reposts. */
export async function loadThread(db: Executor, uid: string) {
  const t = await threadOf(db, uid, THREAD_MAX);
  if (!t) return null;
  const root = t.rows.find((r) => r.uid === t.threadUid);
  return {
    root: root ? presentMention(root) : null,
    replies: t.rows.filter((r) => r.kind === 'reply').map(presentMention),
    reposts: t.rows.filter((r) => r.kind === 'repost').map(presentMention),
  };
}
