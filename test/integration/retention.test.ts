import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../shared/store/store.js';
import { makeMentions } from '../fixtures/mentions.js';
import { eventually, startSystem, type TestSystem } from '../support/system.js';

const DAY = 86_400_000;
let sys: TestSystem;
beforeAll(async () => {
  sys = await startSystem();
});
afterAll(async () => sys?.stop());

const iso = (t: number) => encodeURIComponent(new Date(t).toISOString());
async function countedBetween(from: number, to: number): Promise<number> {
  const b = await sys.getJson<{ items: { n: number }[] }>(`/api/v1/stats/breakdown?from=${iso(from)}&to=${iso(to)}&dim=platform`);
  return b.items.reduce((s, i) => s + i.n, 0);
}

describe('YUQING_RETENTION_DAYS', () => {
  it('deletes only mentions older than the window, keeps their aggregate counts, and never counts them again', async () => {
    const now = Date.now();
    const old = makeMentions(700, 'old', now - 3 * DAY);
    const recent = makeMentions(300, 'recent', now);
    // Stored while retention is off (as before an operator turns it on).
    expect((await sys.postMentions([...old, ...recent])).status).toBe(202);
    await eventually(async () => ((await sys.storedCount()) === 1000 ? true : undefined), '1000 stored');
    const oldRange = [now - 4 * DAY, now - 2 * DAY] as const;
    const recentRange = [now - DAY, now + DAY] as const;
    expect(await countedBetween(...oldRange)).toBe(700);
    const oldTopics = await sys.getJson<{ items: { key: string; n: number }[] }>(
      `/api/v1/stats/breakdown?from=${iso(oldRange[0])}&to=${iso(oldRange[1])}&dim=topic`,
    );

    // A worker with a two-day window: its first pass runs at start.
    const [before] = sys.workers;
    before?.process.kill('SIGTERM');
    await before?.exited;
    const worker = sys.startWorker({ YUQING_RETENTION_DAYS: '2' });
    await worker.ready;
    await eventually(async () => ((await sys.storedCount()) === 300 ? true : undefined), 'old mentions deleted');

    // The posts are gone from search; the counts of their days are not.
    const page = await sys.getJson<{ items: unknown[] }>(`/api/v1/mentions?from=${iso(oldRange[0])}&to=${iso(oldRange[1])}`);
    expect(page.items).toEqual([]);
    expect(await countedBetween(...oldRange)).toBe(700);
    expect(await sys.getJson(`/api/v1/stats/breakdown?from=${iso(oldRange[0])}&to=${iso(oldRange[1])}&dim=topic`)).toEqual(oldTopics);
    expect(await countedBetween(...recentRange)).toBe(300);
    const recentPage = await sys.getJson<{ items: { id: string }[] }>(`/api/v1/mentions?limit=500`);
    expect(recentPage.items.every((m) => m.id.startsWith('recent-'))).toBe(true);
    expect(recentPage.items).toHaveLength(300);

    // Their rows in the topic index went with them.
    const store = await openStore({ dataDir: sys.dataDir, databaseUrl: sys.env.DATABASE_URL, mode: 'read' });
    try {
      const count = async (before?: number) => {
        let q = store.db.selectFrom('mention_topics').select((e) => e.fn.countAll<number>().as('n'));
        if (before !== undefined) q = q.where('created_at', '<', before);
        return Number((await q.executeTakeFirstOrThrow()).n);
      };
      expect(await count(now - 2 * DAY)).toBe(0);
      expect(await count()).toBeGreaterThan(0);
    } finally {
      await store.close();
    }

    // The same old mentions delivered again (a retried import) are neither stored nor counted twice.
    expect((await sys.postMentions(old)).status).toBe(202);
    await sys.drained();
    expect(await sys.storedCount()).toBe(300);
    expect(await countedBetween(...oldRange)).toBe(700);
  });
});
