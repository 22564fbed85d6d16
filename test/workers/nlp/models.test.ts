import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMOTIONS, SENTIMENTS, STANCES } from '../../../shared/contracts/tags.js';
import { MODELS_DIR } from '../../../workers/nlp/model/model-file.js';
import { loadModels, MODEL_FILES } from '../../../workers/nlp/model/registry.js';
import { createTagger } from '../../../workers/nlp/tagger.js';
import { mention } from './helpers.js';

describe('shipped model files', () => {
  const models = loadModels();

  it('are all present, load, and have the contract classes', () => {
    for (const role of Object.keys(MODEL_FILES) as (keyof typeof MODEL_FILES)[]) expect(models[role], role).not.toBeNull();
    expect([...models.sentimentZh!.header.classes].sort()).toEqual([...SENTIMENTS].sort());
    expect([...models.sentimentEn!.header.classes].sort()).toEqual([...SENTIMENTS].sort());
    expect(models.emotionZh!.header.classes).toEqual([...EMOTIONS]);
    expect(models.emotionEn!.header.classes).toEqual([...EMOTIONS]);
    expect([...models.stanceEn!.header.classes].sort()).toEqual([...STANCES].sort());
    expect(models.criticalZh!.header.classes).toEqual(['no', 'yes']);
    expect(models.criticalEn!.header.classes).toEqual(['no', 'yes']);
    expect(models.criticalZh!.header.meta.threshold).toBeTypeOf('number');
  });

  it('stay small (a few MB each, < 15 MB in all)', () => {
    const sizes = readdirSync(MODELS_DIR).map((f) => statSync(path.join(MODELS_DIR, f)).size);
    for (const s of sizes) expect(s).toBeLessThan(4 * 2 ** 20);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThan(15 * 2 ** 20);
  });

  it('record what they were trained on, held out and seeded', () => {
    for (const m of Object.values(models)) {
      expect(m!.header.meta.corpora).toBeTruthy();
      expect(String(m!.header.meta.split)).toContain('test');
      expect(typeof m!.header.meta.seed).toBe('number');
    }
  });
});

describe('tagger without model files', () => {
  const none = { sentimentZh: null, sentimentEn: null, emotionZh: null, emotionEn: null, stanceEn: null, stanceZh: null, criticalZh: null, criticalEn: null, topicsZh: null, topicsEn: null };
  const lexOnly = createTagger({ models: none });

  it('falls back to the lexicon and cue rules', () => {
    expect(lexOnly.tag(mention('感谢民警叔叔，辛苦了')).sentiment.label).toBe('positive');
    expect(lexOnly.tag(mention('气死我了')).emotion).toBe('anger');
    expect(lexOnly.tag(mention('Is this true?', { kind: 'reply', rootId: 'r' })).stance).toBe('query');
    expect(lexOnly.tag(mention('今天天气不错，去公园散步了')).topics).toEqual([]);
  });
});
