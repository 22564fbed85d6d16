import { describe, expect, it } from 'vitest';
import { normalise } from '../../../workers/nlp/normalise.js';
import { assignStory, MemoryStoryIndex, type StoryInput } from '../../../workers/stories/index.js';

let n = 0;
function input(text: string, over: Partial<Omit<StoryInput, 'uid' | 'text'>> & { id?: string } = {}): StoryInput {
  const { id = `nd${++n}`, platform = 'weibo', ...rest } = over;
  return { uid: `${platform}:${id}`, platform, kind: 'post', text: normalise(text), ...rest };
}

const CLAIM = '网传东湖区实验小学门口有人贩子开面包车抢孩子，已经抢走两个了，家里有孩子的千万注意';
const EN_CLAIM = 'Reports say the water supply in the east district has been poisoned and people are already in hospital';

describe('near-duplicate stories', () => {
  it.each([
    ['the same claim with a call to spread added', `紧急扩散！${CLAIM}`],
    ['a small edit', CLAIM.replace('两个', '三个').replace('千万', '一定')],
    ['traditional characters', '網傳東湖區實驗小學門口有人販子開麵包車搶孩子，已經搶走兩個了，家裡有孩子的千萬注意'],
    ['full-width punctuation and emoticons', `${CLAIM}！！[害怕][害怕]`],
  ])('Chinese: %s joins the claim', (_what, text) => {
    const index = new MemoryStoryIndex();
    const story = assignStory(input(CLAIM), index);
    expect(assignStory(input(text), index)).toBe(story);
  });

  it.each([
    ['a prefix', `URGENT: ${EN_CLAIM}`],
    ['different case and punctuation', EN_CLAIM.toUpperCase() + '!!!'],
    ['a retweet with a short comment', `omg RT @someone: ${EN_CLAIM}`],
  ])('English: %s joins the claim', (_what, text) => {
    const index = new MemoryStoryIndex();
    const story = assignStory(input(EN_CLAIM, { platform: 'twitter' }), index);
    expect(assignStory(input(text, { platform: 'twitter' }), index)).toBe(story);
  });

  it('keeps a different claim on the same topic apart, in both languages', () => {
    const index = new MemoryStoryIndex();
    const zh = assignStory(input(CLAIM), index);
    const en = assignStory(input(EN_CLAIM, { platform: 'twitter' }), index);
    expect(assignStory(input('东湖区实验小学今天举行运动会，孩子们玩得很开心，家长们也来加油'), index)).not.toBe(zh);
    expect(assignStory(input('The east district water plant opens to visitors this weekend with free tours', { platform: 'twitter' }), index)).not.toBe(en);
  });

  it('a repost that quotes the claim to deny it joins the claim, with or without naming its root', () => {
    const index = new MemoryStoryIndex();
    const story = assignStory(input(CLAIM, { id: 'claim' }), index);
    // Naming the root: whatever it says.
    expect(assignStory(input(`这是谣言，去年就辟谣过了，大家别再转了，我就住东湖区根本没这回事 //@路人甲: ${CLAIM}`, { kind: 'repost', rootId: 'claim', parentId: 'claim' }), index)).toBe(story);
    // Without a root: a short denial is clustered on the claim it quotes.
    expect(assignStory(input(`谣言！别信 //@路人甲: ${CLAIM}`, { kind: 'repost' }), index)).toBe(story);
    expect(assignStory(input(`Fake, stop sharing RT @someone: ${EN_CLAIM}`, { kind: 'repost', platform: 'twitter' }), new MemoryStoryIndex())).toMatch(/^st_/);
    const enIndex = new MemoryStoryIndex();
    const en = assignStory(input(EN_CLAIM, { platform: 'twitter' }), enIndex);
    expect(assignStory(input(`Fake, stop sharing RT @someone: ${EN_CLAIM}`, { kind: 'repost', platform: 'twitter' }), enIndex)).toBe(en);
  });

  it('a reply denying the claim joins it through its root, not its words', () => {
    const index = new MemoryStoryIndex();
    const story = assignStory(input(CLAIM, { id: 'claim' }), index);
    expect(assignStory(input('假的，别传了', { kind: 'reply', rootId: 'claim', parentId: 'claim' }), index)).toBe(story);
    expect(assignStory(input('Is this true? Source?', { kind: 'reply', parentId: 'claim' }), index)).toBe(story);
  });
});
