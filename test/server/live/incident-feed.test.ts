import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FEED_SAFETY_WINDOW_MS, createIncidentFeed } from '../../../server/live/incident-feed.js';
import type { Store } from '../../../shared/store/store.js';
import { newIncident, storyFixture } from '../../support/seed.js';
import { BACKENDS, openTestStore, type TestStore } from '../../support/stores.js';

const T0 = Date.UTC(2026, 0, 10, 8, 0, 0);

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
  /** An event with the id its writer drew, committed whenever the test says (explicit ids model the interleaving). */
  const event = (id: number, incidentId: number, at: number, action: 'opened' | 'assigned' = 'assigned') =>
    store.db
      .insertInto('incident_events')
      .values({ id, incident_id: incidentId, at, actor: 'w', action, from_value: null, to_value: null, note: null })
      .execute();

  it('announces an event that commits after a later-numbered one, and each event once', async () => {
    const a = await incident('st_a');
    const b = await incident('st_b');
    await event(1, a, T0 - 10_000, 'opened');
    const feed = await createIncidentFeed(store.db);
    // History at start is not news.
    expect(await feed.poll(T0)).toEqual([]);

    // Writer 1 drew id 10 (stamped T0), writer 2 drew id 11 (T0 + 5) and committed first.
    await event(11, b, T0 + 5, 'opened');
    expect((await feed.poll(T0)).map((e) => [e.kind, e.incident.id])).toEqual([['opened', b]]);
    await event(10, a, T0);
    expect((await feed.poll(T0)).map((e) => [e.kind, e.incident.id])).toEqual([['updated', a]]);
    // Nothing new: nothing announced again.
    expect(await feed.poll(T0)).toEqual([]);

    // A commit stamped well inside the window behind the newest is still found; far outside it, it is history.
    await event(12, b, T0 + 60_000);
    await event(13, a, T0 + 60_000 - FEED_SAFETY_WINDOW_MS / 2);
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
