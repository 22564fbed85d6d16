import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMentions, minutesAgoIso } from '../fixtures/mentions.js';
import { eventually, startSystem, type TestSystem } from '../support/system.js';

let sys: TestSystem;
beforeAll(async () => {
  sys = await startSystem();
});
afterAll(async () => sys?.stop());




describe('POST /api/v1/mentions', () => {
  it('accepts valid items, rejects malformed ones with reasons, and stores and tags the valid ones', async () => {
    const good = makeMentions(6, 'mixed');
    const body = [good[0], { id: 'x', platform: 'weibo', kind: 'post', text: '', createdAt: minutesAgoIso(0) }, good[1], 42, ...good.slice(2)];
    const res = await sys.postMentions(body);
    expect(res.status).toBe(202);
    const out = (await res.json()) as { accepted: number; rejected: { index: number; error: string }[] };
    expect(out.accepted).toBe(6);
    expect(out.rejected.map((r) => r.index)).toEqual([1, 3]);
    expect(out.rejected[0]?.error).toMatch(/text/);

    await eventually(async () => ((await sys.storedCount()) >= 6 ? true : undefined), '6 stored mentions');
    const page = await sys.getJson<{ items: { id: string; tags: { lang: string; critical: boolean } }[] }>('/api/v1/mentions?q=%E4%B8%8D%E4%BD%9C%E4%B8%BA');
    // "不作为" (substring search in Chinese) finds the critical Chinese fixture.
    expect(page.items.map((m) => m.id)).toContain('mixed-1');
    expect(page.items.find((m) => m.id === 'mixed-1')?.tags).toMatchObject({ lang: 'zh', critical: true });
  });

  it('takes NDJSON and reports a line that is not JSON by its index', async () => {
    const [a, b] = makeMentions(2, 'nd');
    const res = await sys.postMentions(`${JSON.stringify(a)}\n{not json\n${JSON.stringify(b)}\n`, 'application/x-ndjson');
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ accepted: 2, rejected: [{ index: 1, error: 'line is not valid JSON' }] });
  });

  it('counts a batch posted twice only once', async () => {
    const batch = makeMentions(40, 'twice');
    await sys.drained();
    const before = await sys.storedCount();
    for (let i = 0; i < 2; i++) expect((await sys.postMentions(batch)).status).toBe(202);
    await eventually(async () => ((await sys.storedCount()) >= before + 40 ? true : undefined), 'the batch stored');
    // Let the second copy drain before counting.
    await sys.drained();
    expect(await sys.storedCount()).toBe(before + 40);
    const from = minutesAgoIso(30);
    const to = minutesAgoIso(-5);
    const plat = await sys.getJson<{ items: { key: string; n: number }[] }>(
      `/api/v1/stats/breakdown?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&dim=platform`,
    );
    const counted = plat.items.reduce((s, i) => s + i.n, 0);
    expect(counted).toBe(await sys.storedCount());
  });

  it('refuses requests without a valid token', async () => {
    const res = await fetch(`${sys.baseUrl}/api/v1/mentions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[]' });
    expect(res.status).toBe(401);
    const bad = await fetch(`${sys.baseUrl}/api/v1/mentions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer wrong-token-123' },
      body: '[]',
    });
    expect(bad.status).toBe(403);
    expect(((await bad.json()) as { error: string }).error).toMatch(/token/);
  });

  it('answers 400 for a body that cannot be read and 413 over the limits', async () => {
    const unreadable = await sys.postMentions('{"id": ');
    expect(unreadable.status).toBe(400);
    expect(((await unreadable.json()) as { error: string }).error).toMatch(/JSON/);
    const notArray = await sys.postMentions('{"id": "1"}');
    expect(notArray.status).toBe(400);
    const tooMany = await sys.postMentions(Array.from({ length: 10_001 }, () => ({})));
    expect(tooMany.status).toBe(413);
    const tooBig = await sys.postMentions(JSON.stringify([{ text: 'x'.repeat(11 * 1024 * 1024) }]));
    expect(tooBig.status).toBe(413);
  });
});

describe('query API', () => {
  it('validates query strings with a clear error', async () => {
    const res = await sys.fetch(`/api/v1/mentions?sentiment=happy`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/sentiment/);
    const unknown = await sys.fetch(`/api/v1/mentions?colour=red`);
    expect(unknown.status).toBe(400);
    const cursor = await sys.fetch(`/api/v1/mentions?cursor=bogus`);
    expect(cursor.status).toBe(400);
  });

  it('pages through results with a cursor, without repeats', async () => {
    const seen = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { items: { uid: string }[]; nextCursor: string | null } = await sys.getJson(
        `/api/v1/mentions?limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      for (const m of page.items) {
        expect(seen.has(m.uid)).toBe(false);
        seen.add(m.uid);
      }
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 100);
    expect(seen.size).toBe(await sys.storedCount());
    expect(pages).toBeGreaterThan(1);
  });

  it('exports the current filter as CSV', async () => {
    const res = await sys.fetch(`/api/v1/mentions/export.csv?platform=twitter`);
    expect(res.status).toBe(200);
    const text = await res.text();
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toContain('platform,id,kind');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((l) => l.startsWith('twitter,'))).toBe(true);
  });

  it('returns a thread with its root and replies', async () => {
    const root = { id: 'thr-root', platform: 'weibo', kind: 'post', text: '网传东湖区明天停水三天，紧急扩散！', createdAt: minutesAgoIso(3) };
    const reply = { id: 'thr-r1', platform: 'weibo', kind: 'reply', rootId: 'thr-root', parentId: 'thr-root', text: '真的假的？有没有官方通知', createdAt: minutesAgoIso(2) };
    expect((await sys.postMentions([root, reply])).status).toBe(202);
    const thread = await eventually(async () => {
      const res = await sys.fetch(`/api/v1/threads/${encodeURIComponent('weibo:thr-r1')}`);
      if (res.status !== 200) return undefined;
      const t = (await res.json()) as { root: { id: string } | null; replies: { id: string; tags: { stance: string } }[] };
      return t.root ? t : undefined;
    }, 'the thread');
    expect(thread.root?.id).toBe('thr-root');
    expect(thread.replies.map((r) => [r.id, r.tags.stance])).toEqual([['thr-r1', 'query']]);
  });

  it('answers the health check', async () => {
    const h = await sys.getJson<{ status: string; redis: string; store: string; queue: { failed: number } }>('/healthz');
    expect(h).toMatchObject({ status: 'ok', redis: 'ok', store: 'ok' });
  });
});
