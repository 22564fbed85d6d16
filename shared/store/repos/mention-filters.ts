import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { MentionQuery } from '../../contracts/api.js';
import type { Database, MentionsTable } from '../schema.js';
import { isPostgres, type Executor } from '../store.js';
import { keywordMatch } from './keyword.js';

/** The analyst filters of a mention search (the page query and the CSV export share them). */
export type MentionFilters = Omit<MentionQuery, 'sort' | 'order' | 'limit' | 'cursor'>;

export type MentionsEb = ExpressionBuilder<Database & { m: MentionsTable }, 'm'>;

/** `LIKE` needs its wildcards escaped so a keyword such as "100%" matches literally. */
function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The keyword condition: the keyword index (repos/keyword.ts) finds the candidate rows, and LIKE
 * (ILIKE on PostgreSQL, as SQLite's LIKE ignores ASCII case) on those few keeps the old exact
 * meaning (the index's phrase of bigrams also matches across a space or punctuation). A keyword
 * the index cannot answer (a lone Han character) falls back to the scan.
 */
export function keywordCondition(db: Executor, q: string): Expression<SqlBool> {
  const like = isPostgres(db) ? sql<SqlBool>`m.text ILIKE ${likePattern(q)} ESCAPE '\\'` : sql<SqlBool>`m.text LIKE ${likePattern(q)} ESCAPE '\\'`;
  const indexed = keywordMatch(db, q, 'm');
  return indexed ? sql<SqlBool>`(${indexed} AND ${like})` : like;
}

export function mentionFilters(db: Executor, eb: MentionsEb, q: MentionFilters): Expression<SqlBool>[] {
  const where: Expression<SqlBool>[] = [];
  if (q.from) where.push(eb('m.created_at', '>=', Date.parse(q.from)));
  if (q.to) where.push(eb('m.created_at', '<', Date.parse(q.to)));
  if (q.sentiment?.length) where.push(eb('m.sentiment', 'in', q.sentiment));
  if (q.emotion?.length) where.push(eb('m.emotion', 'in', q.emotion));
  if (q.stance?.length) where.push(eb('m.stance', 'in', q.stance));
  if (q.critical !== undefined) where.push(eb('m.critical', '=', q.critical ? 1 : 0));
  if (q.platform) where.push(eb('m.platform', '=', q.platform));
  if (q.region) where.push(eb('m.region', '=', q.region));
  if (q.story) where.push(eb('m.story_id', '=', q.story));
  if (q.topic) {
    const topic = q.topic;
    where.push(
      eb.exists(
        eb
          .selectFrom('mention_topics as t')
          .select(eb.lit(1).as('one'))
          .where('t.topic', '=', topic)
          .whereRef('t.created_at', '=', 'm.created_at')
          .whereRef('t.uid', '=', 'm.uid'),
      ),
    );
  }
  if (q.q) where.push(keywordCondition(db, q.q));
  return where;
}
