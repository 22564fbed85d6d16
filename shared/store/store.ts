import Database from 'better-sqlite3';
import { Kysely, PostgresAdapter, PostgresDialect } from 'kysely';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { migrate } from './migrations.js';
import { migratePostgres } from './postgres/migrate.js';
import { createPool } from './postgres/pool.js';
import type { Database as Schema } from './schema.js';
import { inProcessConnection, threadConnection } from './sqlite/connections.js';
import { sqliteDialect } from './sqlite/dialect.js';
import { applyPragmas } from './sqlite/pragmas.js';
import { WriteConflictError } from './store-errors.js';

export type Backend = 'sqlite' | 'postgres';

/** What every repository runs its queries on: the store itself, or one transaction of it. */
export type Executor = Kysely<Schema>;

/**
 * The store: one interface over the embedded SQLite file and PostgreSQL. Repositories (one per
 * concept, in repos/) take an Executor and are the only place SQL is written.
 */
export interface Store {
  readonly backend: Backend;
  /** Where the data lives, safe to log (a file path, or the PostgreSQL URL without its password). */
  readonly location: string;
  readonly db: Executor;
  /**
   * Runs `fn` in one transaction and returns its result. SQLite: BEGIN IMMEDIATE (writers queue
   * for the lock). PostgreSQL: READ COMMITTED, retried from the start on a deadlock or a
   * serialization failure, so `fn` must only touch the store (no side effects outside it).
   */
  write<T>(fn: (tx: Executor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** DATA_DIR: the embedded store's folder. */
  dataDir: string;
  /** DATABASE_URL: postgres://… selects PostgreSQL; unset (or sqlite:PATH) the embedded store. */
  databaseUrl?: string | undefined;
  /**
   * 'read' (the server, CLIs that query): SQLite queries run in worker threads so a long one never
   * blocks the event loop. 'write' (a tagging worker): one in-process connection.
   */
  mode: 'read' | 'write';
  /** SQLite reader threads in 'read' mode. */
  readers?: number;
}

/** The embedded store's file in a data directory. */
export function storeFile(dataDir: string): string {
  return path.join(dataDir, 'yuqing.db');
}

export function backendOf(databaseUrl: string | undefined): Backend {
  return databaseUrl && /^postgres(ql)?:\/\//.test(databaseUrl) ? 'postgres' : 'sqlite';
}

/** The file an embedded store lives in: DATABASE_URL=sqlite:PATH, else DATA_DIR/yuqing.db. */
export function sqliteFileOf(opts: Pick<StoreOptions, 'dataDir' | 'databaseUrl'>): string {
  if (opts.databaseUrl?.startsWith('sqlite:')) return path.resolve(opts.databaseUrl.slice('sqlite:'.length));
  return storeFile(opts.dataDir);
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}

const RETRYABLE_PG = new Set(['40P01', '40001']);
const PG_ATTEMPTS = 5;

/** Opens the store (creating and migrating it when needed). */
export async function openStore(opts: StoreOptions): Promise<Store> {
  return backendOf(opts.databaseUrl) === 'postgres' ? openPostgres(opts.databaseUrl as string, opts) : openSqlite(opts);
}

function openSqlite(opts: StoreOptions): Store {
  const file = sqliteFileOf(opts);
  mkdirSync(path.dirname(file), { recursive: true });
  // Migrate on a short-lived connection first, so that every pooled connection sees the schema.
  const boot = new Database(file);
  try {
    applyPragmas(boot);
    migrate(boot);
  } finally {
    boot.close();
  }
  const connections =
    opts.mode === 'write' ? [inProcessConnection(file)] : Array.from({ length: opts.readers ?? 3 }, () => threadConnection(file));
  const db = new Kysely<Schema>({ dialect: sqliteDialect(connections) });
  return {
    backend: 'sqlite',
    location: file,
    db,
    write: (fn) => db.transaction().execute(fn),
    close: () => db.destroy(),
  };
}

async function openPostgres(url: string, opts: StoreOptions): Promise<Store> {
  const pool = createPool(url, opts.mode);
  try {
    await migratePostgres(pool);
  } catch (err) {
    await pool.end();
    throw err;
  }
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  return {
    backend: 'postgres',
    location: redactUrl(url),
    db,
    async write(fn) {
      for (let attempt = 1; ; attempt++) {
        try {
          return await db.transaction().execute(fn);
        } catch (err) {
          const code = (err as { code?: string }).code;
          const retryable = err instanceof WriteConflictError || (!!code && RETRYABLE_PG.has(code));
          if (attempt >= PG_ATTEMPTS || !retryable) throw err;
          await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 20));
        }
      }
    },
    close: () => db.destroy(),
  };
}

/** The backend an executor talks to, for the few queries whose SQL differs between the two. */
export function isPostgres(db: Executor): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
