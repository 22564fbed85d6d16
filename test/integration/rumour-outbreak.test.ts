import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoryView } from '../../shared/contracts/views.js';
import { startSystem, type TestSystem } from '../support/system.js';

let sys: TestSystem;
beforeAll(async () => {
  sys = await startSystem();
});
afterAll(async () => sys?.stop());



const ROOT_ID = 'outbreak-root';
const ROOT_TEXT = '网传城南区自来水厂被人投毒了，好几个小区已经有人喝了拉肚子送医院！紧急扩散，这两天千万别喝自来水！转发周知';
const REPLIES = [
  '真的假的？有没有官方消息', '太可怕了，赶紧告诉家里人别喝水', '求证，城南区的朋友在吗', '这是谣言吧，别传了', '水务局有没有通知？',
  '吓死了，我今天已经喝了好几杯', '有图有真相吗？', '假的，去年就有人这么传过', '警察怎么还不出来说明一下', '消息来源是哪里？',
  '我家水是正常的啊，不信谣不传谣', '坐等官方回应', '超市矿泉水都被抢光了，好害怕', '编的吧，哪个小区都没说', '有没有医院的朋友证实一下',
];
const SPREAD = ['转发周知', '紧急扩散！', '扩散，大家注意', '真的假的？先转了', '太可怕了，转给家人'];

/** The outbreak in time order: the root, then replies and reposts coming faster and faster. */
function outbreak(total: number) {
  const t0 = Date.now() - 40 * 60_000;
  const items: Record<string, unknown>[] = [
    { id: ROOT_ID, platform: 'weibo', kind: 'post', text: ROOT_TEXT, createdAt: new Date(t0).toISOString(), author: { id: 'u-root', name: '城南吃瓜', verified: false, followers: 1200 } },
  ];
  for (let i = 1; i < total; i++) {
    // Quadratic growth: the i-th response arrives at 40·√(i/total) minutes.
    const at = t0 + Math.round(40 * 60_000 * Math.sqrt(i / total)) - 1000;
    const repost = i % 3 === 0;
    items.push({
      id: `outbreak-${i}`, platform: 'weibo', kind: repost ? 'repost' : 'reply', rootId: ROOT_ID, parentId: ROOT_ID,
      text: repost ? `${SPREAD[i % SPREAD.length]} //@城南吃瓜: ${ROOT_TEXT}` : REPLIES[i % REPLIES.length],
      createdAt: new Date(at).toISOString(), author: { id: `u${i}`, name: `网友${i}`, followers: 100 + i * 37 },
    });
  }
  return items;
}

async function candidateFor(rootId: string): Promise<StoryView | undefined> {
  const { items } = await sys.getJson<{ items: StoryView[] }>('/api/v1/stories?candidates=true&limit=50');
  return items.find((s) => s.rootUid === `weibo:${rootId}`);
}

describe('a rumour outbreak posted through the API', () => {
  it('is flagged with reasons before it reaches half its final size, and opens exactly one incident', async () => {
    const all = outbreak(80);
    const half = all.length / 2;
    // The first half in waves, as a live source would send them.
    for (let i = 0; i < half; i += 10) expect((await sys.postMentions(all.slice(i, Math.min(i + 10, half)))).status).toBe(202);
    await sys.drained();

    const flagged = await candidateFor(ROOT_ID);
    expect(flagged, 'a candidate story for the outbreak after half of it').toBeDefined();
    expect(flagged!.posts + flagged!.replies).toBeLessThanOrEqual(half);
    expect(flagged!.needsClarification).toBe(true);
    expect(flagged!.rumourScore).toBeGreaterThan(0.5);
    expect(flagged!.reasons!.length).toBeGreaterThan(0);
    const withExamples = flagged!.reasons!.filter((r) => r.examples.length > 0);
    expect(withExamples.length).toBeGreaterThan(0);
    expect(flagged!.reasons!.map((r) => r.signal)).toEqual(expect.arrayContaining([expect.stringMatching(/queries|denials|claimCues|rootWording|replyWording/)]));

    for (let i = half; i < all.length; i += 10) expect((await sys.postMentions(all.slice(i, i + 10))).status).toBe(202);
    await sys.drained();
    const later = await candidateFor(ROOT_ID);
    expect(later!.id).toBe(flagged!.id);
    expect(later!.posts + later!.replies).toBe(all.length);
    const { items: stories } = await sys.getJson<{ items: StoryView[] }>('/api/v1/stories?candidates=true&limit=50');
    expect(stories.filter((s) => s.rootUid === `weibo:${ROOT_ID}`)).toHaveLength(1);
    const { items: incidents } = await sys.getJson<{ items: { storyId: string }[] }>('/api/v1/incidents?limit=200');
    expect(incidents.filter((x) => x.storyId === flagged!.id)).toHaveLength(1);
  });
});
