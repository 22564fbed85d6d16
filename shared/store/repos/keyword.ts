import { sql, type Expression, type SqlBool } from 'kysely';
import { isPostgres, type Executor } from '../store.js';
import { keywordPhrase } from '../terms.js';

/**
 * The keyword index's condition for mentions containing `keyword`: the phrase of its terms
 * (terms.ts) in the backend's index, FTS5's mention_fts (SQLite) or the `terms` tsvector
 * (PostgreSQL). Null when the index cannot answer exactly (a lone Han character, no terms): the
 * caller then scans with LIKE. `table` is how the query names the mentions table (an alias).
 */
export function keywordMatch(db: Executor, keyword: string, table = 'mentions'): Expression<SqlBool> | null {
  const terms = keywordPhrase(keyword);
  if (terms === null) return null;
  const phrase = terms.join(' ');
  if (isPostgres(db)) return sql<SqlBool>`${sql.ref(`${table}.terms`)} @@ phraseto_tsquery('simple', ${phrase})`;
  // A quoted FTS5 string is a phrase; terms are letters, digits and Han only, so nothing needs escaping.
  return sql<SqlBool>`${sql.ref(`${table}.rowid`)} IN (SELECT rowid FROM mention_fts WHERE mention_fts MATCH ${`"${phrase}"`})`;
}
