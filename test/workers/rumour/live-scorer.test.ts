import { describe, expect, it } from 'vitest';
import type { Mention } from '../../../shared/contracts/mention.js';
import { presentStory, type StoryRow } from '../../../shared/store/rows.js';
import { createTagger } from '../../../workers/nlp/tagger.js';
import { createBatchProcessor } from '../../../workers/pipeline/process-batch.js';
import type { StorySignals } from '../../../workers/rumour/signals.js';
import { BACKENDS, testStores } from '../../support/stores.js';
import { PLAIN_REPLIES, PLAIN_ROOT, RUMOUR_REPLIES, RUMOUR_ROOT, thread } from './fixtures.js';

const tagger = createTagger();
let jobs = 0;
const police = { id: 'police', name: '江城警方', verified: true, official: true, followers: 900_000 };

describe.each(BACKENDS)('rumour scoring in the store (%s)', (backend) => {
  const t = testStores(backend);
  const post = (mentions: readonly Mention[]) =>
    createBatchProcessor({ store: t.store, tagger, publish: async () => undefined, warn: () => undefined })(`job-${++jobs}`, {
      v: 1, source: 'api', receivedAt: new Date().toISOString(), mentions,
    });
  const storyOf = async (uid: string): Promise<StoryRow & { signals: string }> =>
    t.store.db.selectFrom('stories as s').innerJoin('mentions as m', 'm.story_id', 's.id').selectAll('s').where('m.uid', '=', uid).executeTakeFirstOrThrow();
  const signalsOf = async (uid: string) => JSON.parse((await storyOf(uid)).signals) as StorySignals;

  it('flags a rumour story once enough replies question it, with reasons the API presents', async () => {
    const mentions = thread('r', RUMOUR_ROOT, RUMOUR_REPLIES);
    await post(mentions.slice(0, 4));
    expect(await storyOf('weibo:r')).toMatchObject({ candidate: 0 });
    await post(mentions.slice(4));
    const row = await storyOf('weibo:r');
    expect(row.candidate).toBe(1);
    expect(row.rumour_score).toBeGreaterThan(0.5);
    const s = await signalsOf('weibo:r');
    expect(row.rumour_score).toBe(s.score);
    expect(s.needsClarification).toBe(true);
    expect(s.counts.responses).toBe(RUMOUR_REPLIES.length);
    expect(s.flaggedAt).toBeGreaterThan(Date.parse(mentions[0]!.createdAt));

    const view = presentStory(row);
    expect(view.needsClarification).toBe(true);
    expect(view.reasons!.length).toBeGreaterThan(0);
    expect(view.reasons!.some((r) => r.examples.length > 0)).toBe(true);
    expect(view.growth!.counts.reduce((a, b) => a + b, 0)).toBe(mentions.length);
    expect(view.topSpreaders![0]).toMatchObject({ uid: 'weibo:r' });
    expect(view.officialAnswer).toBeNull();
  });

  it('counts nothing twice when a batch is delivered again', async () => {
    const mentions = thread('r', RUMOUR_ROOT, RUMOUR_REPLIES);
    await post(mentions);
    const first = (await storyOf('weibo:r')).signals;
    await post(mentions);
    await post(mentions.slice(3, 9));
    expect((await storyOf('weibo:r')).signals).toBe(first);
  });

  it('leaves a plain story alone and never flags an official account post', async () => {
    await post(thread('p', PLAIN_ROOT, PLAIN_REPLIES));
    await post(thread('o', RUMOUR_ROOT.replace('东湖区', '西城区'), RUMOUR_REPLIES, { rootAuthor: police }));
    expect((await storyOf('weibo:p')).candidate).toBe(0);
    expect(await storyOf('weibo:o')).toMatchObject({ candidate: 0, rumour_score: 0, root_official: 1 });
  });

  it('links a separate official clarification to the story it answers and measures before and after', async () => {
    const mentions = thread('r', RUMOUR_ROOT, RUMOUR_REPLIES);
    await post(mentions);
    const lastAt = Date.parse(mentions[mentions.length - 1]!.createdAt);
    const at = (min: number) => new Date(lastAt + min * 60_000).toISOString();
    await post([
      {
        id: 'clar', platform: 'weibo', kind: 'post', createdAt: at(1), author: police,
        text: '【辟谣】近日，网传“东湖区实验小学门口有人贩子开面包车抢孩子”。经江城警方核查，系谣言，学校周边秩序正常，造谣者已被依法处理。',
      },
    ]);
    const rumour = await storyOf('weibo:r');
    const clar = await storyOf('weibo:clar');
    expect(clar.id).not.toBe(rumour.id);
    const s = await signalsOf('weibo:r');
    expect(s.officialAnswer).toMatchObject({ uid: 'weibo:clar', via: 'post', storyId: clar.id, author: '江城警方' });
    expect(s.needsClarification).toBe(false);
    expect(rumour).toMatchObject({ candidate: 1, official_replied: 1 });
    expect((await signalsOf('weibo:clar')).answers).toBe(rumour.id);
    expect(clar.candidate).toBe(0);

    await post(['谢谢警方辟谣', '原来是谣言，散了', '造谣的抓得好'].map((text, i) => ({
      id: `after${i}`, platform: 'weibo', kind: 'reply' as const, rootId: 'r', parentId: 'r', text, createdAt: at(2 + i),
    })));
    const view = presentStory(await storyOf('weibo:r'));
    expect(view.answerEffect!.before.responses).toBe(RUMOUR_REPLIES.length);
    expect(view.answerEffect!.after.responses).toBe(3);
    expect(view.answerEffect!.after.denies).toBeGreaterThanOrEqual(1);
    expect(view.candidate).toBe(true);
    expect(view.needsClarification).toBe(false);
  });

  it('does not link a clarification about something else', async () => {
    await post(thread('r', RUMOUR_ROOT, RUMOUR_REPLIES));
    await post([
      {
        id: 'other', platform: 'weibo', kind: 'post', createdAt: new Date().toISOString(), author: police,
        text: '【辟谣】网传“北山水库大坝出现裂缝即将溃坝”系谣言，经核查，水库运行正常。',
      },
    ]);
    expect((await signalsOf('weibo:r')).officialAnswer).toBeUndefined();
    expect((await storyOf('weibo:r')).candidate).toBe(1);
  });
});
