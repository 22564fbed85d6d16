import Database from 'better-sqlite3';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { NotAStoreError, type StoreSummary } from '../store-errors.js';
import { inspectStore } from './store-file.js';

/** better-sqlite3 copies 100 pages per step unless told otherwise; this means "all that is left". */
const ALL_PAGES = 0x7fffffff;

/**
 * An online copy of the store with SQLite's backup API, safe while the server and workers run.
 * The pages are copied in ONE step, inside one read transaction: SQLite restarts a backup whose
 * source another connection changed between steps, so under steady ingest a backup in small
 * steps could restart for ever; in WAL mode that read blocks no writer. The copy is written next
 * to `dest`, checked, turned into a single self-contained file (journal_mode DELETE) and only
 * then renamed onto `dest`, so `dest` is never a half-written file.
 */
export async function backupSqlite(source: string, dest: string): Promise<StoreSummary & { bytes: number }> {
  if (!existsSync(source)) throw new NotAStoreError(`there is no store at ${source} (set DATA_DIR or DATABASE_URL)`);
  if (path.resolve(dest) === path.resolve(source)) throw new Error('the backup file cannot be the store itself');
  const partial = `${dest}.partial`;
  for (const f of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(f, { force: true });
  const db = new Database(source, { fileMustExist: true, timeout: 30_000 });
  try {
    await db.backup(partial, { progress: () => ALL_PAGES });
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  } finally {
    db.close();
  }
  let summary: StoreSummary;
  const copy = new Database(partial, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    summary = inspectStore(copy);
  } finally {
    copy.close();
  }
  renameSync(partial, dest);
  return { ...summary, bytes: statSync(dest).size };
}
