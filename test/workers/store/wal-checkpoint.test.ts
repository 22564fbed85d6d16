import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { beforeEach, describe, expect, it } from 'vitest';
import { CHECKPOINT_WAIT_MS, checkpointWal } from '../../../shared/store/repos/maintenance.js';
import { testStores } from '../../support/stores.js';

/** Enough committed batches to pass SQLite's automatic checkpoint threshold (1000 pages) several times. */
describe('WAL checkpoints on the writer side', () => {
  const t = testStores('sqlite');
  let reader: Database.Database;
  const walBytes = () => {
    const f = path.join(t.dataDir, 'yuqing.db-wal');
    return existsSync(f) ? statSync(f).size : 0;
  };
  const pragma = async (name: string) => Object.values((await sql.raw<Record<string, number>>(`PRAGMA ${name}`).execute(t.store.db)).rows[0] ?? {})[0];

  async function writeLoad(batches: number) {
    for (let b = 0; b < batches; b++) {
      await t.store.write((tx) =>
        tx.insertInto('rejected_items').values(Array.from({ length: 200 }, (_, i) => ({ job_id: `job-${b}`, item_index: i, error: 'load', payload: 'x'.repeat(400), at: Date.now() }))).execute(),
      );
    }
  }

  beforeEach(() => {
    reader = new Database(path.join(t.dataDir, 'yuqing.db'));
    return () => reader.close();
  });

  it('set a size limit for the WAL file', async () => {
    expect(await pragma('journal_size_limit')).toBe(16 * 2 ** 20);
    expect(await pragma('wal_autocheckpoint')).toBe(1000);
  });

  it('cut a WAL that readers kept growing back to zero once they have moved on', async () => {
    // A reader that keeps an old snapshot stops automatic checkpoints from restarting the WAL.
    reader.exec('BEGIN');
    reader.prepare('SELECT COUNT(*) FROM rejected_items').get();
    await writeLoad(80);
    const grown = walBytes();
    // Past the 1000 pages (4 KB each) at which automatic checkpoints would have restarted it.
    expect(grown).toBeGreaterThan(1000 * 4096);

    // While the old snapshot is held, the checkpoint gives up (busy) after its wait instead of blocking the worker.
    expect((await checkpointWal(t.store.db, 300))?.busy).toBe(1);
    expect(await pragma('busy_timeout')).toBe(30_000);

    reader.exec('COMMIT');
    const done = await checkpointWal(t.store.db);
    expect(done?.busy).toBe(0);
    expect(walBytes()).toBe(0);
    // Nothing was lost on the way.
    expect(reader.prepare('SELECT COUNT(*) AS n FROM rejected_items').get()).toEqual({ n: 80 * 200 });
  });

  it('waits out another worker\'s batch in progress and then cuts the WAL', async () => {
    await writeLoad(20);
    expect(walBytes()).toBeGreaterThan(0);
    // Another worker process in the middle of a 3-second batch: it holds the write lock.
    const other = spawn(process.execPath, ['-e', `
      const db = new (require('better-sqlite3'))(process.argv[1]);
      db.pragma('busy_timeout = 30000');
      db.exec('BEGIN IMMEDIATE');
      db.prepare("INSERT INTO rejected_items (job_id, item_index, error, payload, at) VALUES ('other', 0, 'load', 'x', 0)").run();
      process.stdout.write('held\\n');
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 3000);
      db.exec('COMMIT');
    `, path.join(t.dataDir, 'yuqing.db')], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
    await once(other.stdout!, 'data');
    expect(CHECKPOINT_WAIT_MS).toBeGreaterThan(3000);
    const done = await checkpointWal(t.store.db);
    expect(done?.busy).toBe(0);
    expect(walBytes()).toBe(0);
    await once(other, 'exit');
    expect(reader.prepare("SELECT COUNT(*) AS n FROM rejected_items WHERE job_id = 'other'").get()).toEqual({ n: 1 });
  });
});
