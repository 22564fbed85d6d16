import type Database from 'better-sqlite3';

/** One statement's outcome, in a shape that crosses a worker-thread boundary (no BigInt). */
export interface StatementResult {
  rows: Record<string, unknown>[];
  changes: number;
  lastInsertRowid: number;
}

/** How many distinct statements each connection keeps prepared (the write path uses a handful, reads a few dozen). */
const STATEMENT_CACHE = 256;

/**
 * Runs SQL on one better-sqlite3 connection with its prepared statements cached by text: Kysely
 * compiles the same text for the same query shape, and preparing is a large part of a small query's cost.
 */
export function statementRunner(db: Database.Database): (sql: string, params: readonly unknown[]) => StatementResult {
  const cache = new Map<string, Database.Statement>();
  return (sql, params) => {
    let stmt = cache.get(sql);
    if (stmt) {
      cache.delete(sql);
    } else {
      stmt = db.prepare(sql);
      if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value as string);
    }
    cache.set(sql, stmt);
    // One array argument binds its elements in order; spreading thousands of a multi-row insert's
    // values into arguments instead costs more than the insert.
    const bind = params as unknown[];
    if (stmt.reader) return { rows: stmt.all(bind) as Record<string, unknown>[], changes: 0, lastInsertRowid: 0 };
    const info = stmt.run(bind);
    return { rows: [], changes: info.changes, lastInsertRowid: Number(info.lastInsertRowid) };
  };
}
