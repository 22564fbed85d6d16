import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MentionPage } from '../../shared/contracts/api.js';
import type { ClientToServerEvents, LiveDelta, LiveSnapshot, ServerToClientEvents } from '../../shared/contracts/live.js';
import { reviewLabelSchema, type AgreementReport, type ReviewResult } from '../../shared/contracts/review.js';
import type { KeyCount, MentionView } from '../../shared/contracts/views.js';
import { certaintyOf } from '../../shared/contracts/tags.js';
import { minutesAgoIso } from '../fixtures/mentions.js';
import { eventually, startSystem, type TestSystem } from '../support/system.js';
import { createTestUser, login, type Credentials } from '../support/accounts.js';

let sys: TestSystem;
let analyst: Credentials;
const api = (path: string) => `${sys.baseUrl}/api/v1${path}`;
const review = (uid: string, body: unknown, user: string | null = 'li') =>
  fetch(api(`/mentions/${encodeURIComponent(uid)}/review`), {
    method: 'POST',
    headers: user === null ? { 'content-type': 'application/json' } : analyst.headers(),
    body: JSON.stringify(body),
  });
const range = () => `from=${encodeURIComponent(minutesAgoIso(120))}&to=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`;
const count = (items: KeyCount[], key: string) => items.find((k) => k.key === key)?.n ?? 0;

beforeAll(async () => {
  sys = await startSystem();
  const u = await createTestUser(sys.dataDir, ['analyst'], { username: 'li' });
  analyst = await login(sys.baseUrl, u.username, u.password);
});
afterAll(async () => {
  await sys?.stop();
});

describe('analyst review of tags through the API', () => {
  const run = `rev${Date.now().toString(36)}`;
  const mentions = [
    { id: `${run}-a`, platform: 'weibo', kind: 'post', text: '报警三次都没人来，派出所就是这么为人民服务的？', createdAt: minutesAgoIso(3), metrics: { likes: 50 } },
    { id: `${run}-b`, platform: 'weibo', kind: 'post', text: '今天天气不错，出去走走', createdAt: minutesAgoIso(3) },
    { id: `${run}-c`, platform: 'weibo', kind: 'post', text: '嗯', createdAt: minutesAgoIso(2), metrics: { likes: 5 } },
  ];
  let stored: MentionView[];

  it('stores each tag with its confidence', async () => {
    expect((await sys.postMentions(mentions)).status).toBe(202);
    await sys.drained();
    stored = (await sys.getJson<MentionPage>(`/api/v1/mentions?${range()}&limit=50`)).items.filter((m) => m.id.startsWith(run));
    expect(stored).toHaveLength(3);
    for (const m of stored) {
      expect(m.reviewed).toBe(false);
      const c = m.tags.confidence!;
      for (const v of [c.sentiment, c.emotion, c.critical, c.stance]) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }
      // A post supports itself by definition: certain.
      expect(c.stance).toBe(1);
    }
  });

  it('rejects a verdict without a name, with an unknown value or topic, or for no mention', async () => {
    const uid = `weibo:${run}-b`;
    expect((await review(uid, { sentiment: 'positive' }, null)).status).toBe(401);
    expect((await review(uid, { sentiment: 'glad' })).status).toBe(400);
    expect((await review(uid, {})).status).toBe(400);
    expect((await review(uid, { topics: ['no_such_topic'] })).status).toBe(422);
    expect((await review(`weibo:${run}-none`, { sentiment: 'neutral' })).status).toBe(404);
  });

  it('applies a correction everywhere at once: the mention, the aggregates, the live channel and the queue', async () => {
    const target = stored.find((m) => m.id === `${run}-b`)!;
    const newSentiment = target.tags.sentiment.label === 'negative' ? 'positive' : 'negative';
    const before = await sys.getJson<{ items: KeyCount[] }>(`/api/v1/stats/breakdown?${range()}&dim=sentiment`);
    const criticalBefore = await sys.getJson<{ items: KeyCount[] }>(`/api/v1/stats/breakdown?${range()}&dim=critical`);

    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = connect(sys.baseUrl, sys.socketOptions());
    const snapshots: LiveSnapshot[] = [];
    const deltas: LiveDelta[] = [];
    socket.on('snapshot', (s) => snapshots.push(s));
    socket.on('delta', (d) => deltas.push(d));
    const snap = await eventually(() => snapshots[0], 'a snapshot');
    try {
      const res = await review(target.uid, { sentiment: newSentiment, critical: true, emotion: target.tags.emotion });
      expect(res.status).toBe(200);
      const r = (await res.json()) as ReviewResult;
      expect(r.mention.tags.sentiment.label).toBe(newSentiment);
      expect(r.mention.tags.critical).toBe(true);
      expect(r.mention.reviewed).toBe(true);
      expect(r.mention.tags.confidence).toMatchObject({ sentiment: 1, emotion: 1, critical: 1 });
      expect(r.reviews.map((v) => [v.tag, v.agreed, v.actor])).toEqual([
        ['sentiment', false, 'li'],
        ['emotion', true, 'li'],
        ['critical', target.tags.critical, 'li'],
      ]);

      const after = await sys.getJson<{ items: KeyCount[] }>(`/api/v1/stats/breakdown?${range()}&dim=sentiment`);
      expect(count(after.items, target.tags.sentiment.label)).toBe(count(before.items, target.tags.sentiment.label) - 1);
      expect(count(after.items, newSentiment)).toBe(count(before.items, newSentiment) + 1);
      const criticalAfter = await sys.getJson<{ items: KeyCount[] }>(`/api/v1/stats/breakdown?${range()}&dim=critical`);
      expect(count(criticalAfter.items, '1')).toBe(count(criticalBefore.items, '1') + (target.tags.critical ? 0 : 1));

      // The open dashboard gets the corrected mention in its critical feed and adjusted totals.
      await eventually(() => deltas.find((d) => d.critical.some((m) => m.uid === target.uid)), 'the corrected mention in a live delta');
      const sumCritical = snap.totals.critical + deltas.reduce((s, d) => s + d.totals.critical, 0);
      // The live totals (snapshot plus deltas) agree with the store's, whatever the tagger read in the others.
      expect(sumCritical).toBe(count(criticalAfter.items, '1'));

      // Correcting it back takes it out of the feed again.
      expect((await review(target.uid, { critical: false })).status).toBe(200);
      await eventually(() => deltas.find((d) => d.criticalGone.includes(target.uid)), 'the mention leaving the live critical feed');
    } finally {
      socket.close();
    }

    // Reviewed: never in the queue again; the stored tags are the analyst's.
    const queue = await sys.getJson<{ items: MentionView[] }>('/api/v1/review?limit=200');
    expect(queue.items.some((m) => m.uid === target.uid)).toBe(false);
    const page = await sys.getJson<MentionPage>(`/api/v1/mentions?${range()}&sentiment=${newSentiment}&limit=200`);
    expect(page.items.some((m) => m.uid === target.uid)).toBe(true);
  });

  it('orders the queue by uncertainty, then reach, and reports agreement and training labels', async () => {
    const queue = await sys.getJson<{ items: MentionView[] }>('/api/v1/review?limit=200');
    const lows = queue.items.map((m) => certaintyOf(m.tags.confidence!));
    for (const v of lows) expect(v).toBeLessThan(1);
    for (let i = 1; i < queue.items.length; i++) {
      const [a, b] = [Math.floor(lows[i - 1]! * 10), Math.floor(lows[i]! * 10)];
      expect(a).toBeLessThanOrEqual(b);
      if (a === b) expect(queue.items[i - 1]!.engagement).toBeGreaterThanOrEqual(queue.items[i]!.engagement);
    }

    const confirm = stored.find((m) => m.id === `${run}-a`)!;
    expect((await review(confirm.uid, { stance: confirm.tags.stance, topics: confirm.tags.topics })).status).toBe(200);

    const report = await sys.getJson<AgreementReport>('/api/v1/review/agreement?days=7');
    const byTag = Object.fromEntries(report.tags.map((t) => [t.tag, t]));
    expect(byTag.sentiment).toMatchObject({ reviewed: 1, agreed: 0, rate: 0 });
    expect(byTag.emotion).toMatchObject({ reviewed: 1, agreed: 1, rate: 1 });
    expect(byTag.critical!.reviewed).toBe(2);
    expect(byTag.stance).toMatchObject({ reviewed: 1, agreed: 1 });
    expect(byTag.topics).toMatchObject({ reviewed: 1, agreed: 1 });
    expect(byTag.sentiment!.days).toHaveLength(1);

    const res = await sys.fetch(api('/review/labels.jsonl'));
    expect(res.headers.get('content-type')).toContain('application/x-ndjson');
    const labels = (await res.text()).trim().split('\n').map((l) => reviewLabelSchema.parse(JSON.parse(l)));
    const mine = labels.filter((l) => l.uid.includes(run));
    expect(mine).toHaveLength(2);
    const b = mine.find((l) => l.uid.endsWith('-b'))!;
    expect(b.critical).toBe(false);
    expect(b.text).toBe('今天天气不错，出去走走');
    expect(b.sentiment).toBeDefined();
    expect(mine.find((l) => l.uid.endsWith('-a'))!.stance).toBe('support');
  });
});
