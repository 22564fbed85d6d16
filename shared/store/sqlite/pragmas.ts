import type Database from 'better-sqlite3';

/** How long a writer waits for the write lock that another process holds. */
export const WRITE_BUSY_TIMEOUT_MS = 30_000;

/**
 * Page cache of a worker's writing connection (SQLite's default is 2 MB). Past a few hundred
 * thousand mentions the indexes' pages no longer fit the default and every batch re-reads them:
 * at 400k stored, 64 MB took the batch writer from 2,130 to 2,520 mentions/s (256 MB: no more).
 */
export const WRITER_CACHE_KIB = 64 * 1024;

/** WAL bytes kept on disk after a checkpoint restarts the log. */
export const WAL_SIZE_LIMIT_BYTES = 16 * 2 ** 20;

/**
 * The settings every connection to the embedded store runs with. WAL lets readers work while one
 * writer commits; FULL makes a committed batch survive a power cut, so a job is acknowledged only
 * after durable storage; the automatic checkpoint stays on and the WAL file is cut back to
 * WAL_SIZE_LIMIT_BYTES whenever a checkpoint restarts it (the workers' periodic TRUNCATE
 * checkpoint is what bounds it under steady load).
 */
export function applyPragmas(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma(`busy_timeout = ${WRITE_BUSY_TIMEOUT_MS}`);
  db.pragma('synchronous = FULL');
  db.pragma('wal_autocheckpoint = 1000');
  db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
}
