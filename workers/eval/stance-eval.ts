import { STANCES } from '../../shared/contracts/tags.js';
import { normalise } from '../nlp/normalise.js';
import { classifyStance } from '../nlp/stance.js';
import type { TagContext, Tagger } from '../nlp/tagger.js';
import type { ThreadRow } from '../train/datasets.js';
import { NaiveBayes, enWords } from '../train/naive-bayes.js';
import { foldOf, partOfFold } from '../train/splits.js';
import type { EvalRow } from './eval-row.js';
import { asMention } from './mentions.js';
import { accuracy, macroF1 } from './metrics.js';

/**
 * RumourEval 2017 stance on the test threads (folds 0–1 by thread id), fed as `yuqing tag` would
 * get them: the source as a post, replies in time order with their root and parent.
 */
export function stanceRows(rows: readonly ThreadRow[], tagger: Tagger): EvalRow[] {
  const isTest = (r: ThreadRow) => partOfFold(foldOf(r.threadId)) === 'test';
  const test = rows.filter((r) => isTest(r) && r.stance).sort((a, b) => (a.createdAt ?? '').localeCompare(b.createdAt ?? ''));
  const train = rows.filter((r) => !isTest(r) && r.stance);
  const texts = new Map(rows.map((r) => [r.id, r.text]));
  const gold: number[] = [];
  const ours: number[] = [];
  const rules: number[] = [];
  for (const r of test) {
    const reply = r.kind === 'reply';
    const m = asMention(r.id, r.text, 'twitter', reply ? { kind: 'reply', rootId: r.threadId, ...(r.parentId ? { parentId: r.parentId } : {}) } : {});
    const root = texts.get(r.threadId);
    const parent = r.parentId ? texts.get(r.parentId) : undefined;
    const ctx: TagContext = reply ? { ...(root ? { root: { text: root } } : {}), ...(parent ? { parent: { text: parent } } : {}) } : {};
    gold.push(STANCES.indexOf(r.stance as (typeof STANCES)[number]));
    ours.push(STANCES.indexOf(tagger.tag(m, ctx).stance));
    const parentOwn = parent !== undefined && r.parentId !== r.threadId ? { parent: { own: normalise(parent).own } } : {};
    rules.push(STANCES.indexOf(classifyStance({ kind: reply ? 'reply' : 'post', own: normalise(r.text).own, ...parentOwn })));
  }
  const nb = new NaiveBayes(STANCES.length, enWords);
  for (const r of train) nb.add(r.text, STANCES.indexOf(r.stance as (typeof STANCES)[number]));
  const nbPred = test.map((r) => nb.predict(r.text));
  const threads = new Set(test.map((r) => r.threadId)).size;
  const split = `own test split (threads in folds 0-1 of 10), ${threads} threads, ${test.length} tweets`;
  const corpus = 'rumoureval2017_en_threads';
  const note = 'sources as posts, replies with root+parent; baseline: multinomial NB over words';
  return [
    { task: 'stance', corpus, split, metric: 'accuracy', ours: accuracy(gold, ours), baseline: accuracy(gold, nbPred), note },
    { task: 'stance', corpus, split, metric: 'macro-F1', ours: macroF1(gold, ours, 4, [0, 1, 2, 3]), baseline: macroF1(gold, nbPred, 4, [0, 1, 2, 3]), note },
    { task: 'stance (cue rules only)', corpus, split, metric: 'macro-F1', ours: macroF1(gold, rules, 4, [0, 1, 2, 3]), baseline: null, note: `accuracy ${accuracy(gold, rules).toFixed(3)}; the rules alone, for comparison` },
  ];
}
