import { sql } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach } from 'vitest';
import { openStore, type Backend, type Store } from '../../shared/store/store.js';
import { postgresAvailable, startPostgres, type PostgresCluster } from './postgres-process.js';

/**
 * The backends store-level tests run on: SQLite always, PostgreSQL (a real throwaway cluster,
 * never a mock) whenever its server binaries are installed.
 */
export const BACKENDS: Backend[] = ['sqlite', ...(postgresAvailable() ? (['postgres'] as const) : [])];

let cluster: Promise<PostgresCluster> | undefined;
let databases = 0;

/** One cluster per test file's process, started on first use; call from the file's afterAll. */
export async function stopTestCluster(): Promise<void> {
  const c = cluster;
  cluster = undefined;
  if (c) await (await c).stop();
}

/** An empty database of the test file's PostgreSQL cluster (started on first use); returns its URL. */
export async function createTestDatabase(): Promise<string> {
  cluster ??= startPostgres();
  return (await cluster).createDatabase(`t${process.pid}_${++databases}`);
}

export interface TestStore {
  store: Store;
  dataDir: string;
  /** DATABASE_URL of a PostgreSQL store (undefined for SQLite). */
  databaseUrl: string | undefined;
  close(): Promise<void>;
}

/** A fresh, migrated store on `backend` (its own SQLite file, or its own PostgreSQL database), removed by close(). */
export async function openTestStore(backend: Backend, mode: 'read' | 'write' = 'write'): Promise<TestStore> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'yuqing-test-store-'));
  let databaseUrl: string | undefined;
  if (backend === 'postgres') databaseUrl = await createTestDatabase();
  const store = await openStore({ dataDir, databaseUrl, mode, readers: 2 });
  return {
    store,
    dataDir,
    databaseUrl,
    async close() {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestStores {
  /** This test's fresh, migrated store (a new SQLite file, or a new PostgreSQL database). */
  readonly store: Store;
  /** The data directory the SQLite store lives in. */
  readonly dataDir: string;
  /** Opens another connection to this test's store (a second worker, a reader). */
  reopen(mode: 'read' | 'write'): Promise<Store>;
  /** A single number from SQL that reads the same on both backends (`SELECT COUNT(*) AS n …`). */
  count(query: string): Promise<number>;
}

/**
 * Registers hooks that give every test of the calling `describe` a fresh store of `backend` (a
 * database per test on the file's cluster, a temporary directory per test for SQLite).
 */
export function testStores(backend: Backend): TestStores {
  let current: Store | undefined;
  let dataDir = '';
  let databaseUrl: string | undefined;
  const opened: Store[] = [];
  afterAll(() => stopTestCluster());
  beforeEach(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'yuqing-store-test-'));
    databaseUrl = backend === 'postgres' ? await createTestDatabase() : undefined;
    current = await openStore({ dataDir, databaseUrl, mode: 'write' });
    opened.push(current);
  }, 60_000);
  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return {
    get store() {
      if (!current) throw new Error('no store outside a test');
      return current;
    },
    get dataDir() {
      return dataDir;
    },
    async reopen(mode) {
      const s = await openStore({ dataDir, databaseUrl, mode });
      opened.push(s);
      return s;
    },
    async count(query) {
      const { rows } = await sql.raw<{ n: number | string | null }>(query).execute(this.store.db);
      return Number(rows[0]?.n ?? 0);
    },
  };
}
