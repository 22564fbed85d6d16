import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MentionView } from '../../shared/contracts/views.js';
import { newIncident, seedMentions, seedRow, storyFixture } from '../support/seed.js';
import { BACKENDS, createTestDatabase, stopTestCluster } from '../support/stores.js';
import { startSystem, type TestSystem } from '../support/system.js';

afterAll(() => stopTestCluster());

const T0 = Date.UTC(2026, 2, 9, 2, 0, 0);
const N = 400;

/** The read API served from each backend, on rows written straight into the store. */
describe.each(BACKENDS)('read API (%s)', (backend) => {
  let sys: TestSystem;
  let incidentId: number;
  beforeAll(async () => {
    const databaseUrl = backend === 'postgres' ? await createTestDatabase() : undefined;
    sys = await startSystem({ workers: 0, ...(databaseUrl ? { databaseUrl } : { backend: 'sqlite' as const }) });
    await seedMentions(sys.store, Array.from({ length: N }, (_, i) => ({ ...seedRow(i, T0 + i * 60_000), story_id: i % 10 === 0 ? 'st_1' : null })));
    await sys.store.db.insertInto('stories').values({ ...storyFixture('st_1', T0), last_seen: T0 + N * 60_000, posts: N / 10 }).execute();
    incidentId = (await sys.store.db.insertInto('incidents').values(newIncident('st_1', T0)).returning('id').executeTakeFirstOrThrow()).id;
  }, 120_000);
  afterAll(async () => sys?.stop());

  const post = (path: string, body: unknown) =>
    sys.fetch(path, { method: 'POST', body: JSON.stringify(body) });

  it('searches, pages and opens threads', async () => {
    const first = await sys.getJson<{ items: MentionView[]; nextCursor: string }>('/api/v1/mentions?limit=150&platform=weibo');
    const second = await sys.getJson<{ items: MentionView[]; nextCursor: string | null }>(`/api/v1/mentions?limit=150&platform=weibo&cursor=${first.nextCursor}`);
    expect(first.items.length + second.items.length).toBe(N - N / 4);
    expect(second.nextCursor).toBeNull();
    expect((await sys.getJson<{ items: unknown[] }>(`/api/v1/mentions?q=${encodeURIComponent('投毒')}&limit=500`)).items.length).toBe(Math.ceil(N / 3));
    expect((await sys.fetch('/api/v1/mentions?cursor=nope')).status).toBe(400);
    expect((await sys.getJson<{ root: MentionView }>('/api/v1/threads/weibo:s5')).root.uid).toBe('weibo:s5');
  });

  it('serves series, breakdowns, stories, the summary and the filter menus from the counters', async () => {
    const from = encodeURIComponent(new Date(T0).toISOString());
    const to = encodeURIComponent(new Date(T0 + N * 60_000).toISOString());
    const series = await sys.getJson<{ points: { positive: number; neutral: number; negative: number }[] }>(`/api/v1/stats/series?from=${from}&to=${to}&bucket=hour`);
    expect(series.points.reduce((s, p) => s + p.positive + p.neutral + p.negative, 0)).toBe(N);
    const b = await sys.getJson<{ items: { key: string; n: number }[] }>(`/api/v1/stats/breakdown?from=${from}&to=${to}&dim=platform`);
    expect(Object.fromEntries(b.items.map((x) => [x.key, x.n]))).toEqual({ weibo: N - N / 4, twitter: N / 4 });
    const summary = await sys.getJson<{ totals: { total: number }; stories: { id: string }[] }>('/api/v1/summary?date=2026-03-09');
    expect(summary.totals.total).toBe(N);
    expect(summary.stories.map((s) => s.id)).toEqual(['st_1']);
    expect((await sys.getJson<{ items: { id: string }[] }>('/api/v1/stories?candidates=true')).items.map((s) => s.id)).toEqual(['st_1']);
    const meta = await sys.getJson<{ platforms: string[]; regions: string[] }>('/api/v1/meta');
    expect(meta).toMatchObject({ platforms: ['twitter', 'weibo'], regions: ['东湖区'] });
    expect(await sys.getJson('/healthz')).toMatchObject({ status: 'ok', mentions: N });
  });

  it('applies an analyst review and incident commands in transactions', async () => {
    const review = await post('/api/v1/mentions/weibo:s1/review', { sentiment: 'negative' });
    expect(review.status).toBe(200);
    expect(((await review.json()) as { mention: MentionView }).mention.tags.sentiment.label).toBe('negative');
    expect((await post('/api/v1/mentions/weibo:nope/review', { sentiment: 'negative' })).status).toBe(404);

    expect((await post(`/api/v1/incidents/${incidentId}/assign`, { assignee: 'officer-2' })).status).toBe(200);
    expect((await post(`/api/v1/incidents/${incidentId}/clarification`, { uid: 'weibo:nope' })).status).toBe(422);
    const detail = await sys.getJson<{ incident: { assignee: string }; events: { action: string }[]; evidence: { spreaders: unknown[] } }>(
      `/api/v1/incidents/${incidentId}`,
    );
    expect(detail.incident.assignee).toBe('officer-2');
    expect(detail.events.map((e) => e.action)).toEqual(['assigned']);
    expect(detail.evidence.spreaders.length).toBeGreaterThan(0);
    expect((await sys.getJson<{ items: { id: number }[] }>('/api/v1/incidents/handover')).items.map((i) => i.id)).toEqual([incidentId]);
  });
});
