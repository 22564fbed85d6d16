import { sql } from 'kysely';
import { WRITE_BUSY_TIMEOUT_MS } from '../sqlite/pragmas.js';
import { isPostgres, type Executor } from '../store.js';

/** What `PRAGMA wal_checkpoint(TRUNCATE)` reports: busy = 1 when readers or a writer kept it from finishing. */
export interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

/**
 * How long a checkpoint waits for the other writers' batches and for readers to move to the latest
 * snapshot before it gives up until next time. Longer than one batch of another worker: with 1M
 * stored a 2,000-mention batch held the write lock for seconds, a 2 s wait lost every race and the
 * WAL grew to 1.6 GB. While it waits SQLite lets no new writer start (readers go on), so it runs
 * right after the batch in progress.
 */
export const CHECKPOINT_WAIT_MS = 15_000;

/**
 * Embedded store: one TRUNCATE checkpoint, which copies the whole WAL into the database and cuts
 * the WAL file to zero bytes. SQLite's automatic checkpoints (PASSIVE, every 1000 pages) never
 * wait for readers or the other workers, so under steady load they rarely reach the WAL's end and
 * the file keeps growing (89 MB for 200k mentions, measured); TRUNCATE waits briefly instead.
 * Run on a writer's own connection (a 'write' store has exactly one). PostgreSQL has no WAL file
 * of ours to bound: null.
 */
export async function checkpointWal(db: Executor, waitMs = CHECKPOINT_WAIT_MS): Promise<CheckpointResult | null> {
  if (isPostgres(db)) return null;
  // One reserved connection throughout, so no batch runs in between with the short timeout.
  return db.connection().execute(async (conn) => {
    await sql`PRAGMA busy_timeout = ${sql.raw(String(waitMs))}`.execute(conn);
    try {
      const { rows } = await sql<CheckpointResult>`PRAGMA wal_checkpoint(TRUNCATE)`.execute(conn);
      return rows[0] ?? { busy: 1, log: -1, checkpointed: -1 };
    } finally {
      await sql`PRAGMA busy_timeout = ${sql.raw(String(WRITE_BUSY_TIMEOUT_MS))}`.execute(conn);
    }
  });
}
