import type { SentimentLabel } from '../../../shared/contracts/tags.js';

/** Sentiment colours used by every chart and badge (also distinguishable in greyscale print). */
export const SENTIMENT_COLORS: Record<SentimentLabel, string> = {
  positive: '#2f9e6b',
  neutral: '#9aa5b1',
  negative: '#d64545',
};

export const ACCENT = '#2c6bd6';
