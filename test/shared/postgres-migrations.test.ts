import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../shared/store/migrations.js';
import { POSTGRES_MIGRATIONS, partitionDdl, partitionName } from '../../shared/store/migrations-postgres.js';
import { postgresAvailable, startPostgres, type PostgresCluster } from '../support/postgres-process.js';

const DAY_MS = 86_400_000;
const available = postgresAvailable();
if (!available) {
  console.warn('postgres-migrations: skipped, no PostgreSQL binaries (initdb, postgres) on PATH or under /usr/lib/postgresql/*/bin');
}

/** A mentions row with every NOT NULL column given (those with defaults left out). */
function mention(uid: string, createdAt: number) {
  return {
    uid,
    id: uid.split(':')[1] ?? uid,
    platform: 'weibo',
    kind: 'post',
    text: '测试',
    created_at: createdAt,
    created_at_iso: new Date(createdAt).toISOString(),
    thread_uid: uid,
    lang: 'zh',
    sentiment: 'neutral',
    sentiment_score: 0,
    emotion: 'none',
    critical: 0,
    stance: 'none',
    topics: '[]',
    source: 'test',
    ingested_at: createdAt,
  };
}

describe.skipIf(!available)('PostgreSQL migrations', () => {
  let cluster: PostgresCluster;
  let db: pg.Client;

  beforeAll(async () => {
    cluster = await startPostgres();
    db = new pg.Client({ connectionString: await cluster.createDatabase('postgres_migrations') });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await cluster?.stop();
  });

  it('has the SQLite migrations’ ids and names, in order', () => {
    expect(POSTGRES_MIGRATIONS.map((m) => [m.id, m.name])).toEqual(MIGRATIONS.map((m) => [m.id, m.name]));
  });

  it('applies every migration, each in one transaction', async () => {
    for (const m of POSTGRES_MIGRATIONS) {
      await db.query('BEGIN');
      try {
        await db.query(m.sql);
        await db.query('COMMIT');
      } catch (err) {
        await db.query('ROLLBACK');
        throw new Error(`migration ${m.id} (${m.name}): ${(err as Error).message}`);
      }
    }
  });

  it('puts a mention into its day’s partition and one of a day without a partition into the default', async () => {
    const day = Date.UTC(2025, 0, 31);
    expect(partitionName('mentions', day)).toBe('mentions_p20250131');
    for (const t of ['mentions', 'mention_topics'] as const) {
      await db.query(partitionDdl(t, day));
      await db.query(partitionDdl(t, day)); // idempotent
    }
    const rows = [mention('weibo:1', day + 12 * 3_600_000), mention('weibo:2', day + DAY_MS - 1), mention('weibo:3', Date.UTC(2031, 5, 1))];
    for (const r of rows) {
      const cols = Object.keys(r);
      await db.query(`INSERT INTO mentions (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`, Object.values(r));
      await db.query('INSERT INTO mention_topics (topic, created_at, uid) VALUES ($1, $2, $3)', ['t', r.created_at, r.uid]);
    }
    const where = async (table: string) =>
      (await db.query<{ uid: string; part: string }>(`SELECT uid, tableoid::regclass::text AS part FROM ${table} ORDER BY uid`)).rows;
    expect(await where('mentions')).toEqual([
      { uid: 'weibo:1', part: 'mentions_p20250131' },
      { uid: 'weibo:2', part: 'mentions_p20250131' },
      { uid: 'weibo:3', part: 'mentions_default' },
    ]);
    expect(await where('mention_topics')).toEqual([
      { uid: 'weibo:1', part: 'mention_topics_p20250131' },
      { uid: 'weibo:2', part: 'mention_topics_p20250131' },
      { uid: 'weibo:3', part: 'mention_topics_default' },
    ]);
    // Migration 3's columns reach the partitions with their defaults.
    const r = await db.query<{ certainty: number; reviewed: number }>("SELECT certainty, reviewed FROM mentions_p20250131 WHERE uid = 'weibo:1'");
    expect(r.rows).toEqual([{ certainty: 1, reviewed: 0 }]);
  });

  it('rejects partition bounds that are not whole UTC days', () => {
    expect(() => partitionDdl('mentions', Date.UTC(2025, 0, 31) + 1)).toThrow(RangeError);
    expect(() => partitionDdl('mentions; DROP TABLE x' as 'mentions', Date.UTC(2025, 0, 31))).toThrow(RangeError);
  });

  it('claims a uid in mention_keys exactly once', async () => {
    const claim = 'INSERT INTO mention_keys (uid, created_at) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING uid';
    expect((await db.query(claim, ['weibo:9', 1])).rows).toEqual([{ uid: 'weibo:9' }]);
    expect((await db.query(claim, ['weibo:9', 2])).rows).toEqual([]);
    expect((await db.query('SELECT created_at FROM mention_keys')).rows).toEqual([{ created_at: '1' }]);
  });

  it('has the tables and columns of the SQLite schema', async () => {
    const lite = new Database(':memory:');
    migrate(lite);
    const liteTables = (lite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[])
      .map((t) => t.name)
      .filter((t) => t !== 'schema_migrations' && !t.startsWith('mention_fts'));
    type LiteColumn = { name: string; type: string; notnull: number; pk: number };
    const liteColumns = Object.fromEntries(liteTables.map((t) => [t, lite.pragma(`table_info(${t})`) as LiteColumn[]]));
    lite.close();
    const expected = Object.fromEntries(Object.entries(liteColumns).map(([t, cs]) => [t, cs.map((c) => c.name).sort()]));

    // Partitions are tables too in information_schema: keep the parents and plain tables only.
    const cols = await db.query<{ table_name: string; column_name: string; data_type: string; is_nullable: string; collation_name: string | null }>(`
      SELECT c.table_name, c.column_name, c.data_type, c.is_nullable, c.collation_name FROM information_schema.columns c
      JOIN pg_class k ON k.relname = c.table_name AND k.relnamespace = 'public'::regnamespace
      WHERE c.table_schema = 'public' AND NOT k.relispartition AND c.table_name <> 'mention_keys'`);
    const actual: Record<string, string[]> = {};
    // mentions.terms is PostgreSQL's keyword index (SQLite keeps it in the FTS5 table mention_fts).
    for (const { table_name, column_name } of cols.rows) if (!(table_name === 'mentions' && column_name === 'terms')) (actual[table_name] ??= []).push(column_name);
    for (const c of Object.values(actual)) c.sort();

    expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
    expect(actual).toEqual(expected);

    // Types translated (INTEGER: BIGINT, or INTEGER for 0/1 flags and small numbers; REAL: DOUBLE
    // PRECISION; TEXT: byte-ordered text) and NOT NULL kept (SQLite's key columns may be NULL, PG's not).
    const pgTypes: Record<string, string[]> = { INTEGER: ['bigint', 'integer'], REAL: ['double precision'], TEXT: ['text'], BLOB: ['bytea'] };
    for (const c of cols.rows) {
      const lc = liteColumns[c.table_name]?.find((x) => x.name === c.column_name);
      if (!lc) continue;
      const where = `${c.table_name}.${c.column_name}`;
      expect(pgTypes[lc.type], where).toContain(c.data_type);
      if (c.data_type === 'text') expect(c.collation_name, where).toBe('C');
      if (!lc.pk) expect(c.is_nullable === 'NO', where).toBe(lc.notnull === 1);
    }
    const timeColumns = cols.rows.filter((c) => /(^at|_at|_seen|^minute)$/.test(c.column_name) && c.column_name !== 'created_at_iso');
    expect(timeColumns.length).toBeGreaterThan(10);
    for (const c of timeColumns) expect(c.data_type, `${c.table_name}.${c.column_name}`).toBe('bigint');
  });
});
