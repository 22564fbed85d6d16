import { sql } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { openStore, type Backend, type Store } from '../../shared/store/store.js';
import { postgresAvailable, startPostgres, type PostgresCluster } from './postgres-process.js';

/** The backends store-level tests run on: both when PostgreSQL's binaries are installed. */
export const BACKENDS: readonly Backend[] = postgresAvailable() ? ['sqlite', 'postgres'] : ['sqlite'];
if (!BACKENDS.includes('postgres')) console.warn('store tests: PostgreSQL skipped, no initdb/postgres binaries found');

export interface TestStores {
  /** This test's fresh, migrated store (a new SQLite file, or a new PostgreSQL database). */
  readonly store: Store;
  /** The data directory the SQLite store lives in (empty for PostgreSQL). */
  readonly dataDir: string;
  /** Opens another connection to this test's store (a second worker, a reader). */
  reopen(mode: 'read' | 'write'): Promise<Store>;
  /** A single number from SQL that reads the same on both backends (`SELECT COUNT(*) AS n …`). */
  count(query: string): Promise<number>;
}

let databases = 0;

/**
 * Registers hooks that give every test of the calling `describe` a fresh store of `backend`: one
 * throwaway PostgreSQL cluster per describe block (a database per test), a temporary directory per
 * test for SQLite. Real stores, no mocks.
 */
export function testStores(backend: Backend): TestStores {
  let cluster: PostgresCluster | undefined;
  let current: Store | undefined;
  let dataDir = '';
  let databaseUrl: string | undefined;
  const opened: Store[] = [];
  beforeAll(async () => {
    if (backend === 'postgres') cluster = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    await cluster?.stop();
  });
  beforeEach(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'yuqing-store-test-'));
    databaseUrl = cluster ? await cluster.createDatabase(`t${process.pid}_${++databases}`) : undefined;
    current = await openStore({ dataDir, databaseUrl, mode: 'write' });
    opened.push(current);
  });
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
