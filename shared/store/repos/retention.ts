import { sql } from 'kysely';
import { isPostgres, type Executor } from '../store.js';
import { chunksOf } from './chunks.js';

/**
 * Deletes up to `limit` mentions created before `cutoff`, with their rows in the topic index and
 * the keyword index (SQLite's mention_fts; PostgreSQL's terms live in the row) and, on PostgreSQL,
 * their uid claims. Returns how many mentions went. (PostgreSQL drops whole days first:
 * dropPartitionsBefore.)
 */
export async function deleteMentionsBefore(db: Executor, cutoff: number, limit: number): Promise<number> {
  const pg = isPostgres(db);
  const rows = await db
    .selectFrom('mentions')
    .select(['uid', 'created_at', 'topics', pg ? sql<number>`0`.as('rowid') : sql<number>`rowid`.as('rowid')])
    .where('created_at', '<', cutoff)
    .orderBy('created_at')
    .orderBy('uid')
    .limit(limit)
    .execute();
  if (rows.length === 0) return 0;
  const topicKeys = rows.flatMap((r) => (JSON.parse(r.topics) as string[]).map((t) => [t, r.created_at, r.uid] as const));
  for (const chunk of chunksOf(topicKeys, 3)) {
    await db
      .deleteFrom('mention_topics')
      .where(({ eb, refTuple, tuple }) => eb(refTuple('topic', 'created_at', 'uid'), 'in', chunk.map(([t, c, u]) => tuple(t, c, u))))
      .execute();
  }
  const uids = rows.map((r) => r.uid);
  if (pg) {
    // created_at < cutoff lets PostgreSQL search only the partitions before the cutoff.
    await db.deleteFrom('mentions').where('created_at', '<', cutoff).where('uid', 'in', uids).execute();
    await db.deleteFrom('mention_keys').where('uid', 'in', uids).execute();
  } else {
    await db.deleteFrom('mention_fts').where('rowid', 'in', rows.map((r) => r.rowid)).execute();
    await db.deleteFrom('mentions').where('uid', 'in', uids).execute();
  }
  return rows.length;
}

/**
 * PostgreSQL: deletes up to `limit` uid claims of mentions created before `cutoff` whose rows went
 * with a dropped partition. (The writer refuses mentions older than the window, so a claim is not
 * needed any more once its mention is gone.) Returns how many went; 0 on SQLite.
 */
export async function deleteMentionKeysBefore(db: Executor, cutoff: number, limit: number): Promise<number> {
  if (!isPostgres(db)) return 0;
  const r = await db
    .deleteFrom('mention_keys')
    .where('uid', 'in', db.selectFrom('mention_keys').select('uid').where('created_at', '<', cutoff).limit(limit))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
