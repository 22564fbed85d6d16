import { sql } from 'kysely';
import { partitionDdl, partitionName, type PartitionedTable } from '../migrations-postgres.js';
import { isPostgres, type Executor } from '../store.js';

const DAY_MS = 86_400_000;
const TABLES: readonly PartitionedTable[] = ['mentions', 'mention_topics'];

/**
 * PostgreSQL: creates the daily partitions of mentions and mention_topics for the UTC days from
 * `fromDay` to `toDay` (day numbers, floor(ms / 86 400 000)) that do not exist yet. Run ahead of
 * time (see partitionDdl): a batch with rows of a day that has no partition still commits, into the
 * DEFAULT partition, which is what happens to old (imported, backfilled) days. No-op on SQLite.
 */
export async function ensureDayPartitions(db: Executor, fromDay: number, toDay: number): Promise<void> {
  if (!isPostgres(db)) return;
  for (let day = fromDay; day <= toDay; day++) {
    for (const table of TABLES) await sql.raw(partitionDdl(table, day * DAY_MS)).execute(db);
  }
}

/** A day partition of `table` and the range it holds ([from, to) ms); the DEFAULT partition is not listed. */
async function dayPartitions(db: Executor, table: PartitionedTable): Promise<{ name: string; from: number; to: number }[]> {
  const { rows } = await sql<{ name: string; bound: string }>`
    SELECT c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS bound
    FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = ${table}::regclass`.execute(db);
  const out: { name: string; from: number; to: number }[] = [];
  for (const r of rows) {
    const m = /FROM \('?(-?\d+)'?\) TO \('?(-?\d+)'?\)/.exec(r.bound);
    if (m) out.push({ name: r.name, from: Number(m[1]), to: Number(m[2]) });
  }
  return out;
}

/**
 * PostgreSQL retention: drops the day partitions wholly before `cutoff` (mentions and the topic
 * index), in one statement each, instead of deleting their rows. Returns how many mentions went.
 * Rows before the cutoff in the day that straddles it, and in the DEFAULT partition, are left to
 * the batched deletes (deleteMentionsBefore). No-op (0) on SQLite.
 */
export async function dropPartitionsBefore(db: Executor, cutoff: number): Promise<number> {
  if (!isPostgres(db)) return 0;
  let mentions = 0;
  for (const table of TABLES) {
    for (const p of await dayPartitions(db, table)) {
      if (p.to > cutoff) continue;
      // Our own names only (partitionName), so nothing else attached by hand is dropped.
      if (p.from % DAY_MS !== 0 || p.to - p.from !== DAY_MS || partitionName(table, p.from) !== p.name) continue;
      if (table === 'mentions') {
        const { rows } = await sql<{ n: number }>`SELECT COUNT(*)::int AS n FROM ${sql.table(p.name)}`.execute(db);
        mentions += rows[0]?.n ?? 0;
      }
      await sql`DROP TABLE ${sql.table(p.name)}`.execute(db);
    }
  }
  return mentions;
}
