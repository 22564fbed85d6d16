import { ensureDayPartitions } from '../../shared/store/repos/partitions.js';
import type { Store } from '../../shared/store/store.js';

const DAY_MS = 86_400_000;
/** Checked hourly: a day's partition exists a whole day before its first row is due. */
const EVERY_MS = 3_600_000;

/**
 * PostgreSQL: keeps the daily partitions of yesterday, today and tomorrow (UTC) in place, at start
 * and then hourly, so live traffic never lands in the DEFAULT partition and no batch ever waits for
 * a partition to be created. Rows of other days (imports, backfills) go to the DEFAULT partition:
 * counted and searchable like any other, dropped by retention row by row instead of by day.
 * Nothing to do on SQLite.
 */
export async function startPartitionUpkeep(store: Store, onError: (err: Error) => void) {
  if (store.backend !== 'postgres') return { stop: () => undefined };
  const ensure = () => {
    const today = Math.floor(Date.now() / DAY_MS);
    return ensureDayPartitions(store.db, today - 1, today + 1);
  };
  // A day that cannot get its partition (the DEFAULT one holds rows of it) must not stop the worker.
  await ensure().catch(onError);
  const timer = setInterval(() => void ensure().catch(onError), EVERY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
