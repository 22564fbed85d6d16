import { describe, expect, it } from 'vitest';
import type { StoryRow } from '../../../shared/store/rows.js';
import { openIncidents } from '../../../workers/store/incidents.js';
import { BACKENDS, testStores } from '../../support/stores.js';

const NOW = Date.UTC(2026, 0, 10, 8, 0, 0);
/** A reason as the scorer stores it (shared/contracts/rumour-signals.ts). */
const REASON = { signal: 'denials', weight: 0.8, value: 0.2, detail: '4 of 20 responses deny it', examples: [] };

describe.each(BACKENDS)('openIncidents (%s)', (backend) => {
  const t = testStores(backend);
  const db = () => t.store.db;

  async function story(id: string, text: string, over: Partial<StoryRow> = {}): Promise<StoryRow> {
    const s: StoryRow = {
      id, root_uid: `weibo:${id}`, text, first_seen: NOW - 600_000, last_seen: NOW, posts: 3, replies: 20, supports: 5,
      queries: 6, denies: 4, reach: 10_000, official_replied: 0, root_official: 0, rumour_score: 0.42, candidate: 1,
      signals: JSON.stringify({ v: 1, reasons: [REASON] }), ...over,
    };
    await db().insertInto('stories').values({ ...s, signals: s.signals as string, hash: null }).execute();
    return s;
  }

  it('opens one incident per story, however often the story is flagged', async () => {
    const s = await story('st_a', '网传东湖区实验小学门口有人贩子抢孩子，紧急扩散！');
    const first = await openIncidents(db(), [s, s], NOW);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ storyId: 'st_a', openedAt: NOW, knownIncidentId: null });
    expect(await openIncidents(db(), [s], NOW + 1000)).toEqual([]);
    expect(await t.count('SELECT COUNT(*) AS n FROM incidents')).toBe(1);
    const row = await db().selectFrom('incidents').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'open', opened_at: NOW, score_at_open: 0.42 });
    expect(JSON.parse(row.reasons_at_open as string)).toEqual([REASON]);
    const events = await db().selectFrom('incident_events').select(['actor', 'action', 'to_value']).execute();
    expect(events).toEqual([{ actor: 'system', action: 'opened', to_value: 'open' }]);
  });

  it('opens nothing for stories that are not candidates or that an official account started', async () => {
    const a = await story('st_b', '普通帖子', { candidate: 0 });
    const b = await story('st_c', '【辟谣】网传消息系谣言', { root_official: 1 });
    expect(await openIncidents(db(), [a, b], NOW)).toEqual([]);
  });

  it('links a recurring hoax to the earlier clarified incident, and not an unrelated story', async () => {
    const old = await story('st_old', '网传东湖区实验小学门口有人贩子抢孩子，已经抢走两个了！紧急扩散！');
    const [first] = await openIncidents(db(), [old], NOW - 86_400_000);
    // Still open: an open incident is not an answer yet.
    const early = await story('st_early', '网传西城区第一中学门口有人贩子抢孩子，已经抢走两个了！紧急扩散！家长注意');
    expect((await openIncidents(db(), [early], NOW - 3_600_000))[0]?.knownIncidentId).toBeNull();

    await db().updateTable('incidents').set({ status: 'clarified', closed_at: NOW - 80_000_000 }).where('id', '=', first!.id).execute();
    const again = await story('st_new', '网传南湖区第二小学门口有人贩子抢孩子，已经抢走两个了！紧急扩散！');
    const unrelated = await story('st_other', '听说解放大道要封路三天，紧急扩散，转发周知');
    const opened = await openIncidents(db(), [again, unrelated], NOW);
    expect(opened.find((o) => o.storyId === 'st_new')).toMatchObject({ knownIncidentId: first!.id });
    expect(opened.find((o) => o.storyId === 'st_new')!.knownSimilarity).toBeGreaterThanOrEqual(0.3);
    expect(opened.find((o) => o.storyId === 'st_other')).toMatchObject({ knownIncidentId: null });
    const known = await db().selectFrom('incident_events').select(['actor', 'action', 'to_value']).where('action', '=', 'known').execute();
    expect(known).toEqual([{ actor: 'system', action: 'known', to_value: String(first!.id) }]);
  });
});
