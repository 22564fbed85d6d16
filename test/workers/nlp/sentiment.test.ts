import { describe, expect, it } from 'vitest';
import { SENTIMENT_CASES, SENTIMENT_ORDER } from '../../fixtures/nlp/sentiment-cases.js';
import { tagText } from './helpers.js';

describe('sentiment', () => {
  it.each(SENTIMENT_CASES)('$text → $label ($why)', ({ text, label }) => {
    const s = tagText(text).sentiment;
    expect(s.label).toBe(label);
    expect(s.score).toBeGreaterThanOrEqual(-1);
    expect(s.score).toBeLessThanOrEqual(1);
  });

  it.each(SENTIMENT_ORDER)('$higher > $lower ($why)', ({ higher, lower }) => {
    expect(tagText(higher).sentiment.score).toBeGreaterThan(tagText(lower).sentiment.score);
  });

  it('label agrees with the sign of the score', () => {
    for (const { text } of SENTIMENT_CASES) {
      const { label, score } = tagText(text).sentiment;
      if (label === 'positive') expect(score).toBeGreaterThan(0);
      if (label === 'negative') expect(score).toBeLessThan(0);
    }
  });
});
