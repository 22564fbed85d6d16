import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { AlertView } from '../../shared/contracts/alerts.js';
import type { IncidentList, IncidentLiveEvent } from '../../shared/contracts/incidents.js';
import type { DailySummary } from '../../shared/contracts/views.js';
import type { ClientToServerEvents, LiveDelta, LiveSnapshot, ServerToClientEvents } from '../../shared/contracts/live.js';
import { ROLES } from '../../shared/contracts/roles.js';
import { insertAlert, insertAlertRule } from '../../shared/store/repos/alerts.js';
import { openStore, type Store } from '../../shared/store/store.js';
import { makeMentions, minutesAgoIso } from '../fixtures/mentions.js';
import { closeTestStore, signInAs, useTestStore, type Credentials } from '../support/accounts.js';
import { postgresAvailable } from '../support/postgres-process.js';
import { startServerProcess, startWorkerProcess, type ServerProcess, type WorkerProcess } from '../support/processes.js';
import { createTestDatabase, stopTestCluster } from '../support/stores.js';
import { eventually } from '../support/system.js';
import { rumourOutbreak } from './incidents-outbreak.js';

/**
 * The scale-out deployment as the README describes it: two `yuqing server` and two `yuqing worker`
 * processes, each with its own DATA_DIR (as on separate machines), on one PostgreSQL and one Redis.
 * Sockets are real Socket.IO clients; nothing is mocked.
 */
type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const token = randomBytes(12).toString('hex');
const dirs: string[] = [];
const sockets: LiveSocket[] = [];
const servers: ServerProcess[] = [];
const workers: WorkerProcess[] = [];
let store: Store;
/** The data directory the test's own store handle (for users and alerts) is registered under. */
let usersDir: string;
let auth: Credentials;
let A: ServerProcess;
let B: ServerProcess;

const tempDir = (what: string) => {
  const d = mkdtempSync(path.join(tmpdir(), `yuqing-scale-${what}-`));
  dirs.push(d);
  return d;
};

/** What every live socket heard, in order. */
interface Heard {
  socket: LiveSocket;
  snapshots: LiveSnapshot[];
  deltas: LiveDelta[];
  incidents: IncidentLiveEvent[];
  alerts: AlertView[];
  disconnected: boolean;
}

async function listen(server: ServerProcess, who: Credentials = auth): Promise<Heard> {
  const socket: LiveSocket = connect(server.baseUrl, { transports: ['websocket'], extraHeaders: { cookie: who.cookie }, reconnection: false });
  sockets.push(socket);
  const h: Heard = { socket, snapshots: [], deltas: [], incidents: [], alerts: [], disconnected: false };
  socket.on('snapshot', (s) => h.snapshots.push(s));
  socket.on('delta', (d) => h.deltas.push(d));
  socket.on('incident', (e) => h.incidents.push(e));
  socket.on('alert', (a) => h.alerts.push(a));
  socket.on('disconnect', () => (h.disconnected = true));
  await eventually(() => h.snapshots[0], `a snapshot from ${server.baseUrl}`);
  return h;
}

const post = (server: ServerProcess, mentions: unknown[]) =>
  fetch(`${server.baseUrl}/api/v1/mentions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(mentions),
  });

const as = (who: Credentials) => async (server: ServerProcess, p: string, init: RequestInit = {}) =>
  fetch(`${server.baseUrl}${p}`, { ...init, headers: { ...who.headers(), ...(init.headers as Record<string, string> | undefined) } });

async function getJson<T>(server: ServerProcess, p: string): Promise<T> {
  const res = await as(auth)(server, p);
  expect(res.status, `${server.baseUrl}${p} → ${res.status}`).toBe(200);
  return (await res.json()) as T;
}

const storedOn = async (server: ServerProcess) => (await getJson<{ mentions: number }>(server, '/healthz')).mentions;
const count = async (query: string) => Number((await sql.raw<{ n: string | number }>(query).execute(store.db)).rows[0]?.n ?? 0);

/** Every delta after the socket's snapshot follows it in sequence: nothing doubled, nothing from another server's hub. */
function expectInSequence(h: Heard): void {
  const seqs = [h.snapshots[0]!.seq, ...h.deltas.map((d) => d.seq)];
  for (let i = 1; i < seqs.length; i++) expect(seqs[i], `delta ${i} of ${seqs.length - 1}`).toBe(seqs[i - 1]! + 1);
}

const liveTotal = (h: Heard) => h.snapshots[0]!.totals.total + h.deltas.reduce((n, d) => n + d.totals.total, 0);

describe.skipIf(!postgresAvailable())('two servers and two workers on one PostgreSQL and one Redis', () => {
  beforeAll(async () => {
    const databaseUrl = await createTestDatabase();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'test',
      REDIS_URL: inject('redisUrl'),
      DATABASE_URL: databaseUrl,
      YUQING_REDIS_PREFIX: `t${randomBytes(5).toString('hex')}`,
      YUQING_INGEST_TOKEN: token,
      // The same on every server, as the README asks (sealed contact-point secrets).
      YUQING_NOTIFY_KEY: randomBytes(32).toString('hex'),
      YUQING_JOB_LOCK_MS: '4000',
      YUQING_DEMO: '0',
      YUQING_LOGIN_RATE_PER_MINUTE: '100000',
      // The longest allowed: only the cross-server message can end another server's socket within the test.
      YUQING_SESSION_CHECK_SECONDS: '300',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    };
    // Both servers start at once on the empty database (migrations and the first admin race).
    // Each kept as soon as it runs, so afterAll stops it even when its twin failed to start.
    [A, B] = await Promise.all(['a', 'b'].map(async (n) => {
      const s = await startServerProcess({ ...env, DATA_DIR: tempDir(`server-${n}`) });
      servers.push(s);
      return s;
    })) as [ServerProcess, ServerProcess];
    await Promise.all(['1', '2'].map(async (n) => workers.push(await startWorkerProcess({ ...env, DATA_DIR: tempDir(`worker-${n}`) }))));
    usersDir = tempDir('users');
    store = await openStore({ dataDir: usersDir, databaseUrl, mode: 'write' });
    useTestStore(usersDir, store);
    auth = await signInAs(A.baseUrl, usersDir, ROLES);
  }, 180_000);

  afterAll(async () => {
    for (const s of sockets) s.close();
    // Servers first (they stop taking mentions), then workers finish their batches.
    const serverExits = await Promise.all(servers.map((s) => s.stop()));
    const workerExits = await Promise.all(workers.map((w) => w.stop()));
    await store?.close();
    for (const d of dirs) await closeTestStore(d);
    await stopTestCluster();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    expect([...serverExits, ...workerExits]).toEqual(servers.map(() => 0).concat(workers.map(() => 0)));
  }, 120_000);

  it('a session signed in on one server is valid on the other', async () => {
    for (const server of [A, B]) {
      const me = await getJson<{ user: { username: string } }>(server, '/api/v1/auth/me');
      expect(me.user.username).toBe(auth.username);
    }
  });

  // First, on an empty store: the fixtures' many posts about 人贩子 would otherwise absorb the outbreak's root.
  it('pushes an incident opened by a worker, and commands given on either server, to the sockets of both, once each', async () => {
    const [onA, onB] = await Promise.all([listen(A), listen(B)]);
    const run = `sc${Date.now().toString(36)}`;
    expect((await post(A, rumourOutbreak(run))).status).toBe(202);
    const opened = await eventually(() => onB.incidents.find((e) => e.kind === 'opened'), 'the new incident on B\'s socket');
    expect(opened.incident.story?.rootUid).toBe(`weibo:${run}-root`);
    const id = opened.incident.id;
    const list = await getJson<IncidentList>(B, '/api/v1/incidents');
    expect(list.items.map((i) => i.id)).toEqual([id]);

    const command = (server: ServerProcess, action: string, body: unknown) => as(auth)(server, `/api/v1/incidents/${id}/${action}`, { method: 'POST', body: JSON.stringify(body) });
    expect((await command(A, 'acknowledge', {})).status).toBe(200);
    const acked = await eventually(() => onB.incidents.find((e) => e.incident.id === id && e.incident.acknowledgedAt !== null), 'the acknowledgement on B\'s socket');
    expect(acked.kind).toBe('updated');
    expect((await command(B, 'assign', { assignee: '王警官' })).status).toBe(200);
    for (const h of [onA, onB]) await eventually(() => h.incidents.find((e) => e.incident.assignee === '王警官'), 'the assignment on both sockets');

    // Once each: one server's event never also arrives through the other's hub. (A hub may fold
    // two changes of one tick into one event, so each state is counted, not each command.)
    for (const h of [onA, onB]) {
      const events = h.incidents.filter((e) => e.incident.id === id);
      expect(events.filter((e) => e.kind === 'opened')).toHaveLength(1);
      const states = events.map((e) => JSON.stringify([e.kind, e.incident.status, e.incident.acknowledgedAt, e.incident.assignee]));
      expect(states).toEqual([...new Set(states)]);
    }
  });

  it('stores every accepted mention exactly once, whichever server took it, and both servers read the same numbers', async () => {
    const live = await Promise.all([listen(A), listen(B)]);
    const before = await storedOn(A);
    const onlyA = makeMentions(600, 'sa');
    const onlyB = makeMentions(600, 'sb');
    const both = makeMentions(300, 'both');
    const retried = makeMentions(200, 'retry');
    const answers = await Promise.all([post(A, onlyA), post(B, onlyB), post(A, both), post(B, both), post(B, retried)]);
    // The client did not see the answer and posts the same batch again, to the other server.
    answers.push(await post(A, retried));
    for (const r of answers) expect(r.status).toBe(202);
    const accepted = (await Promise.all(answers.map((r) => r.json() as Promise<{ accepted: number }>))).reduce((n, b) => n + b.accepted, 0);
    expect(accepted).toBe(600 + 600 + 300 * 2 + 200 * 2);
    const distinct = before + 600 + 600 + 300 + 200;

    await eventually(async () => ((await storedOn(A)) === distinct && (await storedOn(B)) === distinct ? true : undefined), `${distinct} stored`, 90_000);
    await eventually(async () => {
      const h = await getJson<{ queue: { waiting: number; active: number } }>(A, '/healthz');
      return h.queue.waiting + h.queue.active === 0 ? true : undefined;
    }, 'the queue drained');
    expect(await count('SELECT COUNT(*) AS n FROM mentions')).toBe(distinct);
    expect(await count('SELECT COUNT(DISTINCT uid) AS n FROM mentions')).toBe(distinct);
    expect(await count('SELECT COUNT(*) AS n FROM mention_keys')).toBe(distinct);
    for (const table of ['agg_minute', 'agg_hour', 'agg_day']) {
      expect(await count(`SELECT SUM(n) AS n FROM ${table} WHERE dim = 'all'`), table).toBe(distinct);
    }

    // The same answers from either server.
    const from = encodeURIComponent(minutesAgoIso(60));
    const to = encodeURIComponent(minutesAgoIso(-5));
    for (const p of [
      '/api/v1/summary',
      `/api/v1/stats/series?from=${from}&to=${to}&bucket=minute`,
      `/api/v1/stats/breakdown?from=${from}&to=${to}&dim=sentiment`,
      `/api/v1/stats/breakdown?from=${from}&to=${to}&dim=topic`,
      '/api/v1/mentions?limit=100',
    ]) {
      const [a, b] = await Promise.all([getJson<unknown>(A, p), getJson<unknown>(B, p)]);
      expect(b, p).toEqual(a);
    }
    const summary = await getJson<DailySummary>(A, '/api/v1/summary');
    expect(summary.totals.total).toBe(distinct);

    // Each dashboard's own server sent it the live numbers, in sequence, adding up to the store.
    for (const h of live) {
      await eventually(() => (liveTotal(h) === distinct ? true : undefined), 'the live total to reach the stored count');
      expectInSequence(h);
    }
  });

  it('sends a dashboard on server A the live deltas of mentions posted to server B', async () => {
    const onA = await listen(A);
    const before = liveTotal(onA);
    const batch = makeMentions(150, 'live');
    expect((await post(B, batch)).status).toBe(202);
    await eventually(() => (liveTotal(onA) === before + 150 ? true : undefined), 'A\'s dashboard to count what B took');
    expectInSequence(onA);
  });

  it('delivers an alert acknowledged on one server to the dashboards of both, once each', async () => {
    const [onA, onB] = await Promise.all([listen(A), listen(B)]);
    const t = Date.now();
    const config = { name: '袭警', severity: 'critical', condition: { kind: 'keyword', rules: [{ any: ['袭警'] }] }, contactPoints: [] };
    const alert = await store.write(async (tx) => {
      const ruleId = await insertAlertRule(tx, JSON.stringify(config), true, t, 'test');
      return insertAlert(tx, {
        rule_id: ruleId, rule_version: 1, rule_name: '袭警', kind: 'keyword', severity: 'critical', key: 'kw', title: '袭警', body: '网传袭警',
        link: '/analyst?q=袭警', opened_at: t, last_true_at: t, resolved_at: null, acknowledged_at: null, acknowledged_by: null, escalated_at: null,
      });
    });
    expect((await as(auth)(B, `/api/v1/alerts/${alert!.id}/ack`, { method: 'POST' })).status).toBe(200);
    for (const h of [onA, onB]) await eventually(() => h.alerts.find((a) => a.id === alert!.id), 'the acknowledged alert on both sockets');
    // A later incident-free tick on both servers: by then a second copy would have arrived.
    await eventually(() => (onA.deltas.length >= 2 && onB.deltas.length >= 2 ? true : undefined), 'two more ticks');
    for (const h of [onA, onB]) expect(h.alerts.filter((a) => a.id === alert!.id)).toHaveLength(1);
  });

  it('ends the sockets of a session signed out on the other server at once', async () => {
    const other = await signInAs(A.baseUrl, usersDir, ['duty_officer']);
    const onB = await listen(B, other);
    expect((await as(other)(A, '/api/v1/auth/logout', { method: 'POST' })).status).toBeLessThan(300);
    // The periodic check runs every 5 minutes here: only the servers' own message can do this in time.
    await eventually(() => (onB.disconnected ? true : undefined), 'B to end the signed-out socket');
    expect((await as(other)(B, '/api/v1/auth/me')).status).toBe(401);
  });
});
