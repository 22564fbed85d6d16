import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupStore, restoreStore } from '../../../shared/store/backup.js';
import { storedMentionCount } from '../../../shared/store/repos/rollups.js';
import { NotAStoreError, StoreInUseError } from '../../../shared/store/store-errors.js';
import { openStore } from '../../../shared/store/store.js';
import { seedMentions, seedRow } from '../../support/seed.js';
import { BACKENDS, openTestStore, stopTestCluster, type TestStore } from '../../support/stores.js';

afterAll(() => stopTestCluster());

const T0 = Date.UTC(2026, 2, 9, 6, 0, 0);

/**
 * The store module's backup and restore on each backend (the CLI and SQLite's behaviour under a
 * running system are covered in test/integration/backup-restore.test.ts).
 */
describe.each(BACKENDS)('backup and restore (%s)', (backend) => {
  let t: TestStore;
  let where: { dataDir: string; databaseUrl: string | undefined };
  beforeAll(async () => {
    t = await openTestStore(backend);
    where = { dataDir: t.dataDir, databaseUrl: t.databaseUrl };
    await seedMentions(t.store, Array.from({ length: 300 }, (_, i) => seedRow(i, T0 + i * 1000)));
  });
  afterAll(() => t?.close());

  it('backs up while the store is open, and restores it once nobody is connected', async () => {
    const file = path.join(t.dataDir, 'backup.bin');
    const b = await backupStore(where, file);
    expect(b).toMatchObject({ mentions: 300, newestMention: new Date(T0 + 299_000).toISOString() });
    expect(existsSync(`${file}.partial`)).toBe(false);

    // More data after the backup, which the restore must take back.
    await seedMentions(t.store, [seedRow(1000, T0)]);
    await expect(restoreStore(where, file)).rejects.toThrow(StoreInUseError);
    await t.store.close();

    const r = await restoreStore(where, file);
    expect(r.restored.mentions).toBe(300);
    expect(r.previous && existsSync(r.previous)).toBeTruthy();
    const again = await openStore({ ...where, mode: 'write' });
    try {
      expect(await storedMentionCount(again.db)).toBe(300);
    } finally {
      await again.close();
    }
    t.store = await openStore({ ...where, mode: 'write' });
  });

  it('refuses a file that is not a backup of a yuqing store, changing nothing', async () => {
    await t.store.close();
    const junk = path.join(t.dataDir, 'junk.bin');
    writeFileSync(junk, 'not a database'.repeat(100));
    await expect(restoreStore(where, junk)).rejects.toThrow(NotAStoreError);
    await expect(restoreStore(where, path.join(t.dataDir, 'missing.bin'))).rejects.toThrow(/no such file/);
    t.store = await openStore({ ...where, mode: 'write' });
    expect(await storedMentionCount(t.store.db)).toBe(300);
  });
});
