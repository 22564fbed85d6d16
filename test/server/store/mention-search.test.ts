import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BadCursorError, loadThread, searchMentions } from '../../../server/store/mention-search.js';
import { mentionQuerySchema, type MentionQueryInput } from '../../../shared/contracts/api.js';
import { mentionExportPages } from '../../../shared/store/repos/mentions.js';
import type { NewMention } from '../../../shared/store/repos/mentions.js';
import { seedMentions, seedRow } from '../../support/seed.js';
import { BACKENDS, openTestStore, stopTestCluster, type TestStore } from '../../support/stores.js';

afterAll(() => stopTestCluster());

const T0 = Date.UTC(2026, 2, 9, 6, 0, 0);
const N = 600;

describe.each(BACKENDS)('mention search (%s)', (backend) => {
  let t: TestStore;
  let rows: NewMention[];
  beforeAll(async () => {
    t = await openTestStore(backend);
    // Ties on created_at (three per second) so pages must break them by uid.
    rows = Array.from({ length: N }, (_, i) => seedRow(i, T0 + Math.floor(i / 3) * 1000));
    rows[7] = { ...rows[7]!, text: 'Fully 100% USELESS answer' };
    await seedMentions(t.store, rows);
  });
  afterAll(() => t?.close());

  const q = (input: MentionQueryInput) => mentionQuerySchema.parse(input);

  it('pages through every match once, in order, by keyset cursors', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await searchMentions(t.store.db, q({ platform: 'weibo', limit: 70, ...(cursor ? { cursor } : {}) }));
      seen.push(...page.items.map((m) => m.uid));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    const expected = rows
      .filter((r) => r.platform === 'weibo')
      .sort((a, b) => b.created_at - a.created_at || (a.uid < b.uid ? 1 : -1))
      .map((r) => r.uid);
    expect(seen).toEqual(expected);
    await expect(searchMentions(t.store.db, q({ cursor: 'bogus' }))).rejects.toThrow(BadCursorError);
  });

  it('filters by keyword (literal %, ASCII case ignored, whole Latin words), topic, tags and time', async () => {
    expect((await searchMentions(t.store.db, q({ q: '100% useless' }))).items.map((m) => m.uid)).toEqual(['weibo:s7']);
    expect((await searchMentions(t.store.db, q({ q: 'useless ANSWER' }))).items.map((m) => m.uid)).toEqual(['weibo:s7']);
    // Latin text is indexed by whole words: a fragment of a word is not a keyword.
    expect((await searchMentions(t.store.db, q({ q: 'seless' }))).items).toEqual([]);
    const poison = await searchMentions(t.store.db, q({ q: '投毒', limit: 500 }));
    expect(poison.items.length).toBe(rows.filter((r) => r.text.includes('投毒')).length);
    const fraud = await searchMentions(t.store.db, q({ topic: 'fraud', critical: 'true', sentiment: 'negative,neutral', limit: 500 }));
    expect(fraud.items.map((m) => m.uid).sort()).toEqual(
      rows.filter((r) => r.topics.includes('fraud') && r.critical === 1 && r.sentiment !== 'positive').map((r) => r.uid).sort(),
    );
    const from = new Date(T0 + 10_000).toISOString();
    const to = new Date(T0 + 20_000).toISOString();
    expect((await searchMentions(t.store.db, q({ from, to, limit: 500 }))).items).toHaveLength(30);
    const byEngagement = await searchMentions(t.store.db, q({ sort: 'engagement', order: 'asc', limit: 5 }));
    expect(byEngagement.items.map((m) => m.engagement)).toEqual([...rows].map((r) => r.engagement).sort((a, b) => a - b).slice(0, 5));
  });

  it('exports in pages, newest first, up to the cap', async () => {
    const pages: number[] = [];
    const uids = new Set<string>();
    for await (const page of mentionExportPages(t.store.db, {}, 450, 100)) {
      pages.push(page.length);
      for (const r of page) uids.add(r.uid);
    }
    expect(pages).toEqual([100, 100, 100, 100, 50]);
    expect(uids.size).toBe(450);
  });

  it('loads a thread by any of its mentions', async () => {
    const thread = await loadThread(t.store.db, 'weibo:s3');
    expect(thread?.root?.uid).toBe('weibo:s3');
    expect(await loadThread(t.store.db, 'weibo:none')).toBeNull();
  });
});
