import { sql, type Expression, type SqlBool } from 'kysely';
import type { MentionRow } from '../rows.js';
import type { MentionsTable } from '../schema.js';
import { isPostgres, type Executor } from '../store.js';
import { indexedTerms } from '../terms.js';
import { chunksOf } from './chunks.js';
import { mentionFilters, type MentionFilters, type MentionsEb } from './mention-filters.js';

/** The columns a reader gets: a stored mention without the store's own (source, ingested_at, index terms). */
export const MENTION_COLUMNS = [
  'm.uid', 'm.id', 'm.platform', 'm.kind', 'm.text', 'm.created_at', 'm.created_at_iso', 'm.parent_uid', 'm.root_uid',
  'm.thread_uid', 'm.author_id', 'm.author_name', 'm.author_verified', 'm.author_official', 'm.followers', 'm.reposts',
  'm.comments', 'm.likes', 'm.engagement', 'm.region', 'm.url', 'm.lang', 'm.sentiment', 'm.sentiment_score', 'm.emotion',
  'm.critical', 'm.stance', 'm.topics', 'm.story_id', 'm.tag_confidence', 'm.certainty', 'm.reviewed',
] as const;

export type MentionSortColumn = 'created_at' | 'engagement' | 'sentiment_score';
/** Keyset position: the sort column's value and the uid (the tie-break). */
export type MentionKey = [number, string];

export interface MentionPageQuery {
  filters: MentionFilters;
  sort: MentionSortColumn;
  order: 'asc' | 'desc';
  limit: number;
  after?: MentionKey | undefined;
}

/** One keyset page of mentions matching the filters, ordered by (sort column, uid). */
export async function mentionPage(db: Executor, q: MentionPageQuery): Promise<MentionRow[]> {
  const col = `m.${q.sort}` as const;
  const after = q.after;
  return db
    .selectFrom('mentions as m')
    .select(MENTION_COLUMNS)
    .where((eb) => {
      const where = mentionFilters(db, eb, q.filters);
      if (after) where.push(eb(eb.refTuple(col, 'm.uid'), q.order === 'desc' ? '<' : '>', eb.tuple(after[0], after[1])));
      return eb.and(where);
    })
    .orderBy(col, q.order)
    .orderBy('m.uid', q.order)
    .limit(q.limit)
    .execute();
}

/**
 * All rows matching the filters, newest first, in pages of `pageSize` up to `max` rows, each page
 * one short keyset query that has finished before the page is handed out: no statement or read
 * transaction stays open while the caller waits for a slow download (that would pin the WAL
 * against checkpoints, or hold a PostgreSQL snapshot for the whole download).
 */
export async function* mentionExportPages(db: Executor, filters: MentionFilters, max: number, pageSize = 1000): AsyncGenerator<MentionRow[]> {
  let after: MentionKey | undefined;
  for (let left = max; left > 0; ) {
    const limit = Math.min(pageSize, left);
    const rows = await mentionPage(db, { filters, sort: 'created_at', order: 'desc', limit, after });
    const last = rows[rows.length - 1];
    if (!last) return;
    left -= rows.length;
    after = [last.created_at, last.uid];
    yield rows;
    if (rows.length < limit) return;
  }
}

/**
 * The mention with this uid. PostgreSQL partitions mentions by day: mention_keys says which day
 * holds the uid, so one partition is searched instead of every day's.
 */
function isUid(db: Executor, eb: MentionsEb, uid: string): Expression<SqlBool> {
  if (!isPostgres(db)) return eb('m.uid', '=', uid);
  return eb.and([eb('m.uid', '=', uid), eb('m.created_at', '=', eb.selectFrom('mention_keys').select('created_at').where('uid', '=', uid))]);
}

export async function mentionByUid(db: Executor, uid: string): Promise<MentionRow | undefined> {
  return db.selectFrom('mentions as m').select(MENTION_COLUMNS).where((eb) => isUid(db, eb, uid)).executeTakeFirst();
}

export async function mentionExists(db: Executor, uid: string): Promise<boolean> {
  return (await db.selectFrom('mentions as m').select('m.uid').where((eb) => isUid(db, eb, uid)).executeTakeFirst()) !== undefined;
}

/** The thread a mention belongs to (root, replies, reposts), oldest first, at most `limit` rows. */
export async function threadOf(db: Executor, uid: string, limit: number): Promise<{ threadUid: string; rows: MentionRow[] } | null> {
  const self = await db.selectFrom('mentions as m').select('m.thread_uid').where((eb) => isUid(db, eb, uid)).executeTakeFirst();
  if (!self) return null;
  const rows = await db
    .selectFrom('mentions as m')
    .select(MENTION_COLUMNS)
    .where((eb) => eb.or([eb('m.thread_uid', '=', self.thread_uid), eb('m.uid', '=', self.thread_uid)]))
    .orderBy('m.created_at', 'asc')
    .limit(limit)
    .execute();
  return { threadUid: self.thread_uid, rows };
}

/** Values seen in a column (filter menus), from its index. */
export async function distinctValues(db: Executor, column: 'platform' | 'region', limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('mentions')
    .select(`${column} as v`)
    .distinct()
    .where(column, 'is not', null)
    .orderBy('v')
    .limit(limit)
    .execute();
  return rows.map((r) => r.v as string);
}

/** The newest critical mentions since `from` (the live feed), by the (critical, created_at) index. */
export async function latestCritical(db: Executor, from: number, limit: number): Promise<MentionRow[]> {
  return db
    .selectFrom('mentions as m')
    .select(MENTION_COLUMNS)
    .where('m.critical', '=', 1)
    .where('m.created_at', '>=', from)
    .orderBy('m.created_at', 'desc')
    .orderBy('m.uid', 'desc')
    .limit(limit)
    .execute();
}

const HOUR_MS = 3_600_000;

/**
 * The most engaged critical mentions of [from, to). The best `limit` of a range are among the best
 * `limit` of each UTC hour in it, and each hour's best are the top of the partial index
 * mentions_critical_hour (hour, engagement, created_at, uid) walked downwards: a few index entries
 * per hour whatever the day's volume, then the rows of the winners. The expression must read
 * exactly as the index's (created_at / 3600000) for the planner to use it.
 */
export async function topCritical(db: Executor, from: number, to: number, limit: number): Promise<MentionRow[]> {
  const candidates: { uid: string; engagement: number; created_at: number }[] = [];
  for (let hour = Math.floor(from / HOUR_MS); hour * HOUR_MS < to; hour++) {
    // Only an hour cut by the range's ends needs created_at (a whole hour without it keeps the
    // planner on the hour index instead of the (critical, created_at) one, which reads every row).
    const whole = hour * HOUR_MS >= from && (hour + 1) * HOUR_MS <= to;
    const rows = await db
      .selectFrom('mentions')
      .select(['uid', 'engagement', 'created_at'])
      .where('critical', '=', 1)
      .where(sql<number>`created_at / 3600000`, '=', hour)
      .$if(!whole, (q) => q.where('created_at', '>=', from).where('created_at', '<', to))
      .orderBy('engagement', 'desc')
      .orderBy('created_at', 'desc')
      .orderBy('uid', 'desc')
      .limit(limit)
      .execute();
    candidates.push(...rows);
  }
  const top = candidates
    .sort((a, b) => b.engagement - a.engagement || b.created_at - a.created_at || (a.uid < b.uid ? 1 : a.uid > b.uid ? -1 : 0))
    .slice(0, limit);
  if (top.length === 0) return [];
  const rows = await db
    .selectFrom('mentions as m')
    .select(MENTION_COLUMNS)
    // created_at too: PostgreSQL prunes the time partitions by it.
    .where('m.created_at', 'in', top.map((t) => t.created_at))
    .where('m.uid', 'in', top.map((t) => t.uid))
    .execute();
  const order = new Map(top.map((t, i) => [t.uid, i]));
  return rows.sort((a, b) => (order.get(a.uid) ?? 0) - (order.get(b.uid) ?? 0));
}

// The batch writer's side: claiming uids, multi-row inserts, thread context.
/** A mention as the batch writer stores it (its keyword terms are derived here, not by the caller). */
export type NewMention = Omit<MentionsTable, 'terms'>;

const INSERT_COLUMNS = 34;

/**
 * Of these mentions (uid → created_at), the uids no writer has stored before: they are now this
 * transaction's to insert. SQLite: one `SELECT … WHERE uid IN (…)` per chunk, safe because the
 * batch holds the IMMEDIATE write lock. PostgreSQL: one `INSERT INTO mention_keys … ON CONFLICT DO
 * NOTHING RETURNING uid` per chunk (mentions there is partitioned by created_at, so its own key
 * cannot be uid alone); a concurrent writer claiming the same uid waits for this one to commit.
 * Keys are sorted so two writers never wait on each other in opposite orders.
 */
export async function claimNewUids(db: Executor, mentions: ReadonlyMap<string, number>): Promise<Set<string>> {
  const uids = [...mentions.keys()].sort();
  const fresh = new Set<string>();
  if (isPostgres(db)) {
    for (const chunk of chunksOf(uids, 2)) {
      const rows = await db
        .insertInto('mention_keys')
        .values(chunk.map((uid) => ({ uid, created_at: mentions.get(uid) as number })))
        .onConflict((oc) => oc.column('uid').doNothing())
        .returning('uid')
        .execute();
      for (const r of rows) fresh.add(r.uid);
    }
    return fresh;
  }
  const stored = new Set<string>();
  for (const chunk of chunksOf(uids, 1)) {
    for (const r of await db.selectFrom('mentions').select('uid').where('uid', 'in', chunk).execute()) stored.add(r.uid);
  }
  for (const uid of uids) if (!stored.has(uid)) fresh.add(uid);
  return fresh;
}

/**
 * Inserts new mentions with their keyword terms, in multi-row statements. SQLite: the terms go to
 * the contentless FTS5 table under the mention's rowid; PostgreSQL: into the `terms` tsvector.
 */
export async function insertMentions(db: Executor, rows: readonly NewMention[]): Promise<void> {
  if (rows.length === 0) return;
  if (isPostgres(db)) {
    for (const chunk of chunksOf(rows, INSERT_COLUMNS)) {
      await db
        .insertInto('mentions')
        .values(chunk.map((r) => ({ ...r, terms: sql<string>`to_tsvector('simple', ${indexedTerms(r.text)})` })))
        .execute();
    }
    return;
  }
  const terms = new Map(rows.map((r) => [r.uid, indexedTerms(r.text)]));
  for (const chunk of chunksOf(rows, INSERT_COLUMNS)) {
    const ids = await db
      .insertInto('mentions')
      .values(chunk)
      .returning([sql<number>`rowid`.as('rowid'), 'uid'])
      .execute();
    const fts = ids.map((r) => ({ rowid: r.rowid, terms: terms.get(r.uid) as string })).filter((r) => r.terms !== '');
    for (const c of chunksOf(fts, 2)) await db.insertInto('mention_fts').values(c).execute();
  }
}

export interface ThreadContextRow {
  uid: string;
  text: string;
  author_official: number;
}

/** Stored mentions' text and author flag by uid (a reply's root and parent, for its stance). */
export async function threadContexts(db: Executor, uids: readonly string[]): Promise<ThreadContextRow[]> {
  const out: ThreadContextRow[] = [];
  for (const chunk of chunksOf(uids, 1)) {
    out.push(...(await db.selectFrom('mentions').select(['uid', 'text', 'author_official']).where('uid', 'in', chunk).execute()));
  }
  return out;
}

/** The topic index's rows of new mentions (topic, created_at, uid). */
export async function insertMentionTopics(db: Executor, rows: readonly { topic: string; created_at: number; uid: string }[]): Promise<void> {
  for (const chunk of chunksOf(rows, 3)) {
    await db
      .insertInto('mention_topics')
      .values(chunk)
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}
