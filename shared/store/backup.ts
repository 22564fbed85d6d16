import { backendOf, sqliteFileOf, type StoreOptions } from './store.js';
import { backupPostgres, restorePostgres } from './postgres/backup.js';
import { backupSqlite } from './sqlite/backup.js';
import { restoreSqlite } from './sqlite/restore.js';
import type { RestoreResult, StoreSummary } from './store-errors.js';

type Where = Pick<StoreOptions, 'dataDir' | 'databaseUrl'>;

/**
 * An online, consistent copy of the store while yuqing runs: SQLite's backup API into one
 * self-contained file, or pg_dump (custom format) of PostgreSQL.
 */
export function backupStore(where: Where, dest: string): Promise<StoreSummary & { bytes: number }> {
  return backendOf(where.databaseUrl) === 'postgres' ? backupPostgres(where.databaseUrl as string, dest) : backupSqlite(sqliteFileOf(where), dest);
}

/**
 * Puts a backup in place of the store while yuqing is stopped (StoreInUseError otherwise); the
 * store replaced is kept (SQLite: the file renamed aside; PostgreSQL: a dump in DATA_DIR).
 */
export async function restoreStore(where: Where, file: string): Promise<RestoreResult> {
  return backendOf(where.databaseUrl) === 'postgres' ? restorePostgres(where.databaseUrl as string, file, where.dataDir) : restoreSqlite(sqliteFileOf(where), file);
}
