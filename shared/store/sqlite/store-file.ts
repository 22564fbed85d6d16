import Database from 'better-sqlite3';
import { MIGRATIONS } from '../migrations.js';
import { NotAStoreError, StoreInUseError, checkMigrations, type StoreSummary } from '../store-errors.js';

const TABLES = ['schema_migrations', 'mentions', 'mention_topics', 'agg_minute', 'stories', 'settings'];

/** Checks that an open database file is an intact yuqing store this version can run, and summarises it. */
export function inspectStore(db: Database.Database): StoreSummary {
  let check: unknown;
  try {
    check = db.pragma('quick_check', { simple: true });
  } catch (err) {
    throw new NotAStoreError(`not an SQLite database (${(err as Error).message})`);
  }
  if (check !== 'ok') throw new NotAStoreError(`the database is damaged: ${String(check)}`);
  const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
  const missing = TABLES.filter((t) => !tables.has(t));
  if (missing.length) throw new NotAStoreError(`an SQLite database, but not a yuqing store (no ${missing.join(', ')})`);
  const applied = db.prepare('SELECT id, name FROM schema_migrations ORDER BY id').all() as { id: number; name: string }[];
  checkMigrations(applied, MIGRATIONS);
  // An exact count: a backup or restore reads the whole file anyway.
  const mentions = (db.prepare('SELECT COUNT(*) AS n FROM mentions').get() as { n: number }).n;
  const newest = db.prepare('SELECT created_at_iso AS t FROM mentions ORDER BY created_at DESC LIMIT 1').get() as { t: string } | undefined;
  return { mentions, migrations: applied.length, newestMention: newest?.t ?? null };
}

/**
 * Throws StoreInUseError when any process has the store open. In WAL mode every open connection
 * holds a shared lock for as long as it is open, so an exclusive-mode read fails at once
 * (SQLITE_BUSY) while a server or worker runs, idle or not: SQLite's own locks, no PID files.
 * `hold` runs while the exclusive lock is held (nobody can open the store meanwhile).
 */
export function withStoreExclusive<T>(file: string, hold: (db: Database.Database) => T): T {
  const db = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    try {
      db.pragma('locking_mode = EXCLUSIVE');
      db.prepare('SELECT COUNT(*) FROM sqlite_master').get();
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_BUSY') {
        throw new StoreInUseError(`${file} is open in another process (a running yuqing server or worker): stop yuqing first`);
      }
      throw err;
    }
    return hold(db);
  } finally {
    db.close();
  }
}
