import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { applyAggregateDeltas } from '../../../shared/store/repos/aggregates.js';
import { claimNewUids, insertMentions, insertMentionTopics } from '../../../shared/store/repos/mentions.js';
import { ensureDayPartitions } from '../../../shared/store/repos/partitions.js';
import { createRetention } from '../../../workers/store/retention.js';
import { BACKENDS, testStores } from '../../support/stores.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 24, 8, 0, 0);

describe.each(BACKENDS)('retention pass (%s)', (backend) => {
  const t = testStores(backend);

  /** Rows as the batch writer leaves them: a mention (with its uid claim and keyword terms), its topic-index rows and its counts. */
  async function mention(uid: string, createdAt: number, topics: string[]) {
    await t.store.write(async (tx) => {
      await claimNewUids(tx, new Map([[uid, createdAt]]));
      await insertMentions(tx, [{
        uid, id: uid.slice(6), platform: 'weibo', kind: 'post', text: '网传投毒 text', created_at: createdAt, created_at_iso: new Date(createdAt).toISOString(),
        parent_uid: null, root_uid: null, thread_uid: uid, author_id: null, author_name: null, author_verified: 0, author_official: 0, followers: 0,
        reposts: 0, comments: 0, likes: 0, engagement: 0, region: null, url: null, lang: 'zh', sentiment: 'neutral', sentiment_score: 0, emotion: 'none',
        critical: 0, stance: 'support', topics: JSON.stringify(topics), story_id: null, tag_confidence: null, certainty: 1, reviewed: 0, source: 'api', ingested_at: createdAt,
      }]);
      await insertMentionTopics(tx, topics.map((topic) => ({ topic, created_at: createdAt, uid })));
      await applyAggregateDeltas(tx, [{ at: createdAt, dim: 'all', key: '*', n: 1 }]);
    });
  }
  const rejected = (i: number, at: number) =>
    t.store.db.insertInto('rejected_items').values({ job_id: 'j', item_index: i, error: 'bad', payload: '{}', at }).execute();

  it('deletes, in as many batches as it takes, only what is older than the window', async () => {
    for (let i = 0; i < 11; i++) await mention(`weibo:old${i}`, NOW - 31 * DAY - i * 60_000, ['traffic', 'fraud']);
    for (let i = 0; i < 4; i++) await mention(`weibo:new${i}`, NOW - 29 * DAY + i * 60_000, ['traffic']);
    for (let i = 0; i < 5; i++) await rejected(i, i < 3 ? NOW - 40 * DAY : NOW);
    const counted = await t.count("SELECT SUM(n) AS n FROM agg_minute WHERE dim = 'all'");

    // Batches of 3: four mention batches (3+3+3+2), one of rejected items.
    const done = await createRetention(t.store, 3).pass(30, NOW);
    expect(done).toEqual({ mentions: 11, rejectedItems: 3 });
    expect(await t.count('SELECT COUNT(*) AS n FROM mentions')).toBe(4);
    expect(await t.count("SELECT COUNT(*) AS n FROM mentions WHERE uid LIKE 'weibo:new%'")).toBe(4);
    expect(await t.count('SELECT COUNT(*) AS n FROM mention_topics')).toBe(4);
    expect(await t.count('SELECT COUNT(*) AS n FROM rejected_items')).toBe(2);
    expect(await t.count("SELECT SUM(n) AS n FROM agg_minute WHERE dim = 'all'")).toBe(counted);
    expect(await t.count("SELECT SUM(n) AS n FROM agg_day WHERE dim = 'all'")).toBe(counted);
    // The keyword index went with them.
    const index = backend === 'sqlite' ? 'SELECT COUNT(*) AS n FROM mention_fts' : 'SELECT COUNT(*) AS n FROM mentions WHERE terms IS NOT NULL';
    expect(await t.count(index)).toBe(4);
    if (backend === 'postgres') expect(await t.count('SELECT COUNT(*) AS n FROM mention_keys')).toBe(4);

    expect(await createRetention(t.store, 3).pass(30, NOW)).toEqual({ mentions: 0, rejectedItems: 0 });
  });

  it('stops between batches when told to', async () => {
    for (let i = 0; i < 10; i++) await mention(`weibo:old${i}`, NOW - 31 * DAY - i, []);
    let batches = 0;
    const done = await createRetention(t.store, 2).pass(30, NOW, () => batches++ >= 2);
    expect(done.mentions).toBe(4);
    expect(await t.count('SELECT COUNT(*) AS n FROM mentions')).toBe(6);
  });

  it.runIf(backend === 'postgres')('drops whole daily partitions before the window and deletes the rest row by row', async () => {
    const today = Math.floor(NOW / DAY);
    await ensureDayPartitions(t.store.db, today - 33, today);
    await mention('weibo:gone1', (today - 33) * DAY + 5, ['fraud']);
    await mention('weibo:gone2', (today - 32) * DAY + 5, []);
    // The day the window starts in: partly before the cutoff, partly after.
    await mention('weibo:edge-old', NOW - 30 * DAY - 1000, []);
    await mention('weibo:edge-new', NOW - 30 * DAY + 1000, []);
    // A day with no partition of its own: the DEFAULT partition.
    await mention('weibo:default', (today - 300) * DAY, []);

    expect(await createRetention(t.store, 10).pass(30, NOW)).toEqual({ mentions: 4, rejectedItems: 0 });
    const { rows } = await sql<{ name: string }>`SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'mentions'::regclass`.execute(t.store.db);
    const names = rows.map((r) => r.name);
    expect(names).not.toContain(`mentions_p${new Date((today - 33) * DAY).toISOString().slice(0, 10).replaceAll('-', '')}`);
    expect(names).toContain(`mentions_p${new Date((today - 30) * DAY).toISOString().slice(0, 10).replaceAll('-', '')}`);
    expect((await t.store.db.selectFrom('mentions').select('uid').execute()).map((r) => r.uid)).toEqual(['weibo:edge-new']);
    expect(await t.count('SELECT COUNT(*) AS n FROM mention_keys')).toBe(1);
    expect(await t.count('SELECT COUNT(*) AS n FROM mention_topics')).toBe(0);
  });
});
