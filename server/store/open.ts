import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { migrate } from '../../shared/store/migrations.js';

export type Db = Database.Database;

/** Opens (and migrates) the embedded store for the server: queries, settings and incident commands. */
export function openStore(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, 'yuqing.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 30000');
  migrate(db);
  return db;
}
