import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
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
