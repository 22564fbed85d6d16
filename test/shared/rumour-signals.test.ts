import { describe, expect, it } from 'vitest';
import { readStoredSignals, readStorySignals, storySignalsSchema } from '../../shared/contracts/rumour-signals.js';
import { presentStory, type StoryRow } from '../../shared/store/rows.js';
import { createTagger } from '../../workers/nlp/tagger.js';
import { createBatchProcessor } from '../../workers/pipeline/process-batch.js';
import { parseSignals } from '../../workers/rumour/accumulate.js';
import { clarificationPost, rumourOutbreak } from '../integration/incidents-outbreak.js';
import { testStores } from '../support/stores.js';

const job = (mentions: unknown[]) => ({ v: 1, source: 'api', receivedAt: new Date().toISOString(), mentions });

describe('the stored rumour signals contract', () => {
  const t = testStores('sqlite');

  it('accepts every state the live scorer writes, unchanged', async () => {
    const run = createBatchProcessor({ store: t.store, tagger: createTagger(), publish: async () => undefined, warn: () => undefined });
    await run('j1', job(rumourOutbreak('sig')));
    await run('j2', job([clarificationPost('sig'), { id: 'late', platform: 'weibo', kind: 'reply', rootId: 'sig-root', parentId: 'sig-root', text: '原来是谣言，散了吧', createdAt: new Date().toISOString() }]));
    const rows = await t.store.db.selectFrom('stories').select('signals').execute();
    expect(rows.length).toBeGreaterThan(1);
    let answered = 0;
    for (const { signals } of rows) {
      const raw = JSON.parse(signals) as unknown;
      // Parsing adds nothing and drops nothing: the writer's object is exactly the contract's.
      expect(storySignalsSchema.parse(raw)).toEqual(raw);
      if (readStoredSignals(signals)?.afterAnswer) answered++;
    }
    expect(answered).toBe(1);
  });

  it('reads a bad stored row as "no explanation" and lets the scorer start afresh, never failing', () => {
    const row = (signals: string): StoryRow => ({
      id: 'st_x', root_uid: null, text: 't', first_seen: 0, last_seen: 0, posts: 1, replies: 0, supports: 0, queries: 0, denies: 0, reach: 0,
      official_replied: 0, root_official: 0, rumour_score: 0, candidate: 0, signals,
    });
    for (const bad of ['{not json', '{"v":2,"reasons":[]}', '{"v":1,"reasons":"many"}', '{"v":1,"officialAnswer":{"uid":5}}', 'null']) {
      expect(readStoredSignals(bad), bad).toBeNull();
      expect(readStorySignals(bad), bad).toBeNull();
      const view = presentStory(row(bad));
      expect(view.reasons, bad).toBeUndefined();
      expect(view.officialAnswer, bad).toBeUndefined();
      expect(parseSignals(bad, 1000)).toMatchObject({ v: 1, t0: 1000, reasons: [], score: 0 });
    }
    // A reader needs only what it reads: an older state without the newer parts still shows its reasons.
    const reason = { signal: 'queries', weight: 1.2, value: 0.4, detail: '4 of 10 responses ask', examples: [{ uid: 'weibo:q', text: '真的假的' }] };
    expect(presentStory(row(JSON.stringify({ v: 1, reasons: [reason] }))).reasons).toEqual([reason]);
  });
});
