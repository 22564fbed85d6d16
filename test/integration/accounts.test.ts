import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage, MeResponse, TokenCreatedResponse } from '../../shared/contracts/auth.js';
import { makeMentions } from '../fixtures/mentions.js';
import { cookieFrom, createTestUser, credentials, login, signInAs } from '../support/accounts.js';
import { newIncident, storyFixture } from '../support/seed.js';
import { eventually, startSystem, type TestSystem } from '../support/system.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let sys: TestSystem;
const url = (p: string) => `${sys.baseUrl}/api/v1${p}`;
const tryLogin = (username: string, password: string, totp?: string) =>
  fetch(url('/auth/login'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password, ...(totp && { totp }) }) });

async function auditRows(q: string): Promise<AuditPage['items']> {
  const auditor = await signInAs(sys.baseUrl, sys.dataDir, ['auditor']);
  const res = await fetch(url(`/audit?${q}`), { headers: auditor.headers() });
  expect(res.status).toBe(200);
  return ((await res.json()) as AuditPage).items;
}

function auditVerify(): { code: number | null; out: string } {
  const r = spawnSync(process.execPath, ['bin/yuqing.mjs', 'audit', 'verify'], { cwd: ROOT, env: { ...process.env, DATA_DIR: sys.dataDir, DATABASE_URL: sys.env.DATABASE_URL ?? '' }, encoding: 'utf8' });
  return { code: r.status, out: r.stdout + r.stderr };
}

beforeAll(async () => {
  sys = await startSystem();
});
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
    expect((await auditRows(`action=auth.login_failed&actor=${u.username}`)).length).toBe(5);
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
  it('rejects future and prehistoric createdAt and non-http(s) urls, keeps the rest', async () => {
    const [good, future, old, js, data] = makeMentions(5, `hostile${Date.now()}`);
    future!.createdAt = '9999-12-31T00:00:00Z';
    old!.createdAt = '2001-01-01T00:00:00Z';
    js!.url = 'javascript:alert(1)';
    data!.url = '=HYPERLINK("http://evil")';
    good!.url = 'https://weibo.com/1/2';
    const res = await sys.postMentions([good, future, old, js, data]);
    expect(res.status).toBe(202);
    const body = (await res.json()) as { accepted: number; rejected: { index: number; error: string }[] };
    expect(body.accepted).toBe(1);
    expect(body.rejected.map((r) => r.index)).toEqual([1, 2, 3, 4]);
    expect(body.rejected[0]!.error).toMatch(/future/);
    expect(body.rejected[2]!.error).toMatch(/url/);
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

  it('records searches with the query and exports with filter and row count; verify detects an edited row', async () => {
    await sys.postMentions(makeMentions(3, `aud${Date.now()}`));
    await sys.drained();
    const analyst = await signInAs(sys.baseUrl, sys.dataDir, ['analyst']);
    expect((await fetch(url(`/mentions?q=${encodeURIComponent('诈骗')}`), { headers: analyst.headers() })).status).toBe(200);
    const csv = await fetch(url('/mentions/export.csv?platform=weibo'), { headers: analyst.headers() });
    const lines = (await csv.text()).trim().split('\r\n').length - 1;
    await eventually(async () => ((await auditRows(`action=mentions.export&actor=${analyst.username}`)).length ? true : undefined), 'the export audited');
    const [search] = await auditRows(`action=mentions.search&actor=${analyst.username}`);
    expect(search?.detail).toMatchObject({ query: { q: '诈骗' } });
    const [exp] = await auditRows(`action=mentions.export&actor=${analyst.username}`);
    expect(exp?.detail).toMatchObject({ filter: { platform: 'weibo' }, rows: lines });

    expect(auditVerify()).toMatchObject({ code: 0 });
    // Behind the application's back: the triggers refuse the edit, so a tamperer drops them first.
    const db = new Database(path.join(sys.dataDir, 'yuqing.db'));
    expect(() => db.prepare("UPDATE audit_log SET actor = 'someone-else' WHERE id = ?").run(exp!.id)).toThrow(/append-only/);
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET actor = 'someone-else' WHERE id = ?").run(exp!.id);
    db.close();
    const broken = auditVerify();
    expect(broken.code).toBe(1);
    expect(broken.out).toContain(`row ${exp!.id}`);
  });
});

describe('idle timeout', () => {
  let short: TestSystem;
  beforeAll(async () => {
    short = await startSystem({ workers: 0, env: { YUQING_SESSION_IDLE_MINUTES: '0.05' } });
  });
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
    const BODIES = ['{', '[]', '"x"', 'null', '{"__proto__":{"polluted":1}}', '['.repeat(5000), JSON.stringify({ username: { $ne: '' }, password: [] })];
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
