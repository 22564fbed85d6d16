import { finish, hashString, seed } from '../nlp/model/hash.js';

/**
 * The fixed split of every corpus: a stable hash of a key (the normalised text, so duplicate texts
 * and the texts shared by the COVID-19 and NLPCC 2013 files land on the same side; or a thread id)
 * into 10 folds. Folds 0–1 are the test split, never trained on; fold 2 is the dev split used to
 * pick hyper-parameters; the final models train on folds 2–9.
 */
export type Part = 'test' | 'dev' | 'train';

const SPLIT_SEED = seed('yuqing-split-v1');

export function foldOf(key: string): number {
  return finish(hashString(SPLIT_SEED, key)) % 10;
}

export function partOfFold(fold: number): Part {
  return fold < 2 ? 'test' : fold === 2 ? 'dev' : 'train';
}

export function partOf(key: string): Part {
  return partOfFold(foldOf(key));
}

export const TEST_SPLIT_NOTE = 'own test split (folds 0-1 of 10 by text hash)';
