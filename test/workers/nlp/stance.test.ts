import { describe, expect, it } from 'vitest';
import { classifyStance, textStance } from '../../../workers/nlp/stance.js';
import { STANCE_CASES, STANCE_MISSES } from '../../fixtures/nlp/stance-cases.js';
import { tagText } from './helpers.js';

describe('stance', () => {
  it.each(STANCE_CASES)('$text → $stance ($why)', ({ text, stance, kind }) => {
    const over = kind === 'post' ? {} : { kind: kind ?? 'reply', rootId: 'root1', parentId: 'root1' };
    expect(tagText(text, over).stance).toBe(stance);
  });

  // Readings the shipped models get wrong (README: Tagging quality, known misreads): these fail
  // today, and this test fails as soon as one of them is read right, to be moved up.
  for (const { text, stance, kind, why } of STANCE_MISSES) {
    it.fails(`known miss: ${text} → ${stance} (${why})`, () => {
      const over = kind === 'post' ? {} : { kind: kind ?? 'reply', rootId: 'root1', parentId: 'root1' };
      expect(tagText(text, over).stance).toBe(stance);
    });
  }

  it('an agreement-only reply takes the stance of the parent it answers', () => {
    expect(classifyStance({ kind: 'reply', own: '是的', parent: { own: '假的，已经辟谣了' } })).toBe('deny');
    expect(classifyStance({ kind: 'reply', own: '+1', parent: { own: '我也看到了' } })).toBe('support');
    expect(classifyStance({ kind: 'reply', own: '是的' })).toBe('support');
    expect(classifyStance({ kind: 'reply', own: '是的', parent: { own: '真的假的?' } })).toBe('comment');
  });

  it('under an official debunk, echoing the debunk supports the root', () => {
    const root = { own: '网传东湖区有人抢孩子系谣言,请勿传播', official: true };
    expect(classifyStance({ kind: 'reply', own: '谣言止于智者', root })).toBe('support');
    expect(classifyStance({ kind: 'reply', own: '我亲眼看到了', root })).toBe('deny');
    expect(classifyStance({ kind: 'reply', own: '真的假的?', root })).toBe('query');
    // The same reply under a non-official root is read literally.
    expect(classifyStance({ kind: 'reply', own: '谣言止于智者', root: { ...root, official: false } })).toBe('deny');
  });

  it('uses the tagger context for parent agreement', () => {
    const got = tagText('是的', { kind: 'reply', rootId: 'r', parentId: 'p' }, { root: { text: '网传有人抢孩子' }, parent: { text: '假的，别信' } });
    expect(got.stance).toBe('deny');
  });

  it('reads an empty text as a comment', () => {
    expect(textStance('')).toBe('comment');
  });
});

describe('stance model with thread context (English)', () => {
  const root = { text: 'BREAKING: gunman still inside the building, police say' };
  it.each([
    ['@user is this true? any source?', 'query'],
    ['@user this is fake, the police already denied it', 'deny'],
    ['@user Praying for everyone there', 'comment'],
  ] as const)('%s → %s', (text, want) => {
    expect(tagText(text, { kind: 'reply', rootId: 'r', parentId: 'r', platform: 'twitter' }, { root }).stance).toBe(want);
  });
});
