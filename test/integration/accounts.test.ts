import { execFile } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage, MeResponse, TokenCreatedResponse } from '../../shared/contracts/auth.js';
import type { Backend } from '../../shared/store/store.js';
import { makeMentions } from '../fixtures/mentions.js';
import { cookieFrom, createTestUser, credentials, login, signInAs } from '../support/accounts.js';
import { newIncident, seedMentions, seedRow, storyFixture } from '../support/seed.js';
import { BACKENDS, createTestDatabase, stopTestCluster } from '../support/stores.js';
import { eventually, startSystem, type TestSystem } from '../support/system.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
afterAll(() => stopTestCluster());

/** What a tamperer with database access runs first: the audit log's guards refuse edits and young deletes. */
const DROP_GUARDS: Record<Backend, string[]> = {
  sqlite: ['DROP TRIGGER audit_log_no_update', 'DROP TRIGGER audit_log_keep_180_days'],
  postgres: ['DROP TRIGGER audit_log_guard ON audit_log'],
};
/** A store that refuses audit rows (a full disk, a failing database): installed and removed by the tests. */
const REFUSE_AUDIT: Record<Backend, { on: string[]; off: string[] }> = {
  sqlite: {
    on: ["CREATE TRIGGER audit_log_test_refuse BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit store refuses'); END"],
    off: ['DROP TRIGGER audit_log_test_refuse'],
  },
  postgres: {
    on: [
      "CREATE FUNCTION audit_log_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit store refuses'; END $$",
      'CREATE TRIGGER audit_log_test_refuse BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_test_refuse()',
    ],
    off: ['DROP TRIGGER audit_log_test_refuse ON audit_log', 'DROP FUNCTION audit_log_test_refuse()'],
  },
};

async function system(backend: Backend, opts: Parameters<typeof startSystem>[0] = {}): Promise<TestSystem> {
  const databaseUrl = backend === 'postgres' ? await createTestDatabase() : undefined;
  return startSystem({ ...opts, ...(databaseUrl ? { databaseUrl } : {}) });
}

/** Runs statements straight on the store, behind the application's back. */
async function exec(s: TestSystem, statements: string[]): Promise<void> {
  for (const q of statements) await sql.raw(q).execute(s.store.db);
}

/**
 * Runs the yuqing command on a test system's data, asynchronously: the server runs in this process,
 * and a blocked event loop would let its keep-alive timers race the next request.
 */
function yuqing(s: TestSystem, ...args: string[]): Promise<{ code: number | null; stdout: string; out: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['bin/yuqing.mjs', ...args],
      { cwd: ROOT, env: { ...process.env, DATA_DIR: s.dataDir, DATABASE_URL: s.env.DATABASE_URL ?? '', LOG_LEVEL: 'error' }, encoding: 'utf8' },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, out: stdout + stderr }),
    );
  });
}

const auditVerify = (s: TestSystem) => yuqing(s, 'audit', 'verify');

async function auditRowsOf(s: TestSystem, q: string): Promise<AuditPage['items']> {
  const auditor = await signInAs(s.baseUrl, s.dataDir, ['auditor']);
  const res = await fetch(`${s.baseUrl}/api/v1/audit?${q}`, { headers: auditor.headers() });
  expect(res.status).toBe(200);
  return ((await res.json()) as AuditPage).items;
}

describe.each(BACKENDS)('accounts (%s)', (backend) => {
  let sys: TestSystem;
  const url = (p: string) => `${sys.baseUrl}/api/v1${p}`;
  const tryLogin = (username: string, password: string, totp?: string) =>
    fetch(url('/auth/login'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password, ...(totp && { totp }) }) });
  const auditRows = (q: string) => auditRowsOf(sys, q);

  beforeAll(async () => {
    sys = await system(backend);
  }, 120_000);
  afterAll(async () => {
    await sys?.stop();
  });

  describe('first start', () => {
    it('creates admin with a one-time password in an owner-only file; it must be changed before anything else', async () => {
      const file = path.join(sys.dataDir, 'initial-admin-password');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(sys.dataDir).mode & 0o777).toBe(0o700);
      const initial = readFileSync(file, 'utf8').trim();
      const res = await tryLogin('admin', initial);
      expect(res.status).toBe(200);
      const body = (await res.json()) as MeResponse;
      expect(body.user).toMatchObject({ username: 'admin', roles: ['admin'], mustChangePassword: true });
      const admin = credentials('admin', initial, cookieFrom(res), body.csrfToken);
      const blocked = await fetch(url('/users'), { headers: admin.headers() });
      expect(blocked.status).toBe(403);
      expect(await blocked.json()).toEqual({ error: 'password change required' });
      const weak = await fetch(url('/auth/password'), { method: 'POST', headers: admin.headers(), body: JSON.stringify({ current: initial, next: 'short' }) });
      expect(weak.status).toBe(400);
      expect(((await weak.json()) as { problems: string[] }).problems.length).toBeGreaterThan(0);
      const changed = await fetch(url('/auth/password'), { method: 'POST', headers: admin.headers(), body: JSON.stringify({ current: initial, next: 'Stronger-Chief-Pass-42' }) });
      expect(changed.status).toBe(200);
      expect((await fetch(url('/users'), { headers: admin.headers() })).status).toBe(200);
      expect((await tryLogin('admin', initial)).status).toBe(401);
    });
  });

  describe('operators\' command line', () => {
    const cli = (...args: string[]) => yuqing(sys, ...args);
    it('user add prints a one-time password that signs in and must be changed; set-role and disable take effect; the anchor follows', async () => {
      const name = `cli${Date.now().toString(36)}`;
      const add = await cli('user', 'add', name, '--role', 'leader', '--name', '命令行');
      expect(add.code, add.out).toBe(0);
      const otp = /one-time password[^:]*: (\S+)/.exec(add.stdout)?.[1];
      expect(otp).toBeTruthy();
      const res = await tryLogin(name, otp!);
      expect(res.status).toBe(200);
      expect(((await res.json()) as MeResponse).user).toMatchObject({ roles: ['leader'], mustChangePassword: true });
      expect((await cli('user', 'set-role', name, 'analyst,auditor')).code).toBe(0);
      expect((await cli('user', 'list')).stdout).toMatch(new RegExp(`${name}\\s+analyst,auditor`));
      expect((await cli('user', 'disable', name)).code).toBe(0);
      expect((await tryLogin(name, otp!)).status).toBe(401);
      const rows = await auditRows(`action=user.updated&actor=cli:${(await import('node:os')).userInfo().username}`);
      expect(rows.length).toBeGreaterThanOrEqual(2);
      // The CLI's own rows are anchored too, so verify does not take them for a foreign tail.
      const anchor = JSON.parse(readFileSync(path.join(sys.dataDir, 'audit-anchor'), 'utf8')) as { id: number };
      expect(anchor.id).toBeGreaterThanOrEqual(rows[0]!.id);
      expect(await auditVerify(sys)).toMatchObject({ code: 0 });
      expect((await cli('user', 'set-role', name, 'nobody')).code).toBe(2);
    });
  });

  describe('sign-in', () => {
    it('locks a name out after 5 failures, saying the same for names that do not exist', async () => {
      const u = await createTestUser(sys.dataDir, ['analyst']);
      for (let i = 0; i < 4; i++) expect((await tryLogin(u.username, 'wrong-password-1A')).status).toBe(401);
      const fifth = await tryLogin(u.username, 'wrong-password-1A');
      expect(fifth.status).toBe(429);
      expect(fifth.headers.get('retry-after')).toBeTruthy();
      // Locked: even the right password is refused, and nothing tells the user apart from a ghost.
      const right = await tryLogin(u.username, u.password);
      expect(right.status).toBe(429);
      for (let i = 0; i < 4; i++) expect(await (await tryLogin('nobody-here', 'x')).json()).toEqual({ error: 'invalid username or password' });
      const ghost = await tryLogin('nobody-here', 'x');
      expect(ghost.status).toBe(429);
      expect(await ghost.json()).toEqual(await right.json());
      const rows = await auditRows(`action=auth.locked&actor=${u.username}`);
      expect(rows).toHaveLength(1);
      // Five failures, then the attempt refused while locked (no password checked).
      const failed = await auditRows(`action=auth.login_failed&actor=${u.username}`);
      expect(failed.map((r) => [r.result, (r.detail as { reason: string }).reason])).toEqual([['denied', 'locked'], ...Array.from({ length: 5 }, () => ['failed', 'wrong password'])]);
    });

    it('refuses a disabled user and a wrong password with one message', async () => {
      const u = await createTestUser(sys.dataDir, ['leader']);
      const admin = await signInAs(sys.baseUrl, sys.dataDir, ['admin']);
      expect((await fetch(url(`/users/${u.id}`), { method: 'PATCH', headers: admin.headers(), body: JSON.stringify({ disabled: true }) })).status).toBe(200);
      const res = await tryLogin(u.username, u.password);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: 'invalid username or password' });
    });

    it('sets a strict cookie and ends the session at logout', async () => {
      const u = await createTestUser(sys.dataDir, ['leader']);
      const res = await tryLogin(u.username, u.password);
      const set = res.headers.getSetCookie().join(';');
      expect(set).toMatch(/HttpOnly/i);
      expect(set).toMatch(/SameSite=Strict/i);
      const c = credentials(u.username, u.password, cookieFrom(res), ((await res.json()) as MeResponse).csrfToken);
      expect((await fetch(url('/auth/me'), { headers: c.headers() })).status).toBe(200);
      expect((await fetch(url('/auth/logout'), { method: 'POST', headers: c.headers() })).status).toBe(204);
      expect((await fetch(url('/auth/me'), { headers: c.headers() })).status).toBe(401);
      expect((await auditRows(`action=auth.logout&actor=${u.username}`)).length).toBe(1);
    });

    it('TOTP: enrol by code, then sign in with a code (once) or a recovery code (once)', async () => {
      const u = await createTestUser(sys.dataDir, ['analyst']);
      const c = await login(sys.baseUrl, u.username, u.password);
      const setup = (await (await fetch(url('/auth/totp/setup'), { headers: c.headers() })).json()) as { secret: string; otpauthUrl: string; qrDataUrl: string };
      expect(setup.otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
      expect(setup.qrDataUrl).toMatch(/^data:image\/png;base64,/);
      expect((await fetch(url('/auth/totp/enable'), { method: 'POST', headers: c.headers(), body: JSON.stringify({ code: '000000' }) })).status).toBe(400);
      const enrolCode = await generate({ secret: setup.secret });
      const enable = await fetch(url('/auth/totp/enable'), { method: 'POST', headers: c.headers(), body: JSON.stringify({ code: enrolCode }) });
      expect(enable.status).toBe(200);
      const { recoveryCodes } = (await enable.json()) as { recoveryCodes: string[] };
      expect(recoveryCodes).toHaveLength(10);

      const noCode = await tryLogin(u.username, u.password);
      expect(noCode.status).toBe(401);
      expect(await noCode.json()).toMatchObject({ totp: true });
      // The code that enabled TOTP is spent: wait for the next time step's code (without trying, so no failures pile up).
      const code = await eventually(async () => {
        const next = await generate({ secret: setup.secret });
        return next !== enrolCode ? next : undefined;
      }, 'a fresh TOTP step', 35_000);
      expect((await tryLogin(u.username, u.password, code)).status).toBe(200);
      expect((await tryLogin(u.username, u.password, code)).status).toBe(401); // replay
      expect((await tryLogin(u.username, u.password, recoveryCodes[0])).status).toBe(200);
      expect((await tryLogin(u.username, u.password, recoveryCodes[0])).status).toBe(401);
    }, 60_000);

    it('mandatory TOTP for a role holds its users at enrolment', async () => {
      const admin = await signInAs(sys.baseUrl, sys.dataDir, ['admin']);
      const leader = await signInAs(sys.baseUrl, sys.dataDir, ['leader']);
      expect((await fetch(url('/settings/security'), { method: 'PUT', headers: admin.headers(), body: JSON.stringify({ totpRequiredRoles: ['leader'] }) })).status).toBe(200);
      const blocked = await fetch(url('/summary'), { headers: leader.headers() });
      expect(blocked.status).toBe(403);
      expect(await blocked.json()).toEqual({ error: 'totp enrolment required' });
      const me = (await (await fetch(url('/auth/me'), { headers: leader.headers() })).json()) as MeResponse;
      expect(me.user).toMatchObject({ totpRequired: true, totpEnabled: false });
      expect((await fetch(url('/settings/security'), { method: 'PUT', headers: admin.headers(), body: JSON.stringify({ totpRequiredRoles: [] }) })).status).toBe(200);
      expect((await fetch(url('/summary'), { headers: leader.headers() })).status).toBe(200);
    });
  });

  describe('API tokens', () => {
    it('a named ingest token works until revoked, and stops at once', async () => {
      const admin = await signInAs(sys.baseUrl, sys.dataDir, ['admin']);
      const created = (await (await fetch(url('/tokens'), { method: 'POST', headers: admin.headers(), body: JSON.stringify({ name: 'crawler', scope: 'ingest' }) })).json()) as TokenCreatedResponse;
      const post = () => fetch(url('/mentions'), { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${created.token}` }, body: JSON.stringify(makeMentions(1, 'tok')) });
      expect((await post()).status).toBe(202);
      const listed = (await (await fetch(url('/tokens'), { headers: admin.headers() })).json()) as { items: { id: number; lastUsedAt: string | null }[] };
      expect(listed.items.find((t) => t.id === created.id)?.lastUsedAt).toBeTruthy();
      expect(JSON.stringify(listed)).not.toContain(created.token);
      expect((await fetch(url(`/tokens/${created.id}`), { method: 'DELETE', headers: admin.headers() })).status).toBe(204);
      expect((await post()).status).toBe(403);
      expect((await auditRows('action=token.revoked')).some((r) => r.object === `token:${created.id}`)).toBe(true);
    });
  });

  describe('ingest refuses what could poison the dashboards, item by item', () => {
    it('rejects future and prehistoric createdAt, non-http(s) urls and NUL characters, and stores the rest', async () => {
      const [good, future, old, js, data, nul] = makeMentions(6, `hostile${Date.now()}`);
      future!.createdAt = '9999-12-31T00:00:00Z';
      old!.createdAt = '2001-01-01T00:00:00Z';
      js!.url = 'javascript:alert(1)';
      data!.url = '=HYPERLINK("http://evil")';
      nul!.text = 'before\u0000after';
      good!.url = 'https://weibo.com/1/2';
      const res = await sys.postMentions([good, future, old, js, data, nul]);
      expect(res.status).toBe(202);
      const body = (await res.json()) as { accepted: number; rejected: { index: number; error: string }[] };
      expect(body.accepted).toBe(1);
      expect(body.rejected.map((r) => r.index)).toEqual([1, 2, 3, 4, 5]);
      expect(body.rejected[0]!.error).toMatch(/future/);
      expect(body.rejected[2]!.error).toMatch(/url/);
      expect(body.rejected[4]!.error).toMatch(/NUL/);
      await sys.drained();
      expect((await sys.getJson<{ root: { uid: string } }>(`/api/v1/threads/weibo:${String(good!.id)}`)).root.uid).toBe(`weibo:${String(good!.id)}`);
    });
  });

  describe('audit log', () => {
    it('writes an incident command\'s row in the command\'s own transaction, and a failed command\'s row with its outcome', async () => {
      const at = Date.now();
      const storyId = `st_aud${at}`;
      await sys.store.db.insertInto('stories').values(storyFixture(storyId, at)).execute();
      const id = (await sys.store.db.insertInto('incidents').values(newIncident(storyId, at)).returning('id').executeTakeFirstOrThrow()).id;
      const officer = await signInAs(sys.baseUrl, sys.dataDir, ['duty_officer']);
      const ack = await fetch(url(`/incidents/${id}/acknowledge`), { method: 'POST', headers: officer.headers(), body: '{}' });
      expect(ack.status).toBe(200);
      // Committed with the act: there as soon as the answer is, without waiting.
      const rows = await auditRows(`action=incident.acknowledge&actor=${officer.username}`);
      expect(rows.map((r) => [r.object, r.result])).toEqual([[`incident:${id}`, 'ok']]);
      const missing = await fetch(url('/incidents/99999999/acknowledge'), { method: 'POST', headers: officer.headers(), body: '{}' });
      expect(missing.status).toBe(404);
      await eventually(async () => ((await auditRows(`action=incident.acknowledge&actor=${officer.username}`)).length === 2 ? true : undefined), 'the failed command audited');
      const results = (await auditRows(`action=incident.acknowledge&actor=${officer.username}`)).map((r) => r.result).sort();
      expect(results).toEqual(['failed', 'ok']);
    });

    it('writes a topic change\'s row in the change\'s own transaction, and a refused change\'s row with its outcome', async () => {
      const admin = await signInAs(sys.baseUrl, sys.dataDir, ['admin']);
      const topics = await sys.getJson<{ topics: { id: string }[] }>('/api/v1/topics');
      const put = await fetch(url('/topics'), { method: 'PUT', headers: admin.headers(), body: JSON.stringify(topics) });
      expect(put.status).toBe(200);
      // In the change's transaction: there as soon as the answer is.
      const rows = await auditRows(`action=topics.updated&actor=${admin.username}`);
      expect(rows.map((r) => [r.object, r.result])).toEqual([['topics', 'ok']]);
      expect(rows[0]!.detail).toMatchObject({ topics: topics.topics.map((t) => t.id) });
      expect((await fetch(url('/topics'), { method: 'PUT', headers: admin.headers(), body: JSON.stringify({ topics: 'nope' }) })).status).toBe(400);
      await eventually(async () => ((await auditRows(`action=topics.updated&actor=${admin.username}`)).length === 2 ? true : undefined), 'the refused change audited');
      expect((await auditRows(`action=topics.updated&actor=${admin.username}`))[0]).toMatchObject({ result: 'failed', detail: { status: 400 } });
    });

    it('records a search with its query and an export with its filter before anything is answered, and the export\'s row count at its end', async () => {
      await sys.postMentions(makeMentions(3, `aud${Date.now()}`));
      await sys.drained();
      const analyst = await signInAs(sys.baseUrl, sys.dataDir, ['analyst']);
      expect((await fetch(url(`/mentions?q=${encodeURIComponent('诈骗')}`), { headers: analyst.headers() })).status).toBe(200);
      // Committed before the answer: no waiting.
      const [search] = await auditRows(`action=mentions.search&actor=${analyst.username}`);
      expect(search).toMatchObject({ result: 'ok', detail: { query: { q: '诈骗' } } });
      const csv = await fetch(url('/mentions/export.csv?platform=weibo'), { headers: analyst.headers() });
      const [started] = await auditRows(`action=mentions.export&actor=${analyst.username}`);
      expect(started).toMatchObject({ result: 'ok', detail: { filter: { platform: 'weibo' } } });
      const lines = (await csv.text()).trim().split('\r\n').length - 1;
      expect(lines).toBeGreaterThan(0);
      const [end] = await eventually(async () => {
        const r = await auditRows(`action=mentions.export_end&actor=${analyst.username}`);
        return r.length ? r : undefined;
      }, 'the export\'s end audited');
      expect(end).toMatchObject({ result: 'ok', detail: { filter: { platform: 'weibo' }, rows: lines, outcome: 'complete', startedRow: started!.id } });
      expect(await auditVerify(sys)).toMatchObject({ code: 0 });
    });

    it('verify detects a row edited behind the application\'s back', async () => {
      const [row] = await auditRows('action=auth.login');
      expect(await auditVerify(sys)).toMatchObject({ code: 0 });
      // The triggers refuse the edit, so a tamperer drops them first.
      await expect(exec(sys, [`UPDATE audit_log SET actor = 'someone-else' WHERE id = ${row!.id}`])).rejects.toThrow(/append-only/);
      await exec(sys, DROP_GUARDS[backend]);
      await exec(sys, [`UPDATE audit_log SET actor = 'someone-else' WHERE id = ${row!.id}`]);
      const broken = await auditVerify(sys);
      expect(broken.code).toBe(1);
      expect(broken.out).toContain(`BROKEN at row ${row!.id}`);
    });
  });

  describe('idle timeout', () => {
    let short: TestSystem;
    beforeAll(async () => {
      short = await system(backend, { workers: 0, env: { YUQING_SESSION_IDLE_MINUTES: '0.05' } });
    }, 120_000);
    afterAll(async () => {
      await short?.stop();
    });
    it('ends a session after the idle time without requests', async () => {
      const c = await signInAs(short.baseUrl, short.dataDir, ['leader']);
      expect((await fetch(`${short.baseUrl}/api/v1/auth/me`, { headers: c.headers() })).status).toBe(200);
      await new Promise((r) => setTimeout(r, 3500));
      const res = await fetch(`${short.baseUrl}/api/v1/auth/me`, { headers: c.headers() });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: 'session timed out after inactivity' });
    });
  });

  describe('audit log fails closed and keeps its tail', () => {
    let s2: TestSystem;
    const ROWS = 6000;
    beforeAll(async () => {
      s2 = await system(backend, { workers: 0 });
      // Long texts: the export is far larger than the socket buffers, so a client can leave mid-way.
      const t0 = Date.now() - 3_600_000;
      await seedMentions(s2.store, Array.from({ length: ROWS }, (_, i) => ({ ...seedRow(i, t0 + i * 100, 'big'), text: `长文${i} ${'舆'.repeat(1200)}` })));
    }, 180_000);
    afterAll(async () => {
      await s2?.stop();
    });
    const get = (c: { headers(): Record<string, string> }, p: string, init: RequestInit = {}) => fetch(`${s2.baseUrl}/api/v1${p}`, { ...init, headers: c.headers() });

    it('answers a search or an export 503 with nothing in it when its audit row cannot be written, and a topic change not at all', async () => {
      const analyst = await signInAs(s2.baseUrl, s2.dataDir, ['analyst']);
      const admin = await signInAs(s2.baseUrl, s2.dataDir, ['admin']);
      const topics = (await (await get(admin, '/topics')).json()) as { topics: { id: string; name: unknown }[] };
      await exec(s2, REFUSE_AUDIT[backend].on);
      try {
        const search = await get(analyst, '/mentions?platform=weibo');
        expect(search.status).toBe(503);
        const body = await search.text();
        expect(JSON.parse(body)).toEqual({ error: expect.stringMatching(/audit log/) });
        expect(body).not.toContain('big');
        const exp = await get(analyst, '/mentions/export.csv');
        expect(exp.status).toBe(503);
        expect(exp.headers.get('content-type')).toMatch(/json/);
        expect(await exp.text()).not.toContain('platform,id');
        // The change and its record are one transaction: no record, no change.
        const changed = { ...topics, topics: topics.topics.slice(1) };
        expect((await get(admin, '/topics', { method: 'PUT', body: JSON.stringify(changed) })).status).toBeGreaterThanOrEqual(500);
        expect(((await (await get(admin, '/topics')).json()) as typeof topics).topics.map((t) => t.id)).toEqual(topics.topics.map((t) => t.id));
      } finally {
        await exec(s2, REFUSE_AUDIT[backend].off);
      }
      expect(await auditRowsOf(s2, `action=mentions.search&actor=${analyst.username}`)).toEqual([]);
      expect(await auditRowsOf(s2, `action=mentions.export&actor=${analyst.username}`)).toEqual([]);
      expect(await auditRowsOf(s2, `action=topics.updated&actor=${admin.username}`)).toEqual([]);
      // Once the log can be written again, so can the search, and its row is there with the answer.
      expect((await get(analyst, '/mentions?platform=weibo&limit=5')).status).toBe(200);
      expect(await auditRowsOf(s2, `action=mentions.search&actor=${analyst.username}`)).toHaveLength(1);
    });

    it('records an export the client left mid-way with the rows sent so far', async () => {
      const analyst = await signInAs(s2.baseUrl, s2.dataDir, ['analyst']);
      const abort = new AbortController();
      const res = await get(analyst, '/mentions/export.csv', { signal: abort.signal });
      expect(res.status).toBe(200);
      const reader = res.body!.getReader();
      expect((await reader.read()).done).toBe(false);
      abort.abort();
      await reader.read().catch(() => undefined);
      const [started] = await auditRowsOf(s2, `action=mentions.export&actor=${analyst.username}`);
      expect(started).toMatchObject({ result: 'ok', detail: { filter: {} } });
      const [end] = await eventually(async () => {
        const r = await auditRowsOf(s2, `action=mentions.export_end&actor=${analyst.username}`);
        return r.length ? r : undefined;
      }, 'the aborted export audited');
      expect(end).toMatchObject({ result: 'failed', detail: { outcome: 'aborted', startedRow: started!.id } });
      expect((end!.detail as { rows: number }).rows).toBeLessThan(ROWS);
    });

    it('verify reports the newest rows removed behind the application\'s back, and the anchor does not move past them', async () => {
      const maxId = async () => Number((await sql<{ id: number | string }>`SELECT MAX(id) AS id FROM audit_log`.execute(s2.store.db)).rows[0]!.id);
      await signInAs(s2.baseUrl, s2.dataDir, ['leader']);
      // The anchor followed the sign-in's commit before its answer came back.
      const anchor = JSON.parse(readFileSync(path.join(s2.dataDir, 'audit-anchor'), 'utf8')) as { id: number; hash: string };
      expect(statSync(path.join(s2.dataDir, 'audit-anchor')).mode & 0o777).toBe(0o600);
      const tail = await maxId();
      expect(anchor.id).toBe(tail);
      const intact = await auditVerify(s2);
      expect(intact).toMatchObject({ code: 0 });
      expect(intact.out).toMatch(/newest rows present/);

      await exec(s2, DROP_GUARDS[backend]);
      await exec(s2, [`DELETE FROM audit_log WHERE id > ${tail - 2}`]);
      const cut = await auditVerify(s2);
      expect(cut.code).toBe(1);
      // The chain alone cannot see it; the anchor does.
      expect(cut.out).toMatch(/chain intact/);
      expect(cut.out).toMatch(new RegExp(`TAIL BROKEN: rows ${tail - 1}–${tail} are missing`));

      // New rows take the removed rows' ids; the anchor stays where it was and still shows it.
      await signInAs(s2.baseUrl, s2.dataDir, ['leader']);
      await signInAs(s2.baseUrl, s2.dataDir, ['leader']);
      const after = await auditVerify(s2);
      expect(after.code).toBe(1);
      expect(after.out).toMatch(/TAIL BROKEN: row \d+ is not the row the anchor records/);
    });
  });

  describe('hostile input', () => {
    const PAYLOADS = ["' OR 1=1 --", '<script>alert(1)</script>', '../../etc/passwd', '%00\u0000', 'x'.repeat(5000), '{"$gt":""}', '-1e309'];
    const PARAMS = ['from', 'to', 'topic', 'sentiment', 'emotion', 'stance', 'critical', 'platform', 'region', 'story', 'q', 'sort', 'cursor', 'limit', 'status', 'date', 'dim', 'bucket', 'candidates', 'days', 'actor', 'action'];
    it('no GET route answers 5xx to injection strings in any query parameter', async () => {
      const { ROUTES } = await import('../../shared/contracts/roles.js');
      const bad: string[] = [];
      for (const r of ROUTES.filter((x) => x.method === 'GET')) {
        const p = r.path.replace(':id', "1 OR 1=1").replace(':uid', encodeURIComponent("weibo:' OR 1=1"));
        for (const name of PARAMS) {
          for (const v of PAYLOADS) {
            const res = await sys.fetch(`${p}?${name}=${encodeURIComponent(v)}`);
            await res.arrayBuffer();
            if (res.status >= 500) bad.push(`${r.path}?${name}=${v.slice(0, 20)} → ${res.status}`);
          }
        }
      }
      expect(bad).toEqual([]);
    }, 120_000);

    it('no write route answers 5xx to malformed bodies', async () => {
      const { ROUTES } = await import('../../shared/contracts/roles.js');
      const BODIES = ['{', '[]', '"x"', 'null', '{"__proto__":{"polluted":1}}', '['.repeat(5000), JSON.stringify({ username: { $ne: '' }, password: [] }),
        // PostgreSQL text cannot hold U+0000: every field a write route reads, with one in it.
        JSON.stringify({ username: 'a\u0000b', password: 'p\u0000', current: '\u0000', next: 'Nul\u0000-Password-42', displayName: 'd\u0000', roles: ['analyst'], name: 'n\u0000', scope: 'read', uid: 'weibo:\u0000', assignee: 'x\u0000', note: '\u0000', status: 'open', code: '\u0000' })];
      const bad: string[] = [];
      for (const r of ROUTES.filter((x) => x.method !== 'GET' && !/logout/.test(x.path))) {
        for (const body of BODIES) {
          const res = await sys.fetch(r.path.replace(':id', '1').replace(':uid', 'weibo%3Ax'), { method: r.method, body });
          await res.arrayBuffer();
          if (res.status >= 500) bad.push(`${r.method} ${r.path} ${body.slice(0, 20)} → ${res.status}`);
        }
      }
      expect(bad).toEqual([]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  });
});
