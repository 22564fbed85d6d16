import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWriteStore, type Db } from '../../../workers/store/open.js';
import { checkpointWal } from '../../../workers/store/wal-checkpoint.js';

let dir: string;
let writer: Db;
let reader: Database.Database;
const walBytes = () => {
  const f = path.join(dir, 'yuqing.db-wal');
  return existsSync(f) ? statSync(f).size : 0;
};

/** Enough committed batches to pass SQLite's automatic checkpoint threshold (1000 pages) several times. */
function writeLoad(batches: number) {
  const insert = writer.prepare('INSERT INTO rejected_items (job_id, item_index, error, payload, at) VALUES (?, ?, ?, ?, ?)');
  const batch = writer.transaction((b: number) => {
    for (let i = 0; i < 200; i++) insert.run(`job-${b}`, i, 'load', 'x'.repeat(400), Date.now());
  });
  for (let b = 0; b < batches; b++) batch(b);
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'yuqing-wal-test-'));
  writer = openWriteStore(dir);
  reader = new Database(path.join(dir, 'yuqing.db'));
});
afterEach(() => {
  reader.close();
  writer.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('WAL checkpoints on the writer side', () => {
  it('set a size limit for the WAL file', () => {
    expect(writer.pragma('journal_size_limit', { simple: true })).toBe(16 * 2 ** 20);
    expect(writer.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  });

  it('cut a WAL that readers kept growing back to zero once they have moved on', () => {
    // A reader that keeps an old snapshot stops automatic checkpoints from restarting the WAL.
    reader.exec('BEGIN');
    reader.prepare('SELECT COUNT(*) FROM rejected_items').get();
    writeLoad(80);
    const grown = walBytes();
    // Past the 1000 pages (4 KB each) at which automatic checkpoints would have restarted it.
    expect(grown).toBeGreaterThan(1000 * 4096);

    // While the old snapshot is held, the checkpoint gives up (busy) instead of blocking the worker.
    expect(checkpointWal(writer).busy).toBe(1);
    expect(writer.pragma('busy_timeout', { simple: true })).toBe(30_000);

    reader.exec('COMMIT');
    const done = checkpointWal(writer);
    expect(done.busy).toBe(0);
    expect(walBytes()).toBe(0);
    // Nothing was lost on the way.
    expect(reader.prepare('SELECT COUNT(*) AS n FROM rejected_items').get()).toEqual({ n: 80 * 200 });
  });
});
