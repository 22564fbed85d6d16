import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { migrate } from '../../shared/store/migrations.js';

export type Db = Database.Database;

/** Opens (and migrates) the embedded store for writing. WAL lets the server read while workers write. */
export function openWriteStore(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, 'yuqing.db'));
  db.pragma('journal_mode = WAL');
  // Several worker processes share the file; a writer waits for the lock instead of failing.
  db.pragma('busy_timeout = 30000');
  // FULL: a committed batch survives a power cut, so a job is only acknowledged after durable storage.
  db.pragma('synchronous = FULL');
  migrate(db);
  return db;
}
