import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { migrate } from '../../shared/store/migrations.js';

export type Db = Database.Database;

/** The embedded store's file in a data directory. */
export function storeFile(dataDir: string): string {
  return path.join(dataDir, 'yuqing.db');
}

/** Opens (and migrates) the embedded store for the server: queries, settings and incident commands. */
export function openStore(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(storeFile(dataDir));
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 30000');
  migrate(db);
  return db;
}
