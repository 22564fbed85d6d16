import { describe, expect, it } from 'vitest';
import { normalise } from '../../../workers/nlp/normalise.js';
import { assignStory, MemoryStoryIndex, storyIdFor, type StoryInput } from '../../../workers/stories/index.js';
import { STORY_GROUPS } from '../../fixtures/nlp/story-texts.js';

let n = 0;
/** A story input for mention `id` (a fresh one when not given) on weibo. */
function input(text: string, over: Partial<Omit<StoryInput, 'uid'>> & { id?: string } = {}): StoryInput {
  const { id = `m${++n}`, ...rest } = over;
  return { uid: `weibo:${id}`, platform: 'weibo', kind: 'post', text: normalise(text), ...rest };
}

describe('assignStory', () => {
  it.each(STORY_GROUPS.map((g, i) => [i, g] as const))('group %i: near-duplicates join, different texts do not', (_i, g) => {
    const index = new MemoryStoryIndex();
    const story = assignStory(input(g.original), index);
    for (const t of g.joins) expect(assignStory(input(t), index), t).toBe(story);
    for (const t of g.separate) expect(assignStory(input(t), index), t).not.toBe(story);
  });

  it('replies and reposts join the story of their root', () => {
    const index = new MemoryStoryIndex();
    const root = assignStory(input('网传东湖区某小学门口有人抢孩子，大家注意', { id: 'r1' }), index);
    expect(assignStory(input('真的假的？', { kind: 'reply', rootId: 'r1', parentId: 'r1' }), index)).toBe(root);
    expect(assignStory(input('这件事和别的完全不一样的长文本内容在这里', { kind: 'repost', rootId: 'r1' }), index)).toBe(root);
  });

  it('a reply to a reply without rootId follows its parent', () => {
    const index = new MemoryStoryIndex();
    const root = assignStory(input('网传东湖区某小学门口有人抢孩子，大家注意', { id: 'r1' }), index);
    assignStory(input('真的假的？', { id: 'c1', kind: 'reply', rootId: 'r1', parentId: 'r1' }), index);
    expect(assignStory(input('我也想知道', { kind: 'reply', parentId: 'c1' }), index)).toBe(root);
  });

  it('a reply that arrives before its root creates the story the root then adopts', () => {
    const index = new MemoryStoryIndex();
    const early = assignStory(input('真的假的？', { kind: 'reply', rootId: 'late' }), index);
    expect(early).toBe(storyIdFor('weibo:late'));
    expect(assignStory(input('网传东湖区某小学门口有人抢孩子，大家注意', { id: 'late' }), index)).toBe(early);
  });

  it('a root-less repost with a short comment clusters on the quoted text', () => {
    const index = new MemoryStoryIndex();
    const original = STORY_GROUPS[0]!.original;
    const story = assignStory(input(original), index);
    expect(assignStory(input(`太可怕了//@江城生活:${original}`, { kind: 'repost' }), index)).toBe(story);
  });

  it('short texts get a story of their own', () => {
    const index = new MemoryStoryIndex();
    const a = assignStory(input('真的假的', { id: 'a' }), index);
    const b = assignStory(input('真的假的', { id: 'b' }), index);
    expect(a).toBe(storyIdFor('weibo:a'));
    expect(b).not.toBe(a);
  });

  it('is idempotent for a redelivered mention', () => {
    const index = new MemoryStoryIndex();
    const first = assignStory(input('今天下午江城大桥发生多车追尾事故', { id: 'x' }), index);
    expect(assignStory(input('今天下午江城大桥发生多车追尾事故', { id: 'x' }), index)).toBe(first);
  });

  it('gives the same ids for the same input order', () => {
    const run = () => {
      const index = new MemoryStoryIndex();
      return STORY_GROUPS.flatMap((g) => [g.original, ...g.joins, ...g.separate]).map((t, i) =>
        assignStory({ uid: `weibo:d${i}`, platform: 'weibo', kind: 'post', text: normalise(t) }, index),
      );
    };
    const a = run();
    expect(run()).toEqual(a);
    expect(new Set(a).size).toBeGreaterThan(2);
    for (const id of a) expect(id).toMatch(/^st_[0-9a-f]{12}$/);
  });
});
