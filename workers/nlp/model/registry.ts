import { existsSync } from 'node:fs';
import path from 'node:path';
import type { LinearModel } from './linear-model.js';
import { MODELS_DIR, readModel } from './model-file.js';

/** The shipped model files, by role. */
export const MODEL_FILES = {
  sentimentZh: 'sentiment-zh.bin.gz',
  sentimentEn: 'sentiment-en.bin.gz',
  emotionZh: 'emotion-zh.bin.gz',
  emotionEn: 'emotion-en.bin.gz',
  stanceEn: 'stance-en.bin.gz',
  stanceZh: 'stance-zh.bin.gz',
  criticalZh: 'critical-zh.bin.gz',
  criticalEn: 'critical-en.bin.gz',
  topicsZh: 'topics-zh.bin.gz',
  topicsEn: 'topics-en.bin.gz',
} as const;

export type ModelRole = keyof typeof MODEL_FILES;
export type LoadedModels = { [R in ModelRole]: LinearModel | null };

let cache: LoadedModels | undefined;

/**
 * Loads every shipped model once per process. A missing file leaves its role null and the
 * tagger falls back to the lexicon for it (so a fresh checkout without models still tags).
 */
export function loadModels(dir = MODELS_DIR): LoadedModels {
  if (cache && dir === MODELS_DIR) return cache;
  const out = {} as LoadedModels;
  for (const [role, file] of Object.entries(MODEL_FILES) as [ModelRole, string][]) {
    const full = path.join(dir, file);
    out[role] = existsSync(full) ? readModel(full) : null;
  }
  if (dir === MODELS_DIR) cache = out;
  return out;
}

/** Forgets loaded models (after `npm run train` rewrote them in this process). */
export function reloadModels(): void {
  cache = undefined;
}
