/**
 * SQLite binds at most 32766 parameters per statement (SQLITE_MAX_VARIABLE_NUMBER); PostgreSQL
 * 65535. Multi-row statements are cut into chunks that stay under the smaller of the two.
 */
const MAX_PARAMS = 32_000;

/** Rows of `columns` parameters each, in chunks small enough for one statement on either backend. */
export function chunksOf<T>(rows: readonly T[], columns: number): T[][] {
  const size = Math.max(1, Math.floor(MAX_PARAMS / columns));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
