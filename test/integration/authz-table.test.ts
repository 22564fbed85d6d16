import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '../../shared/contracts/auth.js';
import { can, findRoute, ROLES, ROUTES, SOCKET_EVENTS, TOKEN_SCOPE_PERMISSIONS, type Role, type RouteEntry } from '../../shared/contracts/roles.js';
import { login, signInAs, type Credentials } from '../support/accounts.js';
import { BACKENDS, createTestDatabase, stopTestCluster } from '../support/stores.js';
import { startSystem, type TestSystem } from '../support/system.js';

/**
 * The ROUTE table, enforced: every route × every kind of caller gets the answer the table says
 * (allowed: anything but 401/403; refused: 401 or 403), and every route express registers has a rule.
 */
type Caller =
  | { kind: 'role'; role: Role; creds: Credentials }
  | { kind: 'anonymous' }
  | { kind: 'revoked'; creds: Credentials }
  | { kind: 'read-token'; token: string }
  | { kind: 'ingest-token'; token: string }
  | { kind: 'metrics-token'; token: string };

function expected(c: Caller, r: RouteEntry): boolean {
  if (r.rule === 'public') return true;
  if (r.rule === 'ingest-token') return c.kind === 'ingest-token';
  // The system below allows no network (YUQING_METRICS_ALLOW=none): only the token opens /metrics.
  if (r.rule === 'metrics-token') return c.kind === 'metrics-token';
  if (c.kind === 'role') return can([c.role], r.rule);
  if (c.kind === 'read-token') return TOKEN_SCOPE_PERMISSIONS.read.includes(r.rule);
  return false;
}

const name = (c: Caller) => (c.kind === 'role' ? c.role : c.kind);
const concrete = (path: string) => path.replace(':id', '999999').replace(':uid', encodeURIComponent('weibo:authz-none'));

afterAll(() => stopTestCluster());

describe.each(BACKENDS)('authorization (%s)', (backend) => {
  let sys: TestSystem;
  const callers: Caller[] = [];

  async function call(c: Caller, r: RouteEntry): Promise<number> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    let creds: Credentials | undefined;
    if (c.kind === 'role' || c.kind === 'revoked') creds = c.creds;
    // Signing out ends the session the other rows need: those two get a session of their own.
    if (c.kind === 'role' && /\/auth\/logout/.test(r.path)) creds = await signInAs(sys.baseUrl, sys.dataDir, [c.role]);
    if (creds) Object.assign(headers, { cookie: creds.cookie, [CSRF_HEADER]: creds.csrfToken });
    if (c.kind === 'read-token' || c.kind === 'ingest-token' || c.kind === 'metrics-token') headers.authorization = `Bearer ${c.token}`;
    const body = r.method === 'GET' ? undefined : r.path.endsWith('/mentions') ? '[]' : '{}';
    const res = await fetch(`${sys.baseUrl}${concrete(r.path)}`, { method: r.method, headers, ...(body !== undefined && { body }) });
    await res.arrayBuffer();
    return res.status;
  }

  beforeAll(async () => {
    const databaseUrl = backend === 'postgres' ? await createTestDatabase() : undefined;
    sys = await startSystem({ workers: 0, env: { YUQING_METRICS_ALLOW: 'none' }, ...(databaseUrl ? { databaseUrl } : {}) });
    for (const role of ROLES) callers.push({ kind: 'role', role, creds: await signInAs(sys.baseUrl, sys.dataDir, [role]) });
    callers.push({ kind: 'anonymous' });
    const revoked = await signInAs(sys.baseUrl, sys.dataDir, ['analyst', 'duty_officer', 'leader', 'admin', 'auditor']);
    expect((await fetch(`${sys.baseUrl}/api/v1/auth/logout`, { method: 'POST', headers: revoked.headers() })).status).toBe(204);
    callers.push({ kind: 'revoked', creds: revoked });
    const read = await sys.fetch('/api/v1/tokens', { method: 'POST', body: JSON.stringify({ name: 'authz read', scope: 'read' }) });
    expect(read.status).toBe(201);
    callers.push({ kind: 'read-token', token: ((await read.json()) as { token: string }).token });
    callers.push({ kind: 'ingest-token', token: sys.token });
    const metrics = await sys.fetch('/api/v1/tokens', { method: 'POST', body: JSON.stringify({ name: 'authz metrics', scope: 'metrics' }) });
    expect(metrics.status).toBe(201);
    callers.push({ kind: 'metrics-token', token: ((await metrics.json()) as { token: string }).token });
  }, 120_000);
  afterAll(async () => {
    await sys?.stop();
  });

  describe('the ROUTE table is what the server enforces', () => {
    it('has a rule for every route express registered, and every rule names a registered route', () => {
      const declared = sys.app.routes().filter((r) => r.method !== 'HEAD');
      expect(declared.length).toBeGreaterThanOrEqual(ROUTES.filter((r) => !r.subtree).length);
      const missing = declared.filter((d) => findRoute(d.method, d.path)?.path !== d.path).map((d) => `${d.method} ${d.path}`);
      expect(missing, 'routes without a rule in shared/contracts/roles.ts').toEqual([]);
      // A subtree rule guards a mounted app (the queue board) whose own routes express does not list;
      // the walk below still calls it as every caller.
      const stale = ROUTES.filter((r) => !r.subtree && !declared.some((d) => d.method === r.method && d.path === r.path)).map((r) => `${r.method} ${r.path}`);
      expect(stale, 'rules for routes that do not exist').toEqual([]);
    });

    it('answers every route × caller as the table says', async () => {
      const wrong: string[] = [];
      for (const r of ROUTES) {
        for (const c of callers) {
          const status = await call(c, r);
          const allowed = status !== 401 && status !== 403;
          if (allowed !== expected(c, r)) wrong.push(`${r.method} ${r.path} as ${name(c)}: ${status}, table says ${expected(c, r) ? 'allow' : 'deny'}`);
          if (status >= 500) wrong.push(`${r.method} ${r.path} as ${name(c)}: ${status}`);
        }
      }
      expect(wrong).toEqual([]);
    });

    it('refuses an API route that has no rule', async () => {
      expect((await sys.fetch('/api/v1/no-such-route')).status).toBe(403);
      expect((await fetch(`${sys.baseUrl}/api/v1/mentions`, { method: 'DELETE' })).status).toBe(403);
    });
  });

  describe('the live channel is what the table says', () => {
    const open = (headers: Record<string, string>) =>
      new Promise<{ socket: Socket; ok: boolean; error?: string }>((resolve) => {
        const socket = connect(sys.baseUrl, { transports: ['websocket'], extraHeaders: headers, reconnection: false });
        socket.once('connect', () => resolve({ socket, ok: true }));
        socket.once('connect_error', (err) => resolve({ socket, ok: false, error: err.message }));
      });

    it('connects exactly the callers whose roles allow it; resync answers with a snapshot', async () => {
      for (const c of callers) {
        const headers: Record<string, string> = c.kind === 'role' || c.kind === 'revoked' ? { cookie: c.creds.cookie } : c.kind === 'anonymous' ? {} : { authorization: `Bearer ${c.token}` };
        const { socket, ok } = await open(headers);
        const should = c.kind === 'role' && can([c.role], SOCKET_EVENTS.clientToServer.connection);
        expect(ok, `socket as ${name(c)}`).toBe(should);
        if (ok) {
          const snap = new Promise((resolve) => socket.once('snapshot', resolve));
          socket.emit('resync');
          await snap;
        }
        socket.close();
      }
    });

    it('refuses a foreign Origin even with a valid session', async () => {
      const officer = callers.find((c) => c.kind === 'role' && c.role === 'duty_officer') as Extract<Caller, { kind: 'role' }>;
      const { socket, ok } = await open({ cookie: officer.creds.cookie, origin: 'http://evil.example' });
      expect(ok).toBe(false);
      socket.close();
    });

    it('disconnects the sockets of a session that ends', async () => {
      const u = await signInAs(sys.baseUrl, sys.dataDir, ['duty_officer']);
      const again = await login(sys.baseUrl, u.username, u.password);
      const { socket, ok } = await open({ cookie: u.cookie });
      expect(ok).toBe(true);
      const gone = new Promise<string>((resolve) => socket.once('disconnect', resolve));
      // Ended from another session of the same user: every session goes.
      expect((await fetch(`${sys.baseUrl}/api/v1/auth/logout-all`, { method: 'POST', headers: again.headers() })).status).toBe(204);
      expect(await gone).toMatch(/server/);
      socket.close();
    });
  });
});
