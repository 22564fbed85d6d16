import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../shared/store/migrations.js';
import type { StoryRow } from '../../../shared/store/rows.js';
import { openIncidents } from '../../../workers/store/incidents.js';

let db: Database.Database;
const NOW = Date.UTC(2026, 0, 10, 8, 0, 0);

function story(id: string, text: string, over: Partial<StoryRow> = {}): StoryRow {
  const s: StoryRow = {
    id, root_uid: `weibo:${id}`, text, first_seen: NOW - 600_000, last_seen: NOW, posts: 3, replies: 20, supports: 5,
    queries: 6, denies: 4, reach: 10_000, official_replied: 0, root_official: 0, rumour_score: 0.42, candidate: 1, ...over,
  };
  db.prepare(
    `INSERT INTO stories (id, root_uid, text, first_seen, last_seen, posts, replies, queries, denies, rumour_score, candidate, root_official, signals)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(s.id, s.root_uid, s.text, s.first_seen, s.last_seen, s.posts, s.replies, s.queries, s.denies, s.rumour_score, s.candidate, s.root_official,
    JSON.stringify({ reasons: [{ signal: 'denyShare', value: 0.2 }] }));
  return s;
}

const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;

beforeEach(() => {
  db = new Database(':memory:');
  migrate(db);
});
afterEach(() => db.close());

describe('openIncidents', () => {
  it('opens one incident per story, however often the story is flagged', () => {
    const s = story('st_a', '网传东湖区实验小学门口有人贩子抢孩子，紧急扩散！');
    const first = openIncidents(db, [s, s], NOW);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ storyId: 'st_a', openedAt: NOW, knownIncidentId: null });
    expect(openIncidents(db, [s], NOW + 1000)).toEqual([]);
    expect(count('SELECT COUNT(*) AS n FROM incidents')).toBe(1);
    const row = db.prepare('SELECT * FROM incidents').get() as { status: string; opened_at: number; score_at_open: number; reasons_at_open: string };
    expect(row).toMatchObject({ status: 'open', opened_at: NOW, score_at_open: 0.42 });
    expect(JSON.parse(row.reasons_at_open)).toEqual([{ signal: 'denyShare', value: 0.2 }]);
    const events = db.prepare('SELECT actor, action, to_value FROM incident_events').all();
    expect(events).toEqual([{ actor: 'system', action: 'opened', to_value: 'open' }]);
  });

  it('opens nothing for stories that are not candidates or that an official account started', () => {
    const a = story('st_b', '普通帖子', { candidate: 0 });
    const b = story('st_c', '【辟谣】网传消息系谣言', { root_official: 1 });
    expect(openIncidents(db, [a, b], NOW)).toEqual([]);
  });

  it('links a recurring hoax to the earlier clarified incident, and not an unrelated story', () => {
    const old = story('st_old', '网传东湖区实验小学门口有人贩子抢孩子，已经抢走两个了！紧急扩散！');
    const [first] = openIncidents(db, [old], NOW - 86_400_000);
    // Still open: an open incident is not an answer yet.
    const early = story('st_early', '网传西城区第一中学门口有人贩子抢孩子，已经抢走两个了！紧急扩散！家长注意');
    expect(openIncidents(db, [early], NOW - 3_600_000)[0]?.knownIncidentId).toBeNull();

    db.prepare("UPDATE incidents SET status = 'clarified', closed_at = ? WHERE id = ?").run(NOW - 80_000_000, first!.id);
    const again = story('st_new', '网传南湖区第二小学门口有人贩子抢孩子，已经抢走两个了！紧急扩散！');
    const unrelated = story('st_other', '听说解放大道要封路三天，紧急扩散，转发周知');
    const opened = openIncidents(db, [again, unrelated], NOW);
    expect(opened.find((o) => o.storyId === 'st_new')).toMatchObject({ knownIncidentId: first!.id });
    expect(opened.find((o) => o.storyId === 'st_new')!.knownSimilarity).toBeGreaterThanOrEqual(0.3);
    expect(opened.find((o) => o.storyId === 'st_other')).toMatchObject({ knownIncidentId: null });
    const known = db.prepare("SELECT actor, action, to_value FROM incident_events WHERE action = 'known'").all();
    expect(known).toEqual([{ actor: 'system', action: 'known', to_value: String(first!.id) }]);
  });
});
