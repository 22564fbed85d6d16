import { sql } from 'kysely';
import { readFileSync, statSync } from 'node:fs';
import { afterAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { startAuditAnchor, readAnchor } from '../../../server/auth/audit-anchor.js';
import { createLogger } from '../../../server/log.js';
import { appendAudit, checkAuditAnchor, verifyAudit, type AuditInput } from '../../../shared/store/repos/audit.js';
import { BACKENDS, openTestStore, stopTestCluster, type TestStore } from '../../support/stores.js';

afterAll(() => stopTestCluster());

const DAY = 86_400_000;
const entry = (actor: string): AuditInput => ({ actor, roles: ['admin'], ip: '127.0.0.1', action: 'auth.login', object: null, result: 'ok' });
const DROP_GUARDS = {
  sqlite: ['DROP TRIGGER audit_log_no_update', 'DROP TRIGGER audit_log_keep_180_days'],
  postgres: ['DROP TRIGGER audit_log_guard ON audit_log'],
};

describe.each(BACKENDS)('the audit log anchor (%s)', (backend) => {
  let t: TestStore;
  const log = createLogger('test', 'silent');
  beforeEach(async () => {
    t = await openTestStore(backend, 'write');
  }, 60_000);
  afterEach(() => t?.close());
  const exec = async (statements: string[]) => {
    for (const q of statements) await sql.raw(q).execute(t.store.db);
  };

  it('follows every committed write before it returns, in an owner-only file', async () => {
    const keeper = startAuditAnchor({ store: t.store, dataDir: t.dataDir, log, everyMs: 3_600_000 });
    try {
      await keeper.store.write((tx) => appendAudit(tx, entry('a'), Date.now()));
      expect(readAnchor(t.dataDir)).toMatchObject({ state: 'ok', anchor: { id: 1 } });
      await keeper.store.write(async (tx) => {
        await appendAudit(tx, entry('b'), Date.now());
        await appendAudit(tx, entry('c'), Date.now());
      });
      const file = readAnchor(t.dataDir);
      expect(file).toMatchObject({ state: 'ok', anchor: { id: 3 } });
      const tail = await t.store.db.selectFrom('audit_log').select('hash').where('id', '=', 3).executeTakeFirstOrThrow();
      expect(file.state === 'ok' && file.anchor.hash).toBe(tail.hash);
      expect(statSync(`${t.dataDir}/audit-anchor`).mode & 0o777).toBe(0o600);
      expect(JSON.parse(readFileSync(`${t.dataDir}/audit-anchor`, 'utf8'))).toMatchObject({ id: 3 });
    } finally {
      keeper.stop();
    }
  });

  it('does not move past a removed tail, even once new rows take its ids', async () => {
    const keeper = startAuditAnchor({ store: t.store, dataDir: t.dataDir, log, everyMs: 3_600_000 });
    try {
      for (const a of ['a', 'b', 'c']) await keeper.store.write((tx) => appendAudit(tx, entry(a), Date.now()));
      await exec(DROP_GUARDS[backend]);
      await exec(['DELETE FROM audit_log WHERE id = 3']);
      const anchor = readAnchor(t.dataDir);
      if (anchor.state !== 'ok') throw new Error('no anchor');
      expect(await checkAuditAnchor(t.store.db, anchor.anchor, Date.now())).toEqual({ ok: false, reason: expect.stringMatching(/^row 3 is missing: the log ends at row 2/) });
      // The chain alone is intact.
      expect(await verifyAudit(t.store.db)).toMatchObject({ ok: true, checked: 2 });
      for (const a of ['d', 'e']) await keeper.store.write((tx) => appendAudit(tx, entry(a), Date.now()));
      expect(readAnchor(t.dataDir)).toEqual(anchor);
      expect(await checkAuditAnchor(t.store.db, anchor.anchor, Date.now())).toEqual({ ok: false, reason: expect.stringMatching(/^row 3 is not the row the anchor records/) });
    } finally {
      keeper.stop();
    }
  });

  it('accepts an anchored row that retention could have pruned, and nothing younger', async () => {
    const old = Date.now() - 200 * DAY;
    await t.store.write(async (tx) => {
      await appendAudit(tx, entry('a'), old);
      await appendAudit(tx, entry('b'), Date.now());
    });
    const first = await t.store.db.selectFrom('audit_log').select('hash').where('id', '=', 1).executeTakeFirstOrThrow();
    await exec(['DELETE FROM audit_log WHERE id = 1']); // older than 180 days: the guard lets it go
    expect(await checkAuditAnchor(t.store.db, { id: 1, hash: first.hash, at: old }, Date.now())).toMatchObject({ ok: true, note: expect.stringMatching(/pruned/) });
    expect(await checkAuditAnchor(t.store.db, { id: 1, hash: first.hash, at: Date.now() - DAY }, Date.now())).toMatchObject({ ok: false });
  });
});
