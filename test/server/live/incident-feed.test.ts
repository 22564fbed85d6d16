import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FEED_SAFETY_WINDOW_MS, createIncidentFeed } from '../../../server/live/incident-feed.js';
import type { Store } from '../../../shared/store/store.js';
import { newIncident, storyFixture } from '../../support/seed.js';
import { BACKENDS, openTestStore, stopTestCluster, type TestStore } from '../../support/stores.js';

const T0 = Date.UTC(2026, 0, 10, 8, 0, 0);

afterAll(() => stopTestCluster());

describe.each(BACKENDS)('incident feed with several writers (%s)', (backend) => {
  let t: TestStore;
  let store: Store;
  beforeEach(async () => {
    t = await openTestStore(backend);
    store = t.store;
  });
  afterEach(() => t.close());

  async function incident(storyId: string): Promise<number> {
    await store.db.insertInto('stories').values(storyFixture(storyId, T0)).execute();
    return (await store.db.insertInto('incidents').values(newIncident(storyId, T0)).returning('id').executeTakeFirstOrThrow()).id;
  }
  const values = (incidentId: number, at: number, action: 'opened' | 'assigned') =>
    ({ incident_id: incidentId, at, actor: 'w', action, from_value: null, to_value: null, note: null }) as const;
  const event = (incidentId: number, at: number, action: 'opened' | 'assigned' = 'assigned') =>
    store.db.insertInto('incident_events').values(values(incidentId, at, action)).execute();

  /**
   * Two writers: the first draws the lower id (stamped `at1`) but commits only after the second
   * (higher id, `at2`) has committed and `between` has run. PostgreSQL: two real concurrent
   * transactions. SQLite has one writer at a time, so the interleaving is written with explicit ids.
   */
  async function outOfOrder(first: [number, number], second: [number, number], between: () => Promise<void>) {
    if (backend === 'postgres') {
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      let drawn!: () => void;
      const hasId = new Promise<void>((r) => (drawn = r));
      const slow = store.write(async (tx) => {
        await tx.insertInto('incident_events').values(values(first[0], first[1], 'assigned')).execute();
        drawn();
        await gate;
      });
      await hasId;
      await event(second[0], second[1], 'opened');
      await between();
      release();
      await slow;
      return;
    }
    const ids = await store.db.selectFrom('incident_events').select((eb) => eb.fn.max<number | null>('id').as('id')).executeTakeFirst();
    const next = Number(ids?.id ?? 0) + 1;
    await store.db.insertInto('incident_events').values({ id: next + 1, ...values(second[0], second[1], 'opened') }).execute();
    await between();
    await store.db.insertInto('incident_events').values({ id: next, ...values(first[0], first[1], 'assigned') }).execute();
  }

  it('announces an event that commits after a later-numbered one, and each event once', async () => {
    const a = await incident('st_a');
    const b = await incident('st_b');
    await event(a, T0 - 10_000, 'opened');
    const feed = await createIncidentFeed(store.db);
    // History at start is not news.
    expect(await feed.poll(T0)).toEqual([]);

    // Writer 1 drew the lower id (stamped T0), writer 2 the higher (T0 + 5) and committed first.
    await outOfOrder([a, T0], [b, T0 + 5], async () => {
      expect((await feed.poll(T0)).map((e) => [e.kind, e.incident.id])).toEqual([['opened', b]]);
    });
    expect((await feed.poll(T0)).map((e) => [e.kind, e.incident.id])).toEqual([['updated', a]]);
    // Nothing new: nothing announced again.
    expect(await feed.poll(T0)).toEqual([]);

    // A commit stamped well inside the window behind the newest is still found.
    await event(b, T0 + 60_000);
    await event(a, T0 + 60_000 - FEED_SAFETY_WINDOW_MS / 2);
    expect((await feed.poll(T0)).map((e) => e.incident.id).sort()).toEqual([a, b].sort());
    expect(await feed.poll(T0)).toEqual([]);
  });

  it('reads a burst larger than one page in full', async () => {
    const a = await incident('st_c');
    const feed = await createIncidentFeed(store.db);
    await store.write(async (tx) => {
      for (let i = 0; i < 1200; i += 200) {
        await tx
          .insertInto('incident_events')
          .values(Array.from({ length: 200 }, (_, k) => ({ incident_id: a, at: T0 + i + k, actor: 'w', action: 'assigned' as const, from_value: null, to_value: null, note: null })))
          .execute();
      }
    });
    expect((await feed.poll(T0)).map((e) => e.incident.id)).toEqual([a]);
    expect(await feed.poll(T0)).toEqual([]);
  });
});
