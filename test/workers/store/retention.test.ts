import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWriteStore, type Db } from '../../../workers/store/open.js';
import { createRetention } from '../../../workers/store/retention.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 24, 8, 0, 0);
let dir: string;
let db: Db;

/** Rows as the batch writer leaves them: a mention, its topic-index rows and its aggregate count. */
function mention(uid: string, createdAt: number, topics: string[]) {
  db.prepare(
    `INSERT INTO mentions (uid, id, platform, kind, text, created_at, created_at_iso, thread_uid, lang, sentiment,
       sentiment_score, emotion, critical, stance, topics, source, ingested_at)
     VALUES (?, ?, 'weibo', 'post', 'text', ?, ?, ?, 'zh', 'neutral', 0, 'none', 0, 'support', ?, 'api', ?)`,
  ).run(uid, uid.slice(6), createdAt, new Date(createdAt).toISOString(), uid, JSON.stringify(topics), createdAt);
  for (const t of topics) db.prepare('INSERT INTO mention_topics (topic, created_at, uid) VALUES (?, ?, ?)').run(t, createdAt, uid);
  db.prepare(
    `INSERT INTO agg_minute (minute, dim, key, n) VALUES (?, 'all', '*', 1)
     ON CONFLICT (minute, dim, key) DO UPDATE SET n = n + 1`,
  ).run(Math.floor(createdAt / 60_000));
}
const count = (sql: string, ...p: unknown[]) => (db.prepare(sql).get(...p) as { n: number }).n;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'yuqing-retention-'));
  db = openWriteStore(dir);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('retention pass', () => {
  it('deletes, in as many batches as it takes, only what is older than the window', async () => {
    for (let i = 0; i < 11; i++) mention(`weibo:old${i}`, NOW - 31 * DAY - i * 60_000, ['traffic', 'fraud']);
    for (let i = 0; i < 4; i++) mention(`weibo:new${i}`, NOW - 29 * DAY + i * 60_000, ['traffic']);
    for (let i = 0; i < 5; i++) {
      db.prepare("INSERT INTO rejected_items (job_id, item_index, error, payload, at) VALUES ('j', ?, 'bad', '{}', ?)").run(i, i < 3 ? NOW - 40 * DAY : NOW);
    }
    const counted = count("SELECT SUM(n) AS n FROM agg_minute WHERE dim = 'all'");

    // Batches of 3: four mention batches (3+3+3+2), one of rejected items.
    const done = await createRetention(db, 3).pass(30, NOW);
    expect(done).toEqual({ mentions: 11, rejectedItems: 3 });
    expect(count('SELECT COUNT(*) AS n FROM mentions')).toBe(4);
    expect(count("SELECT COUNT(*) AS n FROM mentions WHERE uid LIKE 'weibo:new%'")).toBe(4);
    expect(count('SELECT COUNT(*) AS n FROM mention_topics')).toBe(4);
    expect(count('SELECT COUNT(*) AS n FROM rejected_items')).toBe(2);
    expect(count("SELECT SUM(n) AS n FROM agg_minute WHERE dim = 'all'")).toBe(counted);

    expect(await createRetention(db, 3).pass(30, NOW)).toEqual({ mentions: 0, rejectedItems: 0 });
  });

  it('stops between batches when told to', async () => {
    for (let i = 0; i < 10; i++) mention(`weibo:old${i}`, NOW - 31 * DAY - i, []);
    let batches = 0;
    const done = await createRetention(db, 2).pass(30, NOW, () => batches++ >= 2);
    expect(done.mentions).toBe(4);
    expect(count('SELECT COUNT(*) AS n FROM mentions')).toBe(6);
  });
});
