import { topicConfigSchema, type TopicConfig } from '../../shared/contracts/topics.js';
import { DEFAULT_TOPICS } from '../../shared/topics/defaults.js';
import { FeatureVector } from '../nlp/model/feature-vector.js';
import { toneFeatures, type ToneView } from '../nlp/model/task-features.js';
import { PhraseMatcher } from '../nlp/phrase-matcher.js';
import { segmentByLexicon } from '../nlp/lexicon-segment.js';
import { tokenizeEnglish } from '../nlp/segment.js';
import { prepareText } from '../nlp/tone-input.js';
import { NO_TOPIC } from '../nlp/topic-fallback.js';
import { topicTextOf } from '../nlp/topic-text.js';
import { compileTopics, normaliseKeyword } from '../nlp/topics.js';
import { mulberry32 } from './rng.js';
import { DatasetBuilder, type SparseDataset } from './sparse-dataset.js';
import { partOf, type Part } from './splits.js';
import { TONE_BITS } from './tone-data.js';

export interface TopicExample {
  /** The tone view of the text with every rule keyword masked out. */
  view: ToneView;
  label: string;
  part: Part;
}

/**
 * Labels corpus texts with the default topic rules: a text matching exactly one topic is an
 * example of it, texts matching none are "none" examples (subsampled to `noneRatio` × the topic
 * examples), texts matching several are left out. Keywords are masked (see topic-fallback.ts).
 */
export function topicExamples(texts: readonly string[], lang: 'zh' | 'en', noneRatio = 2, seed = 7): { examples: TopicExample[]; classes: string[] } {
  const cfg: TopicConfig = topicConfigSchema.parse(DEFAULT_TOPICS);
  const rules = compileTopics(cfg);
  const keywords = new Set<string>();
  for (const t of cfg.topics) for (const r of t.rules) for (const k of [...r.any, ...r.all]) keywords.add(normaliseKeyword(k));
  const masker = new PhraseMatcher([...keywords]);
  const mask = (s: string): string => {
    if (!s) return s;
    const lower = s.toLowerCase();
    const arr = lower.split('');
    masker.scan(lower, (_id, from, to) => {
      for (let i = from; i < to; i++) arr[i] = ' ';
    });
    return arr.join('').replace(/\s+/g, ' ').trim();
  };
  const rnd = mulberry32(seed);
  const topical: TopicExample[] = [];
  const none: { raw: string; key: string }[] = [];
  for (const raw of texts) {
    const p = prepareText(raw);
    if (p.analysis === 'und' || p.view.lang !== lang) continue;
    const text = topicTextOf(p.n);
    if (!text.trim()) continue;
    const got = rules.match(text);
    if (got.length > 1) continue;
    if (got.length === 0) {
      none.push({ raw, key: text });
      continue;
    }
    const own = mask(p.view.own);
    const view: ToneView = { ...p.view, own, chain: mask(p.view.chain), tokens: lang === 'en' ? tokenizeEnglish(own) : segmentByLexicon(own) };
    topical.push({ view, label: got[0]!, part: partOf(text) });
  }
  const keep = Math.min(1, (noneRatio * topical.length) / Math.max(1, none.length));
  const examples = [...topical];
  for (const x of none) {
    if (rnd() >= keep) continue;
    examples.push({ view: prepareText(x.raw).view, label: NO_TOPIC, part: partOf(x.key) });
  }
  const classes = [NO_TOPIC, ...cfg.topics.map((t) => t.id)];
  return { examples, classes };
}

export function topicDataset(ex: readonly TopicExample[], classes: readonly string[]): SparseDataset {
  const fv = new FeatureVector(TONE_BITS, 2048);
  const b = new DatasetBuilder();
  for (const e of ex) {
    toneFeatures(fv, e.view);
    b.add(fv, classes.indexOf(e.label));
  }
  return b.build();
}
