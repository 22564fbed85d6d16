import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMentions } from '../fixtures/mentions.js';
import { eventually, startSystem, type TestSystem } from '../support/system.js';

const run = promisify(execFile);
let dataDir: string;
let outDir: string;
let sys: TestSystem;
let backupFile: string;
let backedUp: number;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'yuqing-test-restore-'));
  outDir = mkdtempSync(path.join(tmpdir(), 'yuqing-test-backups-'));
  backupFile = path.join(outDir, 'yuqing-backup.db');
  sys = await startSystem({ dataDir });
});
afterAll(async () => {
  await sys?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
});

function yuqing(...args: string[]) {
  return run(process.execPath, ['bin/yuqing.mjs', ...args], { env: sys.env });
}
async function failing(...args: string[]): Promise<{ code: number; stderr: string }> {
  const err = (await yuqing(...args).then(() => new Error('expected a refusal'), (e: unknown) => e)) as { code: number; stderr: string };
  expect(typeof err.code).toBe('number');
  return err;
}

/** A backup is a snapshot of ONE moment: rows and the aggregates written with them agree. */
function inspect(file: string) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      check: db.pragma('quick_check', { simple: true }),
      journal: db.pragma('journal_mode', { simple: true }),
      mentions: n('SELECT COUNT(*) AS n FROM mentions'),
      counted: n("SELECT COALESCE(SUM(n), 0) AS n FROM agg_minute WHERE dim = 'all'"),
      orphanTopics: n('SELECT COUNT(*) AS n FROM mention_topics t WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.uid = t.uid)'),
    };
  } finally {
    db.close();
  }
}

describe('yuqing backup and restore', () => {
  it('backs up a consistent copy while mentions are being written', async () => {
    expect((await sys.postMentions(makeMentions(1000, 'base'))).status).toBe(202);
    await eventually(async () => ((await sys.storedCount()) === 1000 ? true : undefined), '1000 stored');
    let writing = true;
    let round = 0;
    const writer = (async () => {
      while (writing) {
        expect((await sys.postMentions(makeMentions(250, `live${round++}`))).status).toBe(202);
        // Paced near what one worker stores, so the queue does not pile up.
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    // Writes are landing when the backup starts.
    await eventually(async () => ((await sys.storedCount()) > 1000 ? true : undefined), 'writes under way');

    const out = await yuqing('backup', backupFile);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/^backed up [\d,]+ mentions/);
    // One more batch after the backup finished, then stop writing.
    expect((await sys.postMentions(makeMentions(250, 'after-backup'))).status).toBe(202);
    writing = false;
    await writer;
    await sys.drained();

    const b = inspect(backupFile);
    expect(b).toMatchObject({ check: 'ok', journal: 'delete', orphanTopics: 0 });
    expect(b.counted).toBe(b.mentions);
    expect(b.mentions).toBeGreaterThan(1000);
    expect(b.mentions).toBeLessThan(await sys.storedCount());
    expect(existsSync(`${backupFile}.partial`)).toBe(false);
    backedUp = b.mentions;

    // An existing backup is not overwritten by accident.
    expect((await failing('backup', backupFile)).stderr).toMatch(/exists; --force replaces it/);
  });

  it('refuses to restore while yuqing runs, and refuses files that are not a yuqing store', async () => {
    const stored = await sys.storedCount();
    const running = await failing('restore', backupFile);
    expect(running.code).toBe(75);
    expect(running.stderr).toMatch(/open in another process .*stop yuqing first; nothing was changed/);

    const junk = path.join(outDir, 'junk.db');
    writeFileSync(junk, 'these are not the pages of an SQLite database'.repeat(200));
    const notSqlite = await failing('restore', junk);
    expect(notSqlite.code).toBe(2);
    expect(notSqlite.stderr).toMatch(/not an SQLite database/);

    const other = path.join(outDir, 'other.db');
    const o = new Database(other);
    o.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)');
    o.close();
    expect((await failing('restore', other)).stderr).toMatch(/not a yuqing store/);
    expect((await failing('restore', path.join(outDir, 'missing.db'))).stderr).toMatch(/no such file/);
    expect(await sys.storedCount()).toBe(stored);
  });

  it('restores a backup in place of the store, keeping the old store aside', async () => {
    const before = await sys.storedCount();
    await sys.stop();

    const out = await yuqing('restore', backupFile);
    expect(out.stderr).toMatch(new RegExp(`^restored ${backedUp.toLocaleString('en-US')} mentions`));
    const previous = /the previous store is kept at (.+)$/m.exec(out.stderr)?.[1];
    expect(previous && existsSync(previous)).toBeTruthy();
    // The store that was replaced is whole, WAL included.
    expect(inspect(previous as string)).toMatchObject({ check: 'ok', mentions: before, counted: before });

    sys = await startSystem({ dataDir });
    expect(await sys.storedCount()).toBe(backedUp);
    expect((await sys.postMentions(makeMentions(20, 'restored'))).status).toBe(202);
    await eventually(async () => ((await sys.storedCount()) === backedUp + 20 ? true : undefined), 'new mentions stored');
  });
});
