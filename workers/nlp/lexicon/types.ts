import type { Emotion } from '../../../shared/contracts/tags.js';

export type EmotionClass = Exclude<Emotion, 'none'>;

/**
 * A group of lexicon words that share a polarity and an emotion. Polarity is roughly in [-1, 1]
 * per word (a strong word is ±1); degree adverbs and emphasis scale it.
 */
export type WordGroup = readonly [polarity: number, emotion: EmotionClass | null, words: string];

/** Splits a group's space-separated word list. */
export function groupWords(g: WordGroup): string[] {
  return g[2].split(/\s+/).filter(Boolean);
}
