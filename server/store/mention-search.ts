import type { MentionQuery } from '../../shared/contracts/api.js';
import type { MentionView } from '../../shared/contracts/views.js';
import { presentMention, type MentionRow } from '../../shared/store/rows.js';
import type { Db } from './open.js';

const SORT_COLUMN = { createdAt: 'created_at', engagement: 'engagement', sentiment: 'sentiment_score' } as const;

export class BadCursorError extends Error {
  override name = 'BadCursorError';
}

type CursorValue = [number, string];

function encodeCursor(v: CursorValue): string {
  return Buffer.from(JSON.stringify(v)).toString('base64url');
}

function decodeCursor(c: string): CursorValue {
  try {
    const v: unknown = JSON.parse(Buffer.from(c, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'string') return [v[0], v[1]];
  } catch {
    // fall through to the error below
  }
  throw new BadCursorError('cursor is not one this server issued');
}

/** `LIKE` needs its wildcards escaped so a keyword such as "100%" matches literally. */
function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** WHERE clause and parameters for the analyst filters (shared by the page query and the CSV export). */
export function filterClause(q: Omit<MentionQuery, 'sort' | 'order' | 'limit' | 'cursor'>): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, ...values: unknown[]) => {
    where.push(clause);
    params.push(...values);
  };
  if (q.from) add('m.created_at >= ?', Date.parse(q.from));
  if (q.to) add('m.created_at < ?', Date.parse(q.to));
  const inList = (col: string, values: readonly string[] | undefined) => {
    if (!values || values.length === 0) return;
    add(`m.${col} IN (${values.map(() => '?').join(',')})`, ...values);
  };
  inList('sentiment', q.sentiment);
  inList('emotion', q.emotion);
  inList('stance', q.stance);
  if (q.critical !== undefined) add('m.critical = ?', q.critical ? 1 : 0);
  if (q.platform) add('m.platform = ?', q.platform);
  if (q.region) add('m.region = ?', q.region);
  if (q.story) add('m.story_id = ?', q.story);
  if (q.topic) {
    add('EXISTS (SELECT 1 FROM mention_topics t WHERE t.topic = ? AND t.created_at = m.created_at AND t.uid = m.uid)', q.topic);
  }
  if (q.q) add("m.text LIKE ? ESCAPE '\\'", likePattern(q.q));
  return { where, params };
}

/** One page of mentions matching the filters, with keyset (cursor) pagination. */
export function searchMentions(db: Db, q: MentionQuery): { items: MentionView[]; nextCursor: string | null } {
  const { where, params } = filterClause(q);
  const col = SORT_COLUMN[q.sort];
  const cmp = q.order === 'desc' ? '<' : '>';
  if (q.cursor) {
    const [value, uid] = decodeCursor(q.cursor);
    where.push(`(m.${col}, m.uid) ${cmp} (?, ?)`);
    params.push(value, uid);
  }
  const sql = `SELECT m.* FROM mentions m ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY m.${col} ${q.order}, m.uid ${q.order} LIMIT ?`;
  const rows = db.prepare(sql).all(...params, q.limit + 1) as MentionRow[];
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > q.limit && last ? encodeCursor([last[col], last.uid]) : null;
  return { items: page.map(presentMention), nextCursor };
}

export type ExportFilters = Omit<MentionQuery, 'sort' | 'order' | 'limit' | 'cursor'>;

/**
 * All rows matching the filters, newest first, for the CSV export: up to `max` rows in pages of
 * `pageSize`, each page one short keyset query that has finished before the page is handed out.
 * No statement stays open while the caller waits for a slow download: an open iterator would hold
 * a read transaction for the whole download (pinning the WAL against checkpoints) and make
 * better-sqlite3 refuse writes on this connection until it closed.
 */
export function* exportPages(db: Db, q: ExportFilters, max: number, pageSize = 1000): Generator<MentionRow[]> {
  const { where, params } = filterClause(q);
  const select = (clauses: string[]) =>
    db.prepare(`SELECT m.* FROM mentions m ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''}
      ORDER BY m.created_at DESC, m.uid DESC LIMIT ?`);
  const first = select(where);
  const next = select([...where, '(m.created_at, m.uid) < (?, ?)']);
  let after: CursorValue | undefined;
  for (let left = max; left > 0; ) {
    const limit = Math.min(pageSize, left);
    const rows = (after ? next.all(...params, after[0], after[1], limit) : first.all(...params, limit)) as MentionRow[];
    const last = rows[rows.length - 1];
    if (!last) return;
    left -= rows.length;
    after = [last.created_at, last.uid];
    yield rows;
    if (rows.length < limit) return;
  }
}

/** The thread a mention belongs to: its root post, the replies and the reposts. */
export function loadThread(db: Db, uid: string) {
  const self = db.prepare('SELECT thread_uid FROM mentions WHERE uid = ?').get(uid) as { thread_uid: string } | undefined;
  if (!self) return null;
  const rows = db
    .prepare('SELECT * FROM mentions WHERE thread_uid = ? OR uid = ? ORDER BY created_at ASC LIMIT 2001')
    .all(self.thread_uid, self.thread_uid) as MentionRow[];
  const root = rows.find((r) => r.uid === self.thread_uid);
  return {
    root: root ? presentMention(root) : null,
    replies: rows.filter((r) => r.kind === 'reply').map(presentMention),
    reposts: rows.filter((r) => r.kind === 'repost').map(presentMention),
  };
}
