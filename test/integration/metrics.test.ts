import { Redis } from 'ioredis';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { WORKER_METRICS, workerMetricsIndexKey, workerMetricsKey } from '../../shared/contracts/metrics.js';
import { readWorkerSnapshots } from '../../server/metrics/worker-snapshots.js';
import { makeMentions } from '../fixtures/mentions.js';
import { signInAs } from '../support/accounts.js';
import { parsePrometheusText, type Scrape } from '../support/prometheus-text.js';
import { RECEIVER_SECRETS, startHttpReceiver, type HttpReceiver } from '../support/receivers.js';
import { eventually, startSystem, type TestSystem } from '../support/system.js';

async function newToken(sys: TestSystem, scope: 'metrics' | 'read'): Promise<string> {
  const res = await sys.fetch('/api/v1/tokens', { method: 'POST', body: JSON.stringify({ name: `metrics test ${scope}`, scope }) });
  expect(res.status).toBe(201);
  return ((await res.json()) as { token: string }).token;
}

async function scrape(sys: TestSystem, headers: Record<string, string>): Promise<Scrape> {
  const res = await fetch(`${sys.baseUrl}/metrics`, { headers });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return parsePrometheusText(await res.text());
}

describe('GET /metrics with an allow-list that excludes this host (a metrics token needed)', () => {
  let sys: TestSystem;
  let token: string;
  let receiver: HttpReceiver;
  const asToken = () => scrape(sys, { authorization: `Bearer ${token}` });

  beforeAll(async () => {
    sys = await startSystem({ workers: 1, env: { YUQING_METRICS_ALLOW: '10.0.0.0/8' } });
    token = await newToken(sys, 'metrics');
    receiver = await startHttpReceiver();
  });
  afterAll(async () => {
    await sys?.stop();
    await receiver?.close();
  });

  it('refuses anonymous callers, other tokens and signed-in users', async () => {
    expect((await fetch(`${sys.baseUrl}/metrics`)).status).toBe(401);
    const read = await newToken(sys, 'read');
    expect((await fetch(`${sys.baseUrl}/metrics`, { headers: { authorization: `Bearer ${read}` } })).status).toBe(403);
    expect((await fetch(`${sys.baseUrl}/metrics`, { headers: { authorization: `Bearer ${sys.token}` } })).status).toBe(403);
    expect((await sys.fetch('/metrics')).status).toBe(403);
    expect((await fetch(`${sys.baseUrl}/metrics`, { headers: { authorization: 'Bearer not-a-token-at-all' } })).status).toBe(403);
  });

  it('counts ingest, queue, store, worker latency, deliveries and sockets as they happen', async () => {
    const before = await asToken();
    expect(before.sum('yuqing_ingest_mentions_total', { source: 'api', outcome: 'accepted' })).toBe(0);
    expect(before.find('yuqing_process_cpu_user_seconds_total')).toHaveLength(1);
    expect(before.types.get('yuqing_worker_tagging_seconds')).toBe('histogram');

    const good = makeMentions(30, 'metrics');
    const res = await sys.postMentions([...good, { id: 'bad', platform: 'weibo' }, 7]);
    expect(res.status).toBe(202);
    expect((await res.json()) as { accepted: number }).toMatchObject({ accepted: 30 });
    const refused = await fetch(`${sys.baseUrl}/api/v1/mentions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[]' });
    expect(refused.status).toBe(401);
    await eventually(async () => ((await sys.storedCount()) === 30 ? true : undefined), '30 stored');
    await sys.drained();

    // The worker writes its snapshot at most a second after the batch.
    const m = await eventually(async () => {
      const s = await asToken();
      return s.sum('yuqing_worker_mentions_total', { outcome: 'stored' }) === 30 ? s : undefined;
    }, 'the worker reporting its batch');
    expect(m.sum('yuqing_ingest_mentions_total', { source: 'api', outcome: 'accepted' })).toBe(30);
    expect(m.sum('yuqing_ingest_mentions_total', { source: 'api', outcome: 'rejected' })).toBe(2);
    expect(m.sum('yuqing_ingest_requests_total', { code: '202' })).toBe(1);
    expect(m.sum('yuqing_ingest_requests_total', { code: '401' })).toBe(1);
    expect(m.sum('yuqing_mentions_stored')).toBe(30);
    for (const state of ['waiting', 'active', 'delayed', 'failed']) expect(m.sum('yuqing_queue_jobs', { queue: 'mentions', state }), state).toBe(0);
    expect(m.sum('yuqing_queue_oldest_waiting_seconds', { queue: 'mentions' })).toBe(0);
    expect(m.sum('yuqing_workers_reporting')).toBe(1);

    const workers = new Set(m.find('yuqing_worker_tagging_seconds_count').map((s) => s.labels.worker));
    expect(workers.size).toBe(1);
    expect(m.sum('yuqing_worker_tagging_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(m.sum('yuqing_worker_tagging_seconds_sum')).toBeGreaterThan(0);
    expect(m.sum('yuqing_worker_mentions_tagged_total')).toBe(30);
    expect(m.sum('yuqing_worker_store_write_seconds_count')).toBe(m.sum('yuqing_worker_tagging_seconds_count'));
    expect(m.sum('yuqing_worker_store_write_seconds_bucket', { le: '+Inf' })).toBe(m.sum('yuqing_worker_store_write_seconds_count'));
    expect(m.sum('yuqing_worker_batches_total', { result: 'ok' })).toBe(m.sum('yuqing_worker_tagging_seconds_count'));
    expect(m.find('yuqing_worker_process_resident_memory_bytes')).toHaveLength(1);

    // A delivery attempt is counted by channel and outcome (read from the store).
    const cp = await sys.fetch('/api/v1/contact-points', {
      method: 'POST',
      body: JSON.stringify({ kind: 'webhook', name: 'metrics hook', url: `${receiver.url}/hook`, secret: RECEIVER_SECRETS.webhook }),
    });
    expect(cp.status).toBe(201);
    const { id } = (await cp.json()) as { id: number };
    expect((await sys.fetch(`/api/v1/contact-points/${id}/test`, { method: 'POST', body: '{}' })).status).toBe(200);
    // Scrapes at the same moment each see it once (the store-read totals are rebuilt per reading).
    for (const s of await Promise.all([asToken(), asToken(), asToken()])) {
      expect(s.sum('yuqing_alert_delivery_attempts_total', { channel: 'webhook', outcome: 'sent' })).toBe(1);
    }

    const sockets = (await asToken()).sum('yuqing_socket_clients');
    const socket = connect(sys.baseUrl, { ...sys.socketOptions(), reconnection: false });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    await eventually(async () => ((await asToken()).sum('yuqing_socket_clients') === sockets + 1 ? true : undefined), 'the socket counted');
    socket.close();
    await eventually(async () => ((await asToken()).sum('yuqing_socket_clients') === sockets ? true : undefined), 'the socket gone');
  });

  it('drops the series of a worker that died once its snapshot expires', async () => {
    const w = sys.workers[0]!;
    w.process.kill('SIGKILL');
    await w.exited;
    // Within the snapshot's TTL it still reports (it may have just written); after it, never again.
    const gone = await eventually(
      async () => {
        const s = await asToken();
        return s.sum('yuqing_workers_reporting') === 0 ? s : undefined;
      },
      'the dead worker no longer reported',
      WORKER_METRICS.ttlMs * 3,
    );
    expect(gone.find('yuqing_worker_tagging_seconds_count')).toEqual([]);
    expect(gone.sum('yuqing_mentions_stored')).toBe(30);
  });

  it('reads only snapshots within their TTL and skips what is not a snapshot', async () => {
    const redis = new Redis(inject('redisUrl'));
    const prefix = `tm${process.pid}`;
    try {
      const now = Date.now();
      const snap = (worker: string) => JSON.stringify({ v: 1, worker, at: now, metrics: [] });
      await redis.set(workerMetricsKey(prefix, 'alive'), snap('alive'), 'PX', 60_000);
      await redis.set(workerMetricsKey(prefix, 'dead'), snap('dead'), 'PX', 60_000);
      await redis.set(workerMetricsKey(prefix, 'junk'), '{"v":2}', 'PX', 60_000);
      await redis.zadd(workerMetricsIndexKey(prefix), now + 10_000, workerMetricsKey(prefix, 'alive'), now - 1, workerMetricsKey(prefix, 'dead'), now + 10_000, workerMetricsKey(prefix, 'junk'));
      const r = await readWorkerSnapshots(redis, prefix, now);
      expect(r.snapshots.map((s) => s.worker)).toEqual(['alive']);
      expect(r.unreadable).toBe(1);
      // The expired entry left the index.
      expect(await redis.zscore(workerMetricsIndexKey(prefix), workerMetricsKey(prefix, 'dead'))).toBeNull();
    } finally {
      await redis.del(workerMetricsIndexKey(prefix), workerMetricsKey(prefix, 'alive'), workerMetricsKey(prefix, 'dead'), workerMetricsKey(prefix, 'junk'));
      redis.disconnect();
    }
  });

  it('serves the queue board to administrators only, with its own CSP and a CSRF cookie for its writes', async () => {
    const admin = await signInAs(sys.baseUrl, sys.dataDir, ['admin']);
    const page = await fetch(`${sys.baseUrl}/admin/queues`, { headers: { cookie: admin.cookie } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toMatch(/<base href="\/admin\/queues\/"/);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/style-src 'self' 'unsafe-inline'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    const xsrf = /XSRF-TOKEN=([^;]+);[^,]*Path=\/admin\/queues/i.exec(page.headers.get('set-cookie') ?? '');
    expect(xsrf?.[1]).toBe(admin.csrfToken);
    // Its script files are served (relative to <base>).
    const script = /src="(static\/js\/main\.[^"]+)"/.exec(html)?.[1];
    expect((await fetch(`${sys.baseUrl}/admin/queues/${script}`, { headers: { cookie: admin.cookie } })).status).toBe(200);
    // Everywhere else the strict policy stays.
    const dash = await fetch(`${sys.baseUrl}/healthz`);
    expect(dash.headers.get('content-security-policy')).toMatch(/style-src 'self'(;|$)/);

    const api = await fetch(`${sys.baseUrl}/admin/queues/api/queues`, { headers: { cookie: admin.cookie } });
    expect(api.status).toBe(200);
    expect(((await api.json()) as { queues: { name: string }[] }).queues.map((q) => q.name)).toEqual(['mentions']);
    // Writes need the session's token, in the board's own header.
    const pause = (headers: Record<string, string>) => fetch(`${sys.baseUrl}/admin/queues/api/queues/mentions/pause`, { method: 'PUT', headers: { cookie: admin.cookie, ...headers } });
    expect((await pause({})).status).toBe(403);
    expect((await pause({ 'x-xsrf-token': 'wrong' })).status).toBe(403);
    expect((await pause({ 'x-xsrf-token': admin.csrfToken })).status).toBe(200);
    const paused = await fetch(`${sys.baseUrl}/admin/queues/api/queues`, { headers: { cookie: admin.cookie } });
    expect(((await paused.json()) as { queues: { isPaused: boolean }[] }).queues[0]?.isPaused).toBe(true);
    const resume = await fetch(`${sys.baseUrl}/admin/queues/api/queues/mentions/resume`, { method: 'PUT', headers: { cookie: admin.cookie, 'x-xsrf-token': admin.csrfToken } });
    expect(resume.status).toBe(200);

    const analyst = await signInAs(sys.baseUrl, sys.dataDir, ['analyst']);
    expect((await fetch(`${sys.baseUrl}/admin/queues`, { headers: { cookie: analyst.cookie } })).status).toBe(403);
    expect((await fetch(`${sys.baseUrl}/admin/queues/api/queues`, { headers: { cookie: analyst.cookie } })).status).toBe(403);
    expect((await fetch(`${sys.baseUrl}/admin/queues`)).status).toBe(401);
    expect((await fetch(`${sys.baseUrl}/admin/queues/api/queues`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(403);
  });
});

describe('GET /metrics from an allowed network (the default: loopback)', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await startSystem({ workers: 0 });
  });
  afterAll(async () => sys?.stop());

  it('answers without a token, shows waiting jobs and their age, and gives no network access through an unknown proxy', async () => {
    expect((await sys.postMentions(makeMentions(3, 'waiting'))).status).toBe(202);
    const m = await eventually(async () => {
      const s = await scrape(sys, {});
      return s.sum('yuqing_queue_oldest_waiting_seconds', { queue: 'mentions' }) > 0 ? s : undefined;
    }, 'an aged waiting job');
    expect(m.sum('yuqing_queue_jobs', { state: 'waiting' })).toBe(1);
    expect(m.sum('yuqing_workers_reporting')).toBe(0);
    expect(m.sum('yuqing_ingest_mentions_total', { outcome: 'accepted' })).toBe(3);
    // Without YUQING_TRUST_PROXY a forwarded request's peer (a proxy on this host) says nothing of its client.
    expect((await fetch(`${sys.baseUrl}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.9' } })).status).toBe(401);
  });
});
