import { EMOTIONS, STANCES, type Emotion } from '../../shared/contracts/tags.js';
import { classifyEmotion } from '../nlp/emotion.js';
import { prepareText } from '../nlp/tone-input.js';
import { cueList, TARGETS } from '../nlp/lexicon/critical-cues.js';
import type { TagContext, Tagger } from '../nlp/tagger.js';
import { enWords, NaiveBayes, zhChars } from '../train/naive-bayes.js';
import type { CriticalExample, LabelledText, ZhStanceExample } from '../train/own-labels.js';
import type { EvalRow } from './eval-row.js';
import { asMention } from './mentions.js';
import { accuracy, macroF1, perClass } from './metrics.js';

const OWN_NOTE = "the project's own annotations (README: Own annotations)";

/**
 * `critical` against the project's own labels, on the labelled texts of the test split.
 * Baseline: "names an authority and reads negative" (a target word of the cue list and the
 * tagger's negative sentiment label), the obvious rule the cue logic must beat.
 */
export function criticalRows(set: readonly CriticalExample[], tagger: Tagger): EvalRow[] {
  const targets = cueList(TARGETS);
  const rows: EvalRow[] = [];
  for (const lang of ['zh', 'en'] as const) {
    const test = set.filter((e) => e.lang === lang && e.part === 'test');
    if (test.length === 0) continue;
    const gold = test.map((e) => (e.critical ? 1 : 0));
    const ours: number[] = [];
    const base: number[] = [];
    test.forEach((e, i) => {
      const t = tagger.tag(asMention(`c${i}`, e.text, lang === 'zh' ? 'weibo' : 'twitter'));
      ours.push(t.critical ? 1 : 0);
      const low = t.normalised.own.toLowerCase();
      const named = targets.some((w) => (/^[a-z]/.test(w) ? new RegExp(`\\b${w}\\b`).test(low) : low.includes(w)));
      base.push(named && t.sentiment.label === 'negative' ? 1 : 0);
    });
    const po = perClass(gold, ours, 2)[1]!;
    const pb = perClass(gold, base, 2)[1]!;
    const positives = gold.filter((g) => g === 1).length;
    const split = `own labels, test split (folds 0-1 by text hash), n=${test.length} (${positives} critical)`;
    const corpus = lang === 'zh' ? 'Weibo texts of all zh corpora' : 'SemEval + RumourEval tweets';
    const note = `${OWN_NOTE}; baseline: names an authority and sentiment negative`;
    rows.push({ task: `critical (${lang})`, corpus, split, metric: 'precision', ours: po.p, baseline: pb.p, note });
    rows.push({ task: `critical (${lang})`, corpus, split, metric: 'recall', ours: po.r, baseline: pb.r, note });
    rows.push({ task: `critical (${lang})`, corpus, split, metric: 'F1', ours: po.f1, baseline: pb.f1, note });
  }
  return rows;
}

/** Chinese stance of CED replies toward their root against the own labels (test threads); baseline: NB over characters. */
export function zhStanceRows(set: readonly ZhStanceExample[], tagger: Tagger): EvalRow[] {
  const test = set.filter((e) => e.part === 'test');
  if (test.length === 0) return [];
  const nb = new NaiveBayes(STANCES.length, zhChars);
  for (const e of set) if (e.part !== 'test') nb.add(e.text, STANCES.indexOf(e.stance));
  const gold = test.map((e) => STANCES.indexOf(e.stance));
  const ours = test.map((e) => {
    const ctx: TagContext = { root: { text: e.root }, ...(e.parent ? { parent: { text: e.parent } } : {}) };
    return STANCES.indexOf(tagger.tag(asMention(e.id, e.text, 'weibo', { kind: 'reply', rootId: e.threadId }), ctx).stance);
  });
  const base = test.map((e) => nb.predict(e.text));
  const threads = new Set(test.map((e) => e.threadId)).size;
  const counts = STANCES.map((s) => `${s} ${test.filter((e) => e.stance === s).length}`).join(', ');
  const split = `own labels, CED test threads (folds 0-1), ${threads} threads, ${test.length} replies (${counts})`;
  const note = `${OWN_NOTE}; replies with root+parent; baseline: multinomial NB over characters`;
  const all = [0, 1, 2, 3];
  return [
    { task: 'stance (zh)', corpus: 'ced_weibo_rumor_threads', split, metric: 'accuracy', ours: accuracy(gold, ours), baseline: accuracy(gold, base), note },
    { task: 'stance (zh)', corpus: 'ced_weibo_rumor_threads', split, metric: 'macro-F1', ours: macroF1(gold, ours, 4, all), baseline: macroF1(gold, base, 4, all), note },
  ];
}

/** English emotion against the own labels (test split); baseline: NB over words; the lexicon alone in the note. */
export function enEmotionRows(set: readonly LabelledText<Emotion>[], tagger: Tagger): EvalRow[] {
  const test = set.filter((e) => e.lang === 'en' && e.part === 'test');
  if (test.length === 0) return [];
  const nb = new NaiveBayes(EMOTIONS.length, enWords);
  for (const e of set) if (e.lang === 'en' && e.part !== 'test') nb.add(e.text, EMOTIONS.indexOf(e.label));
  const gold = test.map((e) => EMOTIONS.indexOf(e.label));
  const ours = test.map((e, i) => EMOTIONS.indexOf(tagger.tag(asMention(`m${i}`, e.text, 'twitter')).emotion));
  const lexicon = test.map((e) => {
    const v = prepareText(e.text).view;
    return EMOTIONS.indexOf(classifyEmotion(v.tokens, v.emoticons, v.emoji));
  });
  const base = test.map((e) => nb.predict(e.text));
  const split = `own labels, test split (folds 0-1 by text hash), n=${test.length}`;
  const note = `${OWN_NOTE}; 7 contract classes; the lexicon alone: macro-F1 ${macroF1(gold, lexicon, EMOTIONS.length).toFixed(3)}, accuracy ${accuracy(gold, lexicon).toFixed(3)}; baseline: multinomial NB over words`;
  return [
    { task: 'emotion (en)', corpus: 'SemEval + RumourEval tweets', split, metric: 'macro-F1', ours: macroF1(gold, ours, EMOTIONS.length), baseline: macroF1(gold, base, EMOTIONS.length), note },
    { task: 'emotion (en)', corpus: 'SemEval + RumourEval tweets', split, metric: 'accuracy', ours: accuracy(gold, ours), baseline: accuracy(gold, base), note },
  ];
}
