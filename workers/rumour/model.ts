import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { textGrams } from './grams.js';

/** The shipped rumour model (committed; rebuilt by `trainRumourModel`). */
export const RUMOUR_MODEL_FILE = fileURLToPath(new URL('../models/rumour-model.json.gz', import.meta.url));

/**
 * The rumour model as stored: a logistic regression over a few dozen named, standardised
 * signals, two of which come from character-n-gram naive-Bayes wording models (root and replies).
 */
export interface RumourModelFile {
  version: 1;
  features: string[];
  /** Standardisation: z = (x − mean) / std; an unknown input is imputed as z = 0. */
  mean: number[];
  std: number[];
  weights: number[];
  bias: number;
  /** needsClarification when score ≥ threshold (chosen on the training folds). */
  threshold: number;
  /** …and at least this many responses have been seen (too little evidence otherwise). */
  minResponses: number;
  /** Naive-Bayes log-count ratios (rumour vs not) of character grams. */
  rootGrams: Record<string, number>;
  replyGrams: Record<string, number>;
  /** What it was trained on and its out-of-fold figures, for the README and `yuqing eval`. */
  trainedOn: string;
  metrics: Record<string, number>;
}

export interface RumourModel {
  file: RumourModelFile;
  index: Map<string, number>;
  rootGrams: Map<string, number>;
  replyGrams: Map<string, number>;
}

export function compileModel(file: RumourModelFile): RumourModel {
  return {
    file,
    index: new Map(file.features.map((f, i) => [f, i])),
    rootGrams: new Map(Object.entries(file.rootGrams)),
    replyGrams: new Map(Object.entries(file.replyGrams)),
  };
}

let shipped: RumourModel | undefined;

/** The model file shipped in workers/models, loaded once per process. */
export function loadRumourModel(file = RUMOUR_MODEL_FILE): RumourModel {
  if (file === RUMOUR_MODEL_FILE && shipped) return shipped;
  if (!existsSync(file)) throw new Error(`rumour model not found at ${file}; run \`npm run train\``);
  const m = compileModel(JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as RumourModelFile);
  if (file === RUMOUR_MODEL_FILE) shipped = m;
  return m;
}

export interface WordingScore {
  score: number;
  /** Distinct grams of the text the model knows (few: the score says little). */
  known: number;
  /** Grams with the largest positive weights, longest first among equals (for reasons). */
  top: string[];
}

/**
 * Naive-Bayes wording score of a normalised text: the sum of its distinct grams' log-count ratios,
 * divided by √(number of grams) so a long text does not count as more evidence than a short one.
 */
export function wordingScore(grams: Map<string, number>, normalised: string, topN = 0): WordingScore {
  if (normalised === '') return { score: 0, known: 0, top: [] };
  const gs = textGrams(normalised);
  if (gs.size === 0) return { score: 0, known: 0, top: [] };
  let sum = 0;
  let known = 0;
  const hits: [string, number][] = [];
  for (const g of gs) {
    const w = grams.get(g);
    if (w === undefined) continue;
    known++;
    sum += w;
    if (topN > 0 && w > 0 && g.length > 1) hits.push([g, w]);
  }
  let top: string[] = [];
  if (topN > 0) {
    hits.sort((a, b) => b[1] - a[1] || b[0].length - a[0].length);
    // Skip a gram inside one already chosen ("扩散" when "紧急扩" is listed says nothing new).
    for (const [g] of hits) {
      if (top.some((t) => t.includes(g) || g.includes(t))) continue;
      top.push(g);
      if (top.length >= topN) break;
    }
    top = top.map((g) => g.replace(/0/g, '#'));
  }
  return { score: sum / Math.sqrt(gs.size), known, top };
}
