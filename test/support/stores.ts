import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore, type Backend, type Store } from '../../shared/store/store.js';

/**
 * The backends store-level tests run on. SQLite always; PostgreSQL once its throwaway cluster
 * harness (test/support/postgres-process.ts) is in: see postgresUrl below.
 */
export const BACKENDS: Backend[] = ['sqlite', ...(postgresAvailable() ? (['postgres'] as const) : [])];

function postgresAvailable(): boolean {
  return process.env.YUQING_TEST_PG === '1' || Boolean(process.env.YUQING_TEST_DATABASE_URL);
}

export interface TestStore {
  store: Store;
  dataDir: string;
  close(): Promise<void>;
}

/** A fresh, migrated store on `backend`, removed again by close(). */
export async function openTestStore(backend: Backend, mode: 'read' | 'write' = 'write'): Promise<TestStore> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'yuqing-test-store-'));
  if (backend === 'postgres') throw new Error('PostgreSQL test stores need the cluster harness (test/support/postgres-process.ts)');
  const store = await openStore({ dataDir, mode, readers: 2 });
  return {
    store,
    dataDir,
    async close() {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
