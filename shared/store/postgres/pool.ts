import pg from 'pg';

// BIGINT (ms timestamps, counts) and NUMERIC arrive as strings by default; every value we keep in
// them fits a double exactly (ms since the epoch, row counts), so rows read the same as SQLite's.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

/** Connections per process: the workers write one batch at a time, the server serves a few readers at once. */
export const POOL_SIZE = { read: 8, write: 2 } as const;

export function createPool(url: string, mode: 'read' | 'write'): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE[mode], application_name: `yuqing-${mode}` });
  // An idle client losing its connection (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  return pool;
}
