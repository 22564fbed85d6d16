import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { POSTGRES_MIGRATIONS } from '../migrations-postgres.js';
import { NotAStoreError, StoreInUseError, checkMigrations, type RestoreResult, type StoreSummary } from '../store-errors.js';

const run = promisify(execFile);

/**
 * pg_dump and pg_restore take the URL on the command line; its password would show in `ps`, so it
 * travels in PGPASSWORD instead.
 */
function toolEnv(url: string): { url: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { url: u.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

async function summarise(client: pg.ClientBase): Promise<StoreSummary> {
  const tables = await client.query<{ n: string }>(
    "SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_name IN ('schema_migrations', 'mentions', 'stories')",
  );
  if (Number(tables.rows[0]?.n) < 3) throw new NotAStoreError('a PostgreSQL database, but not a yuqing store');
  const applied = (await client.query<{ id: number; name: string }>('SELECT id, name FROM schema_migrations ORDER BY id')).rows;
  checkMigrations(applied, POSTGRES_MIGRATIONS);
  const n = await client.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM mentions');
  const newest = await client.query<{ t: string }>('SELECT created_at_iso AS t FROM mentions ORDER BY created_at DESC LIMIT 1');
  return { mentions: n.rows[0]?.n ?? 0, migrations: applied.length, newestMention: newest.rows[0]?.t ?? null };
}

/**
 * pg_dump in its custom format, of exactly the snapshot the summary was counted in: a REPEATABLE
 * READ transaction exports its snapshot and stays open while pg_dump reads it (--snapshot), so
 * the numbers printed are the numbers in the file. Written next to `dest` and renamed onto it.
 */
export async function backupPostgres(url: string, dest: string): Promise<StoreSummary & { bytes: number }> {
  const client = new pg.Client({ connectionString: url, application_name: 'yuqing-backup' });
  await client.connect();
  const partial = `${dest}.partial`;
  rmSync(partial, { force: true });
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const snapshot = (await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id')).rows[0]!.id;
    const summary = await summarise(client);
    const tool = toolEnv(url);
    await run('pg_dump', ['--format=custom', `--snapshot=${snapshot}`, `--file=${partial}`, '--no-owner', tool.url], { env: tool.env });
    await client.query('COMMIT');
    renameSync(partial, dest);
    return { ...summary, bytes: statSync(dest).size };
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  } finally {
    await client.end();
  }
}

/**
 * Replaces the database's contents with a pg_dump custom-format backup, in one transaction.
 * Refuses (StoreInUseError) while a yuqing server or worker is connected, and (NotAStoreError) a
 * file that is not a yuqing dump; the database as it was is first dumped to `asideDir`.
 */
export async function restorePostgres(url: string, file: string, asideDir: string): Promise<RestoreResult> {
  if (!existsSync(file)) throw new NotAStoreError(`no such file: ${file}`);
  const tool = toolEnv(url);
  let listing: string;
  try {
    listing = (await run('pg_restore', ['--list', file], { env: tool.env, maxBuffer: 64 * 2 ** 20 })).stdout;
  } catch (err) {
    throw new NotAStoreError(`not a pg_dump custom-format file (${(err as { stderr?: string }).stderr?.trim() || (err as Error).message})`);
  }
  if (!/ TABLE \S+ mentions /.test(listing) || !/ TABLE \S+ schema_migrations /.test(listing)) {
    throw new NotAStoreError('a pg_dump file, but not of a yuqing store');
  }
  const client = new pg.Client({ connectionString: url, application_name: 'yuqing-restore' });
  await client.connect();
  try {
    const others = await client.query<{ n: number }>(
      "SELECT COUNT(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name LIKE 'yuqing-%'",
    );
    if ((others.rows[0]?.n ?? 0) > 0) {
      throw new StoreInUseError(`${new URL(url).pathname.slice(1)} is in use by a running yuqing server or worker: stop yuqing first`);
    }
    let previous: string | undefined;
    const hasStore = await client.query("SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'mentions'");
    if (hasStore.rowCount) {
      mkdirSync(asideDir, { recursive: true });
      previous = path.join(asideDir, `before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}.pgdump`);
      await run('pg_dump', ['--format=custom', `--file=${previous}`, '--no-owner', tool.url], { env: tool.env });
    }
    // One transaction for all of it: the tables go and the backup's come back, or nothing changes.
    // (pg_restore --clean cannot drop the constraints partitions inherit, hence a script into psql.)
    const tables = await client.query<{ name: string }>(
      "SELECT quote_ident(c.relname) AS name FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition",
    );
    // Functions too (the audit log's guard trigger): the backup brings its own.
    const functions = await client.query<{ sig: string }>(
      "SELECT p.oid::regprocedure::text AS sig FROM pg_proc p WHERE p.pronamespace = current_schema()::regnamespace",
    );
    const drops = [...tables.rows.map((r) => `DROP TABLE IF EXISTS ${r.name} CASCADE;\n`), ...functions.rows.map((f) => `DROP FUNCTION IF EXISTS ${f.sig} CASCADE;\n`)];
    await restoreScript(tool, file, drops.join(''));
    return { restored: await summarise(client), ...(previous ? { previous } : {}) };
  } finally {
    await client.end();
  }
}

function finished(child: ChildProcess, what: string): Promise<void> {
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve() : reject(new Error(`${what} failed (${code}): ${err.trim()}`))));
  });
}

/** Streams `pg_restore --file=-` (the backup as SQL) into psql after `before`, all in psql's single transaction. */
async function restoreScript(tool: { url: string; env: NodeJS.ProcessEnv }, file: string, before: string): Promise<void> {
  const psql = spawn('psql', ['--no-psqlrc', '--quiet', '--single-transaction', '-v', 'ON_ERROR_STOP=1', `--dbname=${tool.url}`], {
    env: tool.env,
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  const restore = spawn('pg_restore', ['--no-owner', '--file=-', file], { env: tool.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const done = Promise.all([finished(psql, 'psql'), finished(restore, 'pg_restore')]);
  psql.stdin.on('error', () => undefined);
  psql.stdin.write(before);
  restore.stdout.pipe(psql.stdin);
  await done;
}
