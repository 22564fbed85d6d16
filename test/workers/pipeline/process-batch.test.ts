import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { BatchDelta } from '../../../shared/contracts/live.js';
import { topicConfigSchema } from '../../../shared/contracts/topics.js';
import { keywordMatch } from '../../../shared/store/repos/keyword.js';
import { createTagger } from '../../../workers/nlp/tagger.js';
import { createBatchProcessor, UnprocessableJobError } from '../../../workers/pipeline/process-batch.js';
import { makeMentions, minutesAgoIso } from '../../fixtures/mentions.js';
import { BACKENDS, testStores } from '../../support/stores.js';

const tagger = createTagger();
const job = (mentions: unknown[]) => ({ v: 1, source: 'api', receivedAt: new Date().toISOString(), mentions });

describe.each(BACKENDS)('processing a batch (%s)', (backend) => {
  const t = testStores(backend);
  const setup = () => {
    const published: BatchDelta[] = [];
    const processBatch = createBatchProcessor({ store: t.store, tagger, publish: async (d) => void published.push(d), warn: () => undefined });
    return { published, processBatch };
  };

  it('stores, tags and counts each mention once, even when the job is delivered again', async () => {
    const { published, processBatch } = setup();
    const batch = makeMentions(25, 'p');
    expect(await processBatch('job-1', job(batch))).toEqual({ stored: 25, duplicates: 0, expired: 0, rejected: 0 });
    expect(await processBatch('job-1', job(batch))).toEqual({ stored: 0, duplicates: 25, expired: 0, rejected: 0 });
    expect(await t.count('SELECT COUNT(*) AS n FROM mentions')).toBe(25);
    // The same counts in every rollup.
    for (const table of ['agg_minute', 'agg_hour', 'agg_day']) {
      expect(await t.count(`SELECT SUM(n) AS n FROM ${table} WHERE dim = 'all'`)).toBe(25);
      expect(await t.count(`SELECT SUM(n) AS n FROM ${table} WHERE dim = 'sentiment'`)).toBe(25);
    }
    // Only the first delivery announces anything to the live view.
    expect(published).toHaveLength(1);
    expect(published[0]?.totals.total).toBe(25);
  });

  it('buckets the rollups by UTC minute, hour and day', async () => {
    const { processBatch } = setup();
    const at = (iso: string, id: string) => ({ id, platform: 'weibo', kind: 'post', text: '今天天气不错', createdAt: iso });
    await processBatch('job-b', job([at('2026-03-01T23:59:30Z', 'a'), at('2026-03-02T00:00:10Z', 'b'), at('2026-03-02T00:59:59Z', 'c')]));
    const rows = async (table: string, col: string) =>
      (await sql.raw<{ b: number; n: number }>(`SELECT ${col} AS b, n FROM ${table} WHERE dim = 'all' ORDER BY ${col}`).execute(t.store.db)).rows.map((r) => [Number(r.b), Number(r.n)]);
    const ms = (iso: string, width: number) => Math.floor(Date.parse(iso) / width);
    expect(await rows('agg_day', 'day')).toEqual([[ms('2026-03-01T00:00Z', 86_400_000), 1], [ms('2026-03-02T00:00Z', 86_400_000), 2]]);
    expect(await rows('agg_hour', 'hour')).toEqual([[ms('2026-03-01T23:00Z', 3_600_000), 1], [ms('2026-03-02T00:00Z', 3_600_000), 2]]);
    expect(await t.count("SELECT COUNT(*) AS n FROM agg_minute WHERE dim = 'all'")).toBe(3);
  });

  it('indexes each stored mention for keyword search', async () => {
    const { processBatch } = setup();
    const base = { platform: 'weibo', kind: 'post', createdAt: minutesAgoIso(1) };
    await processBatch('job-k', job([
      { ...base, id: 'k1', text: '网传东湖区自来水被投毒了' },
      { ...base, id: 'k2', text: '东湖区的自来水很好喝，投了一票' },
      { ...base, id: 'k3', text: 'Police deny the Water poisoning rumour' },
    ]));
    const ids = async (keyword: string) => {
      const cond = keywordMatch(t.store.db, keyword);
      if (!cond) return null;
      return (await t.store.db.selectFrom('mentions').select('id').where(cond).orderBy('id').execute()).map((r) => r.id);
    };
    expect(await ids('投毒')).toEqual(['k1']);
    expect(await ids('自来水')).toEqual(['k1', 'k2']);
    expect(await ids('水被投毒')).toEqual(['k1']);
    expect(await ids('water POISONING')).toEqual(['k3']);
    expect(await ids('poisoning water')).toEqual([]);
    // A lone Han character is only indexed inside bigrams: the caller scans instead.
    expect(await ids('水')).toBeNull();
  });

  it('gives a mention that names a place of the jurisdiction that place as region', async () => {
    const withPlaces = createTagger({ topics: topicConfigSchema.parse({ version: 1, places: ['东湖区', '西城区'], topics: [] }) });
    const run = createBatchProcessor({ store: t.store, tagger: withPlaces, publish: async () => undefined, warn: () => undefined });
    const base = { platform: 'weibo', kind: 'post', createdAt: minutesAgoIso(1) };
    await run('job-places', job([
      { ...base, id: 'pl1', text: '西城区人民路积水严重' },
      { ...base, id: 'pl2', text: '西城区人民路积水严重', region: '江北区' },
      { ...base, id: 'pl3', text: '今天天气不错' },
    ]));
    const regions = await t.store.db.selectFrom('mentions').select(['id', 'region']).where('id', 'like', 'pl%').orderBy('id').execute();
    expect(regions).toEqual([{ id: 'pl1', region: '西城区' }, { id: 'pl2', region: '江北区' }, { id: 'pl3', region: null }]);
  });

  it('counts a mention repeated inside one batch once', async () => {
    const { processBatch } = setup();
    const [m] = makeMentions(1, 'dup');
    expect(await processBatch('job-2', job([m, m, m]))).toEqual({ stored: 1, duplicates: 2, expired: 0, rejected: 0 });
  });

  it('records a bad item and stores the rest', async () => {
    const { processBatch } = setup();
    const good = makeMentions(3, 'g');
    const out = await processBatch('job-3', job([good[0], { id: 'bad', text: 'no platform' }, good[1], good[2]]));
    expect(out).toEqual({ stored: 3, duplicates: 0, expired: 0, rejected: 1 });
    const row = await t.store.db.selectFrom('rejected_items').select(['item_index', 'error']).where('job_id', '=', 'job-3').executeTakeFirstOrThrow();
    expect(row.item_index).toBe(1);
    expect(row.error).toMatch(/platform/);
  });

  it('fails a payload that can never be processed as unprocessable, and records it', async () => {
    const { processBatch } = setup();
    await expect(processBatch('job-4', { mentions: 'not a list' })).rejects.toBeInstanceOf(UnprocessableJobError);
    expect(await t.count("SELECT COUNT(*) AS n FROM rejected_items WHERE job_id = 'job-4' AND item_index = -1")).toBe(1);
  });

  it('attaches replies to the story of their root and counts their stance', async () => {
    const { processBatch } = setup();
    const root = { id: 'r', platform: 'weibo', kind: 'post', text: '网传东湖区自来水被投毒了，紧急扩散！千万别喝！', createdAt: minutesAgoIso(5) };
    const replies = ['真的假的？有没有官方消息', '求证，是真的吗', '这是谣言，别信', '谣言，已经辟谣了'].map((text, i) => ({
      id: `q${i}`, platform: 'weibo', kind: 'reply', rootId: 'r', parentId: 'r', text, createdAt: minutesAgoIso(4 - i),
    }));
    await processBatch('job-5', job([root]));
    await processBatch('job-6', job(replies));
    const story = await t.store.db
      .selectFrom('stories as s')
      .innerJoin('mentions as m', 'm.story_id', 's.id')
      .selectAll('s')
      .where('m.uid', '=', 'weibo:r')
      .executeTakeFirstOrThrow();
    // Whether four replies are enough to flag it is the rumour scorer's call (test/workers/rumour/).
    expect(story).toMatchObject({ replies: 4, queries: 2, denies: 2 });
    expect(story.text).toContain('网传');
    expect(await t.count("SELECT COUNT(DISTINCT story_id) AS n FROM mentions WHERE uid LIKE 'weibo:q%' OR uid = 'weibo:r'")).toBe(1);
  });
});
