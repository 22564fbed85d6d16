import { describe, expect, it } from 'vitest';
import { EMOTION_CASES } from '../../fixtures/nlp/emotion-cases.js';
import { tagText } from './helpers.js';

describe('emotion', () => {
  it.each(EMOTION_CASES)('$text → $emotion', ({ text, emotion }) => {
    expect(Array.isArray(emotion) ? emotion : [emotion]).toContain(tagText(text).emotion);
  });

  it('sarcasm takes the joy out of praise', () => {
    expect(tagText('开心[微笑]').emotion).not.toBe('joy');
    expect(tagText('开心').emotion).toBe('joy');
  });
});
