import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BatchDelta } from '../../../shared/contracts/live.js';
import { topicConfigSchema } from '../../../shared/contracts/topics.js';
import { createTagger } from '../../../workers/nlp/tagger.js';
import { createBatchProcessor, UnprocessableJobError } from '../../../workers/pipeline/process-batch.js';
import { openWriteStore, type Db } from '../../../workers/store/open.js';
import { makeMentions, minutesAgoIso } from '../../fixtures/mentions.js';

let dir: string;
let db: Db;
let published: BatchDelta[];
let processBatch: ReturnType<typeof createBatchProcessor>;
const tagger = createTagger();

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'yuqing-pipeline-'));
  db = openWriteStore(dir);
  published = [];
  processBatch = createBatchProcessor({ db, tagger, publish: async (d) => void published.push(d), warn: () => undefined });
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const job = (mentions: unknown[]) => ({ v: 1, source: 'api', receivedAt: new Date().toISOString(), mentions });
const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;

describe('processing a batch', () => {
  it('stores, tags and counts each mention once, even when the job is delivered again', async () => {
    const batch = makeMentions(25, 'p');
    expect(await processBatch('job-1', job(batch))).toEqual({ stored: 25, duplicates: 0, expired: 0, rejected: 0 });
    expect(await processBatch('job-1', job(batch))).toEqual({ stored: 0, duplicates: 25, expired: 0, rejected: 0 });
    expect(count('SELECT COUNT(*) AS n FROM mentions')).toBe(25);
    expect(count("SELECT SUM(n) AS n FROM agg_minute WHERE dim = 'all'")).toBe(25);
    expect(count("SELECT SUM(n) AS n FROM agg_minute WHERE dim = 'sentiment'")).toBe(25);
    // Only the first delivery announces anything to the live view.
    expect(published).toHaveLength(1);
    expect(published[0]?.totals.total).toBe(25);
  });

  it('gives a mention that names a place of the jurisdiction that place as region', async () => {
    const withPlaces = createTagger({ topics: topicConfigSchema.parse({ version: 1, places: ['东湖区', '西城区'], topics: [] }) });
    const run = createBatchProcessor({ db, tagger: withPlaces, publish: async () => undefined, warn: () => undefined });
    const base = { platform: 'weibo', kind: 'post', createdAt: minutesAgoIso(1) };
    await run('job-places', job([
      { ...base, id: 'pl1', text: '西城区人民路积水严重' },
      { ...base, id: 'pl2', text: '西城区人民路积水严重', region: '江北区' },
      { ...base, id: 'pl3', text: '今天天气不错' },
    ]));
    const regions = db.prepare("SELECT id, region FROM mentions WHERE id LIKE 'pl%' ORDER BY id").all();
    expect(regions).toEqual([{ id: 'pl1', region: '西城区' }, { id: 'pl2', region: '江北区' }, { id: 'pl3', region: null }]);
  });

  it('counts a mention repeated inside one batch once', async () => {
    const [m] = makeMentions(1, 'dup');
    expect(await processBatch('job-2', job([m, m, m]))).toEqual({ stored: 1, duplicates: 2, expired: 0, rejected: 0 });
  });

  it('records a bad item and stores the rest', async () => {
    const good = makeMentions(3, 'g');
    const out = await processBatch('job-3', job([good[0], { id: 'bad', text: 'no platform' }, good[1], good[2]]));
    expect(out).toEqual({ stored: 3, duplicates: 0, expired: 0, rejected: 1 });
    const row = db.prepare('SELECT item_index, error FROM rejected_items WHERE job_id = ?').get('job-3') as { item_index: number; error: string };
    expect(row.item_index).toBe(1);
    expect(row.error).toMatch(/platform/);
  });

  it('fails a payload that can never be processed as unprocessable, and records it', async () => {
    await expect(processBatch('job-4', { mentions: 'not a list' })).rejects.toBeInstanceOf(UnprocessableJobError);
    expect(count("SELECT COUNT(*) AS n FROM rejected_items WHERE job_id = 'job-4' AND item_index = -1")).toBe(1);
  });

  it('attaches replies to the story of their root and counts their stance', async () => {
    const root = { id: 'r', platform: 'weibo', kind: 'post', text: '网传东湖区自来水被投毒了，紧急扩散！千万别喝！', createdAt: minutesAgoIso(5) };
    const replies = ['真的假的？有没有官方消息', '求证，是真的吗', '这是谣言，别信', '谣言，已经辟谣了'].map((text, i) => ({
      id: `q${i}`, platform: 'weibo', kind: 'reply', rootId: 'r', parentId: 'r', text, createdAt: minutesAgoIso(4 - i),
    }));
    await processBatch('job-5', job([root]));
    await processBatch('job-6', job(replies));
    const story = db.prepare('SELECT s.* FROM stories s JOIN mentions m ON m.story_id = s.id WHERE m.uid = ?').get('weibo:r') as {
      replies: number; queries: number; denies: number; candidate: number; text: string;
    };
    // Whether four replies are enough to flag it is the rumour scorer's call (test/workers/rumour/).
    expect(story).toMatchObject({ replies: 4, queries: 2, denies: 2 });
    expect(story.text).toContain('网传');
    expect(count("SELECT COUNT(DISTINCT story_id) AS n FROM mentions WHERE uid LIKE 'weibo:q%' OR uid = 'weibo:r'")).toBe(1);
  });
});
