import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acknowledge, assign, IncidentCommandError, linkClarification, setStatus } from '../../../server/incidents/commands.js';
import { incidentDetail, incidentRow, openIncidentsByUrgency } from '../../../server/incidents/read.js';
import { migrate } from '../../../shared/store/migrations.js';

let db: Database.Database;
const T0 = Date.UTC(2026, 0, 10, 8, 0, 0);
const H = 3_600_000;

function open(storyId: string, openedAt: number): number {
  db.prepare("INSERT INTO stories (id, text, first_seen, last_seen, candidate) VALUES (?, 'claim', ?, ?, 1)").run(storyId, openedAt, openedAt);
  const r = db
    .prepare("INSERT INTO incidents (story_id, opened_at, score_at_open, story_text, updated_at) VALUES (?, ?, 0.9, 'claim', ?)")
    .run(storyId, openedAt, openedAt);
  return Number(r.lastInsertRowid);
}
const ctx = (id: number, actor: string, now: number) => ({ db, id, actor, now });
const events = (id: number) => db.prepare('SELECT actor, action, from_value, to_value FROM incident_events WHERE incident_id = ? ORDER BY id').all(id);

beforeEach(() => {
  db = new Database(':memory:');
  migrate(db);
});
afterEach(() => db.close());

describe('incident commands', () => {
  it('records each change once, with who and when', () => {
    const id = open('st_1', T0);
    expect(acknowledge(ctx(id, 'a', T0 + 1)).changed).toBe(true);
    expect(acknowledge(ctx(id, 'b', T0 + 2)).changed).toBe(false);
    expect(assign(ctx(id, 'a', T0 + 3), 'c').changed).toBe(true);
    expect(assign(ctx(id, 'a', T0 + 4), 'c').changed).toBe(false);
    expect(incidentRow(db, id)).toMatchObject({ acknowledged_by: 'a', acknowledged_at: T0 + 1, assignee: 'c', updated_at: T0 + 3 });
    expect(events(id)).toEqual([
      { actor: 'a', action: 'acknowledged', from_value: null, to_value: 'a' },
      { actor: 'a', action: 'assigned', from_value: null, to_value: 'c' },
    ]);
  });

  it('acknowledges on the first status change, stops the clock on closing and restarts it on reopening', () => {
    const id = open('st_2', T0);
    setStatus(ctx(id, 'x', T0 + H), { status: 'verifying' });
    expect(incidentRow(db, id)).toMatchObject({ status: 'verifying', acknowledged_by: 'x', closed_at: null });
    setStatus(ctx(id, 'x', T0 + 2 * H), { status: 'dismissed', note: 'not about us' });
    expect(incidentRow(db, id)).toMatchObject({ status: 'dismissed', status_note: 'not about us', closed_at: T0 + 2 * H });
    // Clarified after dismissed: still closed at the first closing.
    setStatus(ctx(id, 'y', T0 + 3 * H), { status: 'clarified', note: 'answered' });
    expect(incidentRow(db, id)?.closed_at).toBe(T0 + 2 * H);
    const closed = incidentDetail(db, id, T0 + 10 * H)!.incident.clock;
    expect(closed).toMatchObject({ stopped: true, elapsedMs: 2 * H, marksPassed: 0 });
    setStatus(ctx(id, 'y', T0 + 6 * H), { status: 'watching' });
    expect(incidentDetail(db, id, T0 + 6 * H)!.incident.clock).toMatchObject({ stopped: false, marksPassed: 1, level: 'overdue' });
    expect((events(id) as { action: string }[]).map((e) => e.action)).toEqual(['acknowledged', 'status', 'status', 'status', 'status']);
  });

  it('refuses a clarification that is not stored and an incident that does not exist', () => {
    const id = open('st_3', T0);
    expect(() => linkClarification(ctx(id, 'x', T0), 'weibo:nope')).toThrow(IncidentCommandError);
    expect(() => acknowledge(ctx(999, 'x', T0))).toThrow(/no incident 999/);
    expect(events(id)).toEqual([]);
  });

  it('lists open incidents most urgent first for the handover', () => {
    const a = open('st_a', T0 - 1 * H);
    const b = open('st_b', T0 - 6 * H);
    const c = open('st_c', T0 - 4.5 * H);
    const d = open('st_d', T0 - 30 * H);
    setStatus(ctx(d, 'x', T0), { status: 'clarified', note: 'done' });
    expect(openIncidentsByUrgency(db, T0).map((i) => i.id)).toEqual([b, c, a]);
  });
});
