import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acknowledge, assign, IncidentCommandError, linkClarification, setStatus } from '../../../server/incidents/commands.js';
import { incidentDetail, incidentRow, openIncidentsByUrgency } from '../../../server/incidents/read.js';
import type { Store } from '../../../shared/store/store.js';
import { newIncident, storyFixture } from '../../support/seed.js';
import { BACKENDS, openTestStore, stopTestCluster, type TestStore } from '../../support/stores.js';

const T0 = Date.UTC(2026, 0, 10, 8, 0, 0);
const H = 3_600_000;

afterAll(() => stopTestCluster());

describe.each(BACKENDS)('incident commands (%s)', (backend) => {
  let t: TestStore;
  let store: Store;
  beforeEach(async () => {
    t = await openTestStore(backend);
    store = t.store;
  });
  afterEach(() => t.close());

  async function open(storyId: string, openedAt: number): Promise<number> {
    await store.db.insertInto('stories').values(storyFixture(storyId, openedAt)).execute();
    return (await store.db.insertInto('incidents').values(newIncident(storyId, openedAt)).returning('id').executeTakeFirstOrThrow()).id;
  }
  const ctx = (id: number, actor: string, now: number) => ({ store, id, actor, now });
  const events = (id: number) =>
    store.db.selectFrom('incident_events').select(['actor', 'action', 'from_value', 'to_value']).where('incident_id', '=', id).orderBy('id').execute();

  it('records each change once, with who and when', async () => {
    const id = await open('st_1', T0);
    expect((await acknowledge(ctx(id, 'a', T0 + 1))).changed).toBe(true);
    expect((await acknowledge(ctx(id, 'b', T0 + 2))).changed).toBe(false);
    expect((await assign(ctx(id, 'a', T0 + 3), 'c')).changed).toBe(true);
    expect((await assign(ctx(id, 'a', T0 + 4), 'c')).changed).toBe(false);
    expect(await incidentRow(store.db, id)).toMatchObject({ acknowledged_by: 'a', acknowledged_at: T0 + 1, assignee: 'c', updated_at: T0 + 3 });
    expect(await events(id)).toEqual([
      { actor: 'a', action: 'acknowledged', from_value: null, to_value: 'a' },
      { actor: 'a', action: 'assigned', from_value: null, to_value: 'c' },
    ]);
  });

  it('acknowledges on the first status change, stops the clock on closing and restarts it on reopening', async () => {
    const id = await open('st_2', T0);
    await setStatus(ctx(id, 'x', T0 + H), { status: 'verifying' });
    expect(await incidentRow(store.db, id)).toMatchObject({ status: 'verifying', acknowledged_by: 'x', closed_at: null });
    await setStatus(ctx(id, 'x', T0 + 2 * H), { status: 'dismissed', note: 'not about us' });
    expect(await incidentRow(store.db, id)).toMatchObject({ status: 'dismissed', status_note: 'not about us', closed_at: T0 + 2 * H });
    // Clarified after dismissed: still closed at the first closing.
    await setStatus(ctx(id, 'y', T0 + 3 * H), { status: 'clarified', note: 'answered' });
    expect((await incidentRow(store.db, id))?.closed_at).toBe(T0 + 2 * H);
    const closed = (await incidentDetail(store.db, id, T0 + 10 * H))!.incident.clock;
    expect(closed).toMatchObject({ stopped: true, elapsedMs: 2 * H, marksPassed: 0 });
    await setStatus(ctx(id, 'y', T0 + 6 * H), { status: 'watching' });
    expect((await incidentDetail(store.db, id, T0 + 6 * H))!.incident.clock).toMatchObject({ stopped: false, marksPassed: 1, level: 'overdue' });
    expect((await events(id)).map((e) => e.action)).toEqual(['acknowledged', 'status', 'status', 'status', 'status']);
  });

  it('refuses a clarification that is not stored and an incident that does not exist', async () => {
    const id = await open('st_3', T0);
    await expect(linkClarification(ctx(id, 'x', T0), 'weibo:nope')).rejects.toThrow(IncidentCommandError);
    await expect(acknowledge(ctx(999, 'x', T0))).rejects.toThrow(/no incident 999/);
    expect(await events(id)).toEqual([]);
  });

  it('lists open incidents most urgent first for the handover', async () => {
    const a = await open('st_a', T0 - 1 * H);
    const b = await open('st_b', T0 - 6 * H);
    const c = await open('st_c', T0 - 4.5 * H);
    const d = await open('st_d', T0 - 30 * H);
    await setStatus(ctx(d, 'x', T0), { status: 'clarified', note: 'done' });
    expect((await openIncidentsByUrgency(store.db, T0)).map((i) => i.id)).toEqual([b, c, a]);
  });
});
