import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AlertDeliveryView, AlertView, ContactPointView } from '../../shared/contracts/alerts.js';
import { claimDeliveries, enqueueDeliveries, pendingDeliveries, recordAttempt } from '../../shared/store/repos/alert-outbox.js';
import { RECEIVER_SECRETS, startHttpReceiver } from '../support/receivers.js';
import { newIncident, storyFixture } from '../support/seed.js';
import { BACKENDS, createTestDatabase, stopTestCluster, testStores } from '../support/stores.js';
import { eventually, startSystem, type TestSystem } from '../support/system.js';

afterAll(() => stopTestCluster());

const row = (i: number, at: number) => ({ alert_id: i, contact_point_id: 1, reason: 'alert', message: '{}', rule_quiet: null, next_at: at, created_at: at });

describe.each(BACKENDS)('alert outbox leases (%s)', (backend) => {
  const t = testStores(backend);

  it('gives each due row to one server at a time, and back to another once the lease runs out', async () => {
    const T = Date.UTC(2026, 2, 9, 2, 0, 0);
    await t.store.write((tx) => enqueueDeliveries(tx, Array.from({ length: 30 }, (_, i) => row(i + 1, T))));
    await t.store.write((tx) => enqueueDeliveries(tx, [row(99, T + 60_000)])); // not due yet
    // A second server's handle (the server's store mode: SQLite statements in a thread, so the two
    // really wait on each other's write lock rather than on this thread).
    const other = await t.reopen('read');
    // Two servers claiming at the same moment, in small batches, until nothing is left.
    const claimAll = async (store: typeof other, owner: string) => {
      const got: number[] = [];
      for (;;) {
        const rows = await store.write((tx) => claimDeliveries(tx, owner, T, 10_000, 4));
        if (rows.length === 0) return got;
        got.push(...rows.map((r) => r.id));
      }
    };
    const [a, b] = await Promise.all([claimAll(t.store, 'a'), claimAll(other, 'b')]);
    expect(a.length + b.length).toBe(30);
    expect(new Set([...a, ...b]).size).toBe(30);
    expect(a.filter((id) => b.includes(id))).toEqual([]);

    // Within the lease nobody else gets them; after it, the rows are claimable again.
    expect(await t.store.write((tx) => claimDeliveries(tx, 'c', T + 9_000, 10_000, 100))).toEqual([]);
    const retaken = await t.store.write((tx) => claimDeliveries(tx, 'c', T + 10_001, 10_000, 100));
    expect(retaken.map((r) => r.alert_id).sort((x, y) => x - y)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));

    // The server whose lease ran out cannot record over the new holder.
    const first = retaken[0]!;
    const attempt = { alert_id: first.alert_id, contact_point_id: 1, attempt: 1, status: 'sent', response_code: 200, error: null, at: T + 10_002 };
    expect(await t.store.write((tx) => recordAttempt(tx, first, 'a', attempt, null))).toBe(false);
    expect(await t.store.write((tx) => recordAttempt(tx, first, 'b', attempt, null))).toBe(false);
    expect(await t.store.write((tx) => recordAttempt(tx, first, 'c', attempt, null))).toBe(true);
    expect(await t.count(`SELECT COUNT(*) AS n FROM alert_deliveries WHERE alert_id = ${first.alert_id}`)).toBe(1);
    const pending = await pendingDeliveries(t.store.db);
    expect(pending).toHaveLength(30);
    expect(pending.some((p) => p.id === first.id)).toBe(false);
  });
});

describe.each(BACKENDS)('a delivery in retry survives its server (%s)', (backend) => {
  it('is taken up after a restart and delivered once, with every attempt in the log', async () => {
    const http = await startHttpReceiver();
    const dataDir = mkdtempSync(path.join(tmpdir(), 'yuqing-outbox-'));
    const databaseUrl = backend === 'postgres' ? await createTestDatabase() : undefined;
    let offset = 0;
    const now = () => Date.now() + offset;
    // Retries wait a minute on the injected clock: the first server is stopped before it comes.
    const notify = { now, intervalMs: 200, deliveryPollMs: 100, baseDelayMs: 60_000, attempts: 5, timeoutMs: 3000 };
    const start = () => startSystem({ workers: 0, dataDir, ...(databaseUrl ? { databaseUrl } : {}), notify });
    let sys: TestSystem | undefined;
    try {
      sys = await start();
      const post = async <T,>(p: string, body: unknown) => (await (await sys!.fetch(`/api/v1${p}`, { method: 'POST', body: JSON.stringify(body) })).json()) as T;
      const cp = await post<ContactPointView>('/contact-points', { kind: 'webhook', name: 'flaky', url: `${http.url}/durable`, secret: RECEIVER_SECRETS.webhook });
      await post('/alert-rules', { name: '新谣言事件', condition: { kind: 'new_incident' }, contactPoints: [cp.id] });
      http.failNext('/durable', 1);
      await sys.store.db.insertInto('stories').values(storyFixture('st_durable', now())).execute();
      await sys.store.db.insertInto('incidents').values(newIncident('st_durable', now())).execute();
      const alert = await eventually(async () => (await sys!.getJson<{ items: AlertView[] }>('/api/v1/alerts')).items[0], 'the alert');
      const log = async (s: TestSystem) => ((await (await s.fetch(`/api/v1/alerts/${alert.id}/deliveries`)).json()) as { items: AlertDeliveryView[] }).items;
      await eventually(async () => ((await log(sys!)).length === 1 ? true : undefined), 'the first, failed attempt');
      expect((await log(sys))[0]).toMatchObject({ attempt: 1, status: 'failed', responseCode: 500 });
      await sys.stop();
      sys = undefined;
      expect(http.on('/durable')).toHaveLength(0);

      // Another server (a fresh process's worth of state: new Redis prefix, new outbox owner) after the back-off.
      offset += 5 * 60_000;
      sys = await start();
      await eventually(() => (http.on('/durable').length >= 1 ? true : undefined), 'the retry from the new server');
      await new Promise((r) => setTimeout(r, 1000));
      expect(http.on('/durable')).toHaveLength(1);
      expect(http.on('/durable')[0]?.problem).toBeNull();
      expect((http.on('/durable')[0]?.body as { alertId: number }).alertId).toBe(alert.id);
      const attempts = (await log(sys)).sort((x, y) => x.attempt - y.attempt).map((d) => [d.attempt, d.status, d.responseCode]);
      expect(attempts).toEqual([
        [1, 'failed', 500],
        [2, 'sent', 200],
      ]);
      expect(await pendingDeliveries(sys.store.db)).toEqual([]);
    } finally {
      await sys?.stop();
      await http.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
