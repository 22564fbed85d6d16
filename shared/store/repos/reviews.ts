import { sql } from 'kysely';
import type { MentionRow } from '../rows.js';
import type { Executor } from '../store.js';
import { MENTION_COLUMNS } from './mentions.js';

export interface TagReviewRow {
  uid: string;
  tag: string;
  old_value: string;
  new_value: string;
  agreed: number;
  confidence: number | null;
  actor: string;
  at: number;
}

export type MentionTagChange = Partial<
  Pick<MentionRow, 'sentiment' | 'sentiment_score' | 'emotion' | 'critical' | 'stance' | 'topics' | 'reviewed' | 'tag_confidence' | 'certainty'>
>;

export async function updateMentionTags(db: Executor, uid: string, change: MentionTagChange): Promise<void> {
  await db.updateTable('mentions').set(change).where('uid', '=', uid).execute();
}

export async function addMentionTopic(db: Executor, topic: string, createdAt: number, uid: string): Promise<void> {
  await db
    .insertInto('mention_topics')
    .values({ topic, created_at: createdAt, uid })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function removeMentionTopic(db: Executor, topic: string, createdAt: number, uid: string): Promise<void> {
  await db.deleteFrom('mention_topics').where('topic', '=', topic).where('created_at', '=', createdAt).where('uid', '=', uid).execute();
}

export async function insertTagReview(db: Executor, r: TagReviewRow): Promise<void> {
  await db.insertInto('tag_reviews').values(r).execute();
}

export async function tagReviewsOf(db: Executor, uid: string): Promise<TagReviewRow[]> {
  return db
    .selectFrom('tag_reviews')
    .select(['uid', 'tag', 'old_value', 'new_value', 'agreed', 'confidence', 'actor', 'at'])
    .where('uid', '=', uid)
    .orderBy('id', 'asc')
    .execute();
}

/**
 * Unreviewed mentions with an uncertain tag, the least sure first (in steps of 0.1 of certainty,
 * so reach decides among similar doubts), then the most engaged: the mentions_review index.
 */
export async function reviewQueueRows(db: Executor, from: number | undefined, to: number | undefined, limit: number): Promise<MentionRow[]> {
  return db
    .selectFrom('mentions as m')
    .select(MENTION_COLUMNS)
    .where('m.reviewed', '=', 0)
    .where('m.certainty', '<', 1)
    .$if(from !== undefined, (q) => q.where('m.created_at', '>=', from!))
    .$if(to !== undefined, (q) => q.where('m.created_at', '<', to!))
    .orderBy(sql`CAST(m.certainty * 10 AS INTEGER)`, 'asc')
    .orderBy('m.engagement', 'desc')
    .orderBy('m.uid', 'asc')
    .limit(limit)
    .execute();
}

export interface AgreementRow {
  tag: string;
  d: number;
  n: number;
  agreed: number;
  un: number;
  un_agreed: number;
}

/**
 * Reviews per tag and UTC day since `since`: how many, how many agreed with the tagger, and the
 * same for those whose confidence was below the tag's mark (`marks`; a tag without one never counts).
 */
export async function agreementRows(db: Executor, since: number, marks: Readonly<Record<string, number>>): Promise<AgreementRow[]> {
  const cases = Object.entries(marks).map(([tag, mark]) => sql`WHEN ${tag} THEN ${mark}`);
  const uncertain = sql`confidence < CASE tag ${sql.join(cases, sql` `)} ELSE -1.0 END`;
  // Integer division on both backends (ms >= 0): the UTC day number.
  const rows = await db
    .selectFrom('tag_reviews')
    .select([
      'tag',
      sql<number>`CAST(at / 86400000 AS INTEGER)`.as('d'),
      sql<number>`COUNT(*)`.as('n'),
      sql<number>`SUM(agreed)`.as('agreed'),
      sql<number>`SUM(CASE WHEN ${uncertain} THEN 1 ELSE 0 END)`.as('un'),
      sql<number>`SUM(CASE WHEN ${uncertain} THEN agreed ELSE 0 END)`.as('un_agreed'),
    ])
    .where('at', '>=', since)
    .groupBy(['tag', sql`CAST(at / 86400000 AS INTEGER)`])
    .orderBy('d')
    .execute();
  return rows.map((r) => ({ tag: r.tag, d: Number(r.d), n: Number(r.n), agreed: Number(r.agreed), un: Number(r.un), un_agreed: Number(r.un_agreed) }));
}

export interface LatestVerdict {
  uid: string;
  tag: string;
  new_value: string;
  at: number;
}

/** The analysts' latest verdict per reviewed (uid, tag), ordered by (uid, tag), one keyset page after `after`. */
export async function latestVerdicts(db: Executor, after: { uid: string; tag: string } | null, limit: number): Promise<LatestVerdict[]> {
  return db
    .selectFrom('tag_reviews as r')
    .select(['r.uid', 'r.tag', 'r.new_value', 'r.at'])
    .where((eb) =>
      eb(
        'r.id',
        '=',
        eb
          .selectFrom('tag_reviews as x')
          .select((e) => e.fn.max('x.id').as('id'))
          .whereRef('x.uid', '=', 'r.uid')
          .whereRef('x.tag', '=', 'r.tag'),
      ),
    )
    .$if(after !== null, (q) => q.where((eb) => eb(eb.refTuple('r.uid', 'r.tag'), '>', eb.tuple(after!.uid, after!.tag))))
    .orderBy('r.uid')
    .orderBy('r.tag')
    .limit(limit)
    .execute();
}

export async function mentionTexts(db: Executor, uids: readonly string[]): Promise<Map<string, string>> {
  if (uids.length === 0) return new Map();
  const rows = await db.selectFrom('mentions').select(['uid', 'text']).where('uid', 'in', [...new Set(uids)]).execute();
  return new Map(rows.map((r) => [r.uid, r.text]));
}

export async function mentionsByUids(db: Executor, uids: readonly string[]): Promise<MentionRow[]> {
  if (uids.length === 0) return [];
  return db.selectFrom('mentions as m').select(MENTION_COLUMNS).where('m.uid', 'in', [...new Set(uids)]).execute();
}
