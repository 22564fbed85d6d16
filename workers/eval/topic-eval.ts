import { FeatureVector } from '../nlp/model/feature-vector.js';
import { toneFeatures } from '../nlp/model/task-features.js';
import { TopicFallback } from '../nlp/topic-fallback.js';
import { TONE_BITS } from '../train/tone-data.js';
import type { LoadedModels } from '../nlp/model/registry.js';
import { topicExamples } from '../train/topic-data.js';
import { TEST_SPLIT_NOTE } from '../train/splits.js';
import type { EvalRow } from './eval-row.js';
import { NO_TOPIC } from '../nlp/topic-fallback.js';

/**
 * The learned topic fallback on test texts that the default rules label, with the rule keywords
 * masked out (a stand-in for mentions no keyword catches): precision of what it proposes (a
 * "none" text given a topic counts as wrong) and the share of topical texts it recovers.
 */
export function topicRows(texts: { zh: string[]; en: string[] }, models: LoadedModels): EvalRow[] {
  const rows: EvalRow[] = [];
  for (const lang of ['zh', 'en'] as const) {
    const fb = new TopicFallback(lang === 'zh' ? models.topicsZh : models.topicsEn, TONE_BITS);
    const { examples } = topicExamples(texts[lang], lang);
    const test = examples.filter((e) => e.part === 'test');
    const fv = new FeatureVector(TONE_BITS, 2048);
    let proposed = 0;
    let right = 0;
    let topical = 0;
    for (const e of test) {
      if (e.label !== NO_TOPIC) topical++;
      toneFeatures(fv, e.view);
      const b = fb.best(fv);
      if (!b || b.p < fb.threshold) continue;
      proposed++;
      if (b.topic === e.label) right++;
    }
    const split = `${TEST_SPLIT_NOTE}, ${topical} topical + ${test.length - topical} no-topic texts`;
    const note = 'rule-labelled texts, keywords masked; no baseline';
    const corpus = lang === 'zh' ? 'all zh corpora' : 'semeval + rumoureval';
    rows.push({ task: `topic fallback (${lang})`, corpus, split, metric: 'precision', ours: proposed ? right / proposed : null, baseline: null, note });
    rows.push({ task: `topic fallback (${lang})`, corpus, split, metric: 'coverage', ours: topical ? right / topical : null, baseline: null, note });
  }
  return rows;
}
