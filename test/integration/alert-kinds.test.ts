import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertView, ContactPointView } from '../../shared/contracts/alerts.js';
import { applyAggregateDeltas, type AggregateDelta } from '../../shared/store/repos/aggregates.js';
import { RECEIVER_SECRETS, startHttpReceiver, type HttpReceiver } from '../support/receivers.js';
import { newIncident, storyFixture } from '../support/seed.js';
import { BACKENDS, createTestDatabase, stopTestCluster } from '../support/stores.js';
import { eventually, startSystem, type TestSystem } from '../support/system.js';

afterAll(() => stopTestCluster());

const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;

/**
 * The rule kinds that read what the workers leave in the store — the per-minute rollup (share
 * surges), incidents (new ones, response clocks) and stories' answer effects — on each backend,
 * through the real server, evaluator, outbox and a local webhook receiver. The rows are written
 * straight into the store as the workers would; time is an injected clock, never a sleep.
 */
describe.each(BACKENDS)('alert kinds (%s)', (backend) => {
  let sys: TestSystem;
  let http: HttpReceiver;
  let hook: ContactPointView;
  let offset = 0;
  const now = () => Date.now() + offset;

  beforeAll(async () => {
    http = await startHttpReceiver();
    const databaseUrl = backend === 'postgres' ? await createTestDatabase() : undefined;
    sys = await startSystem({ workers: 0, ...(databaseUrl ? { databaseUrl } : {}), notify: { now, intervalMs: 200, deliveryPollMs: 100, baseDelayMs: 20, attempts: 3, timeoutMs: 3000 } });
    hook = await create<ContactPointView>('/contact-points', { kind: 'webhook', name: 'hook', url: `${http.url}/hook`, secret: RECEIVER_SECRETS.webhook });
  }, 120_000);
  afterAll(async () => {
    await sys?.stop();
    await http?.close();
  });

  async function create<T>(path: string, body: unknown): Promise<T> {
    const res = await sys.fetch(`/api/v1${path}`, { method: 'POST', body: JSON.stringify(body) });
    const out = (await res.json()) as T;
    expect(res.status, JSON.stringify(out)).toBe(201);
    return out;
  }
  const rule = (body: Record<string, unknown>) => create<{ id: number }>('/alert-rules', { contactPoints: [hook.id], ...body });
  const alertsOf = async (ruleId: number) => (await sys.getJson<{ items: AlertView[] }>('/api/v1/alerts?state=all&limit=200')).items.filter((a) => a.ruleId === ruleId);
  const hooked = (alertId: number) => http.on('/hook').filter((r) => (r.body as { alertId?: number }).alertId === alertId);
  /** Several more evaluator ticks and outbox polls, to show that nothing more happens. */
  const moreTicks = () => new Promise((r) => setTimeout(r, 1200));
  const waitFor = (ruleId: number, n: number, what: string) =>
    eventually(async () => {
      const a = await alertsOf(ruleId);
      return a.length >= n && a.every((x) => hooked(x.id).length >= 1) ? a : undefined;
    }, what, 20_000);

  it('share_surge: a jump in the negative share raises one alert; an unchanged critical share none', async () => {
    const negative = await rule({ name: '负面占比', condition: { kind: 'share_surge', share: 'negative', windowMinutes: 10, minTotal: 30, minRise: 0.15 } });
    const critical = await rule({ name: '严重占比', condition: { kind: 'share_surge', share: 'critical', windowMinutes: 10, minTotal: 30, minRise: 0.15 } });
    const d = (at: number, dim: string, key: string, n: number): AggregateDelta => ({ at, dim, key, n });
    const at = now() - 2 * 60_000;
    const deltas = [d(at, 'all', '*', 60), d(at, 'sentiment', 'negative', 40), d(at, 'critical', '1', 6)];
    // The same window in each of the last 4 weeks: 10 % negative, 10 % critical.
    for (let w = 1; w <= 4; w++) deltas.push(d(at - w * WEEK, 'all', '*', 100), d(at - w * WEEK, 'sentiment', 'negative', 10), d(at - w * WEEK, 'critical', '1', 10));
    await sys.store.write((tx) => applyAggregateDeltas(tx, deltas));
    const [a] = await waitFor(negative.id, 1, 'a negative share alert');
    await moreTicks();
    expect(await alertsOf(negative.id)).toHaveLength(1);
    expect(hooked(a!.id)).toHaveLength(1);
    expect(a!.title).toContain('负面占比上升：67%');
    expect(hooked(a!.id)[0]?.problem).toBeNull();
    expect(await alertsOf(critical.id)).toHaveLength(0);
  });

  it('new_incident: each incident opened raises its own alert, once', async () => {
    const r = await rule({ name: '新谣言事件', severity: 'critical', condition: { kind: 'new_incident' } });
    await sys.store.db.insertInto('stories').values([storyFixture('st_new1', now()), storyFixture('st_new2', now())]).execute();
    const first = (await sys.store.db.insertInto('incidents').values(newIncident('st_new1', now())).returning('id').executeTakeFirstOrThrow()).id;
    await waitFor(r.id, 1, 'the first incident alert');
    const second = (await sys.store.db.insertInto('incidents').values(newIncident('st_new2', now())).returning('id').executeTakeFirstOrThrow()).id;
    const alerts = await waitFor(r.id, 2, 'the second incident alert');
    await moreTicks();
    expect(await alertsOf(r.id)).toHaveLength(2);
    expect(alerts.map((a) => a.link).sort()).toEqual([`/incidents/${first}`, `/incidents/${second}`].sort());
    for (const a of alerts) expect(hooked(a.id)).toHaveLength(1);
    expect(alerts[0]?.severity).toBe('critical');
  });

  it('answer_ineffective: a story that kept growing after the official answer alerts, one that calmed down does not', async () => {
    const r = await rule({ name: '辟谣无效', condition: { kind: 'answer_ineffective', minRatio: 1, minAfterResponses: 5 } });
    const phase = (responses: number) => ({ responses, denies: 0, queries: 0, spreaderFollowers: 0, minutes: 10 });
    const signals = (before: number, after: number) => JSON.stringify({ v: 1, beforeAnswer: phase(before), afterAnswer: phase(after) });
    await sys.store.db
      .insertInto('stories')
      .values([
        { ...storyFixture('st_grew', now()), text: '网传水源被投毒', signals: signals(10, 30) },
        { ...storyFixture('st_calm', now()), text: '网传地铁停运', signals: signals(30, 6) },
      ])
      .execute();
    const incident = (await sys.store.db.insertInto('incidents').values({ ...newIncident('st_grew', now() - HOUR), closed_at: null }).returning('id').executeTakeFirstOrThrow()).id;
    const [a] = await waitFor(r.id, 1, 'an ineffective-answer alert');
    await moreTicks();
    const all = await alertsOf(r.id);
    expect(all).toHaveLength(1);
    expect(a!.title).toContain('网传水源被投毒');
    expect(a!.link).toBe(`/incidents/${incident}`);
    expect(a!.body).toContain('每分钟 3 条（回应前 1 条）');
  });

  it("a rule's quiet hours hold back its non-critical alerts (logged as suppressed), never a critical one", async () => {
    const h = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', hourCycle: 'h23' }).format(now()));
    const pad = (x: number) => String((x + 24) % 24).padStart(2, '0') + ':00';
    const quietHours = { start: pad(h - 1), end: pad(h + 2) };
    const quiet = await rule({ name: '夜间（提示）', severity: 'warning', quietHours, condition: { kind: 'new_incident' } });
    const loud = await rule({ name: '夜间（紧急）', severity: 'critical', quietHours, condition: { kind: 'new_incident' } });
    await sys.store.db.insertInto('stories').values(storyFixture('st_quiet', now())).execute();
    await sys.store.db.insertInto('incidents').values(newIncident('st_quiet', now())).execute();
    const [held] = await eventually(async () => {
      const a = await alertsOf(quiet.id);
      if (a.length === 0) return undefined;
      const log = (await (await sys.fetch(`/api/v1/alerts/${a[0]!.id}/deliveries`)).json()) as { items: { status: string }[] };
      return log.items.length ? a : undefined;
    }, 'the held-back alert');
    const [sent] = await waitFor(loud.id, 1, 'the critical alert');
    await moreTicks();
    expect(hooked(held!.id)).toHaveLength(0);
    const log = (await (await sys.fetch(`/api/v1/alerts/${held!.id}/deliveries`)).json()) as { items: { status: string; contactPointId: number }[] };
    expect(log.items).toEqual([expect.objectContaining({ status: 'suppressed', contactPointId: hook.id })]);
    expect(hooked(sent!.id)).toHaveLength(1);
  });

  it('response_clock: near and past the 5 h, 24 h and 48 h marks, driven by the clock', async () => {
    const r = await rule({ name: '响应时限', condition: { kind: 'response_clock', marks: [5, 24, 48], warnBeforeMinutes: 60 }, cooldownMinutes: 0 });
    await sys.store.db.insertInto('stories').values(storyFixture('st_clock', now())).execute();
    const opened = now() - 4.5 * HOUR;
    const id = (await sys.store.db.insertInto('incidents').values(newIncident('st_clock', opened)).returning('id').executeTakeFirstOrThrow()).id;
    // The other tests' incidents run too: only this one's alerts are looked at.
    const mine = async () => (await alertsOf(r.id)).filter((a) => a.link === `/incidents/${id}`);
    const titles = async () => (await mine()).map((a) => a.title);
    const at = async (hoursAfterOpen: number, n: number, what: string) => {
      offset += opened + hoursAfterOpen * HOUR - now();
      return eventually(async () => {
        const a = await mine();
        return a.length >= n && a.every((x) => hooked(x.id).length >= 1) ? a.map((x) => x.title) : undefined;
      }, what, 20_000);
    };
    // 4.5 h: 30 minutes before the 5-hour mark.
    let t = await at(4.5, 1, '5 h warning');
    expect(t.some((x) => x.includes('距 5 小时时限不足'))).toBe(true);
    t = await at(5.2, 2, '5 h overdue');
    expect(t.some((x) => x.includes('已超过 5 小时响应时限'))).toBe(true);
    t = await at(23.5, 3, '24 h warning');
    expect(t.some((x) => x.includes('距 24 小时时限不足'))).toBe(true);
    t = await at(48.5, 4, '48 h overdue');
    expect(t.some((x) => x.includes('已超过 48 小时响应时限'))).toBe(true);
    await moreTicks();
    // Only the latest passed mark once it is overdue: no "past 24 h" alert was raised at 48.5 h.
    const final = await titles();
    expect(final).toHaveLength(4);
    expect(final.some((x) => x.includes('已超过 24 小时'))).toBe(false);
    // Each alert is delivered once.
    for (const a of await mine()) expect(hooked(a.id)).toHaveLength(1);
    // A closed incident's clock stops: nothing more, however late it gets.
    await sys.store.db.updateTable('incidents').set({ closed_at: now(), status: 'clarified' }).where('id', '=', id).execute();
    offset += 30 * HOUR;
    await moreTicks();
    expect(await titles()).toHaveLength(4);
  });
});
