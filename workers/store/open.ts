import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { migrate } from '../../shared/store/migrations.js';

export type Db = Database.Database;

/** How long a writer waits for the write lock that another worker holds. */
export const WRITE_BUSY_TIMEOUT_MS = 30_000;

/** WAL bytes kept on disk after a checkpoint restarts the log, and the size at which workers checkpoint. */
export const WAL_SIZE_LIMIT_BYTES = 16 * 2 ** 20;

/** Opens (and migrates) the embedded store for writing. WAL lets the server read while workers write. */
export function openWriteStore(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, 'yuqing.db'));
  db.pragma('journal_mode = WAL');
  // Several worker processes share the file; a writer waits for the lock instead of failing.
  db.pragma(`busy_timeout = ${WRITE_BUSY_TIMEOUT_MS}`);
  // FULL: a committed batch survives a power cut, so a job is only acknowledged after durable storage.
  db.pragma('synchronous = FULL');
  // Keep SQLite's automatic checkpoint (every 1000 pages) explicit, and cut the WAL file back to
  // this size whenever a checkpoint restarts it, so one burst does not leave a huge file behind.
  // The periodic TRUNCATE checkpoint (wal-checkpoint.ts) is what bounds it under steady load.
  db.pragma('wal_autocheckpoint = 1000');
  db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
  migrate(db);
  return db;
}
