import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMentions } from '../fixtures/mentions.js';
import { eventually, startSystem, type TestSystem } from '../support/system.js';

let sys: TestSystem;
beforeAll(async () => {
  sys = await startSystem();
});
afterAll(async () => sys?.stop());

const TOTAL = 24_000;

describe('GET /api/v1/mentions/export.csv', () => {
  it('streams every matching row while the server keeps answering', async () => {
    for (let i = 0; i < TOTAL; i += 8000) {
      expect((await sys.postMentions(makeMentions(8000, `exp${i}`))).status).toBe(202);
    }
    await eventually(async () => ((await sys.storedCount()) === TOTAL ? true : undefined), `${TOTAL} stored`, 180_000);

    const res = await sys.fetch(`/api/v1/mentions/export.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="yuqing-mentions-\d{4}-\d{2}-\d{2}\.csv"$/);
    // Streamed, not built first: no length known up front.
    expect(res.headers.get('transfer-encoding')).toBe('chunked');
    expect(res.headers.get('content-length')).toBeNull();
    const reader = res.body!.getReader();
    const chunks: Uint8Array[] = [];
    const first = await reader.read();
    if (first.value) chunks.push(first.value);

    // The download is paused here (nothing more is read), several MB short of its end: the server
    // waits on backpressure mid-export, and must still answer health checks and store writes.
    const health = await fetch(`${sys.baseUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', store: 'ok', mentions: TOTAL });
    const topics = await sys.getJson<unknown>('/api/v1/topics');
    const put = await sys.fetch(`/api/v1/topics`, {
      method: 'PUT',
      body: JSON.stringify(topics),
    });
    expect(put.status).toBe(200);

    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
    }
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text.startsWith('\uFEFFplatform,id,kind,created_at,')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    // Texts hold no line breaks, so records are lines.
    const records = text.slice(0, -2).split('\r\n').slice(1);
    expect(records.length).toBe(TOTAL);
    const ids = new Set(records.map((r) => r.split(',')[1]));
    expect(ids.size).toBe(TOTAL);
    // Newest first, across page boundaries and created_at ties.
    const times = records.map((r) => Date.parse(r.split(',')[3] ?? ''));
    expect(times.every((t, i) => i === 0 || t <= (times[i - 1] ?? t))).toBe(true);
    expect(Buffer.byteLength(text)).toBeGreaterThan(4 * 2 ** 20);
  });

  it('applies the filters to the streamed rows', async () => {
    const res = await sys.fetch(`/api/v1/mentions/export.csv?platform=twitter&q=${encodeURIComponent('useless')}`);
    const records = (await res.text()).trim().split('\r\n').slice(1);
    // makeMentions: every fourth is English, and one English text in three is the "useless" one.
    expect(records.length).toBeGreaterThan(0);
    expect(records.every((r) => r.startsWith('twitter,') && r.includes('useless'))).toBe(true);
  });

  it('stops reading when the client goes away mid-download', async () => {
    const abort = new AbortController();
    const res = await sys.fetch(`/api/v1/mentions/export.csv`, { signal: abort.signal });
    const reader = res.body!.getReader();
    expect((await reader.read()).done).toBe(false);
    abort.abort();
    await reader.read().catch(() => undefined);
    // The server is unharmed and a full export still works afterwards.
    expect(await sys.getJson('/healthz')).toMatchObject({ status: 'ok' });
    const again = (await (await sys.fetch(`/api/v1/mentions/export.csv?platform=weibo`)).text()).trim().split('\r\n');
    expect(again.length - 1).toBe(TOTAL * 0.75);
  });
});
