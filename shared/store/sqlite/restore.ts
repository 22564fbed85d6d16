import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { NotAStoreError, type RestoreResult, type StoreSummary } from '../store-errors.js';
import { inspectStore, withStoreExclusive } from './store-file.js';

const SIDECARS = ['-wal', '-shm'] as const;

/**
 * Replaces the store file `target` with the yuqing store in `file`. Refuses (StoreInUseError)
 * while any process has the store open, and (NotAStoreError) a file that is not an intact yuqing
 * store of a schema this version knows; in both cases nothing is changed. The replaced store is
 * renamed aside, complete (its WAL checkpointed into it first), never deleted.
 */
export function restoreSqlite(target: string, file: string): RestoreResult {
  if (!existsSync(file)) throw new NotAStoreError(`no such file: ${file}`);
  // Check a copy, not the user's file: opening a database may write to it (WAL recovery).
  mkdirSync(path.dirname(target), { recursive: true });
  const incoming = `${target}.restoring`;
  const clear = () => {
    for (const f of [incoming, ...SIDECARS.map((s) => incoming + s)]) rmSync(f, { force: true });
  };
  clear();
  copyFileSync(file, incoming);
  // A raw copy of a store in WAL mode may have its newest pages in FILE-wal: bring them along.
  if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${incoming}-wal`);
  let restored: StoreSummary;
  try {
    const db = new Database(incoming, { fileMustExist: true });
    try {
      restored = inspectStore(db);
      db.pragma('journal_mode = DELETE');
    } finally {
      db.close();
    }
  } catch (err) {
    clear();
    throw err instanceof NotAStoreError ? err : new NotAStoreError(`${file} is not a yuqing store: ${(err as Error).message}`);
  }

  let previous: string | undefined;
  if (existsSync(target)) {
    previous = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    const aside = previous;
    try {
      // Nobody may have the store open; holding the lock, fold its WAL in so the file set aside is whole.
      withStoreExclusive(target, (db) => {
        db.pragma('wal_checkpoint(TRUNCATE)');
        db.pragma('journal_mode = DELETE');
      });
    } catch (err) {
      clear();
      throw err;
    }
    renameSync(target, aside);
    for (const s of SIDECARS) if (existsSync(target + s)) renameSync(target + s, aside + s);
  }
  renameSync(incoming, target);
  return { restored, previous };
}
