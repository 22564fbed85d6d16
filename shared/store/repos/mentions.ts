import { sql } from 'kysely';
import type { MentionsTable } from '../schema.js';
import { isPostgres, type Executor } from '../store.js';
import { indexedTerms } from '../terms.js';
import { chunksOf } from './chunks.js';

/** A mention as the batch writer stores it (its keyword terms are derived here, not by the caller). */
export type NewMention = Omit<MentionsTable, 'terms'>;

const MENTION_COLUMNS = 34;

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
    for (const chunk of chunksOf(rows, MENTION_COLUMNS)) {
      await db
        .insertInto('mentions')
        .values(chunk.map((r) => ({ ...r, terms: sql<string>`to_tsvector('simple', ${indexedTerms(r.text)})` })))
        .execute();
    }
    return;
  }
  const terms = new Map(rows.map((r) => [r.uid, indexedTerms(r.text)]));
  for (const chunk of chunksOf(rows, MENTION_COLUMNS)) {
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
