import { EMOTIONS, type Emotion, type SentimentLabel } from '../../shared/contracts/tags.js';
import type { Tagger } from '../nlp/tagger.js';
import type { Example, ToneCorpora } from '../train/corpora.js';
import { NaiveBayes, enWords, zhChars } from '../train/naive-bayes.js';
import { TEST_SPLIT_NOTE } from '../train/splits.js';
import type { EvalRow } from './eval-row.js';
import { asMention } from './mentions.js';
import { accuracy, avgRecall, macroF1 } from './metrics.js';

const SENT: readonly SentimentLabel[] = ['negative', 'neutral', 'positive'];
const NB_NOTE = 'baseline: multinomial NB';

function nbPredict<L extends string>(train: readonly Example<L>[], test: readonly Example<L>[], classes: readonly L[], zh: boolean): number[] {
  const nb = new NaiveBayes(classes.length, zh ? zhChars : enWords);
  for (const e of train) {
    const y = classes.indexOf(e.label);
    if (y >= 0) nb.add(e.text, y);
  }
  return test.map((e) => nb.predict(e.text));
}

/** Sentiment on weibo_senti_100k (emoticons stripped, scored by the sign of the score) and SemEval (by label). */
export function sentimentRows(c: ToneCorpora, tagger: Tagger): EvalRow[] {
  const rows: EvalRow[] = [];
  {
    const test = c.weibo.filter((e) => e.part === 'test');
    const train = c.weibo.filter((e) => e.part !== 'test');
    const cls: SentimentLabel[] = ['negative', 'positive'];
    const gold = test.map((e) => cls.indexOf(e.label));
    const ours = test.map((e, i) => (tagger.tag(asMention(`w${i}`, e.text, 'weibo')).sentiment.score > 0 ? 1 : 0));
    const nb = nbPredict(train, test, cls, true);
    const split = `${TEST_SPLIT_NOTE}, n=${test.length}`;
    const note = 'emoticons stripped; ours by sign of score; ' + NB_NOTE + ' over characters';
    rows.push({ task: 'sentiment', corpus: 'weibo_senti_100k_subset', split, metric: 'accuracy', ours: accuracy(gold, ours), baseline: accuracy(gold, nb), note });
    rows.push({ task: 'sentiment', corpus: 'weibo_senti_100k_subset', split, metric: 'macro-F1', ours: macroF1(gold, ours, 2), baseline: macroF1(gold, nb, 2), note });
  }
  {
    const test = c.semeval.filter((e) => e.part === 'test');
    const train = c.semeval.filter((e) => e.part !== 'test');
    const gold = test.map((e) => SENT.indexOf(e.label));
    const ours = test.map((e, i) => SENT.indexOf(tagger.tag(asMention(`s${i}`, e.text, 'twitter')).sentiment.label));
    const nb = nbPredict(train, test, SENT, false);
    const split = `${TEST_SPLIT_NOTE}, n=${test.length}`;
    const note = NB_NOTE + ' over words';
    rows.push({ task: 'sentiment', corpus: 'semeval_task4a_en', split, metric: 'AvgRec', ours: avgRecall(gold, ours, 3), baseline: avgRecall(gold, nb, 3), note });
    rows.push({ task: 'sentiment', corpus: 'semeval_task4a_en', split, metric: 'accuracy', ours: accuracy(gold, ours), baseline: accuracy(gold, nb), note });
    rows.push({ task: 'sentiment', corpus: 'semeval_task4a_en', split, metric: 'macro-F1', ours: macroF1(gold, ours, 3), baseline: macroF1(gold, nb, 3), note });
  }
  return rows;
}

/** Emotion macro-F1 over each corpus's own label set mapped to the contract (other predictions count as errors). */
export function emotionRows(c: ToneCorpora, tagger: Tagger): EvalRow[] {
  const rows: EvalRow[] = [];
  for (const [corpus, ex] of [['smp2020_ewect_virus', c.smp], ['covid19_weibo_emotion7', c.covid], ['nlpcc2013_weibo_emotion', c.nlpcc]] as const) {
    const test = ex.filter((e) => e.part === 'test');
    const train = ex.filter((e) => e.part !== 'test');
    const present = EMOTIONS.filter((e) => ex.some((x) => x.label === e));
    const idx = present.map((e) => EMOTIONS.indexOf(e));
    const gold = test.map((e) => EMOTIONS.indexOf(e.label));
    const ours = test.map((e, i) => EMOTIONS.indexOf(tagger.tag(asMention(`e${i}`, e.text, 'weibo')).emotion));
    const nb = nbPredict(train, test, EMOTIONS as readonly Emotion[], true);
    const split = `${TEST_SPLIT_NOTE}, n=${test.length}`;
    const note = `labels mapped to ${present.join('/')}; ${NB_NOTE} over characters`;
    rows.push({ task: 'emotion', corpus, split, metric: 'macro-F1', ours: macroF1(gold, ours, EMOTIONS.length, idx), baseline: macroF1(gold, nb, EMOTIONS.length, idx), note });
    rows.push({ task: 'emotion', corpus, split, metric: 'accuracy', ours: accuracy(gold, ours), baseline: accuracy(gold, nb), note });
  }
  return rows;
}
