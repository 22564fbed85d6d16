import BayesClassifier from 'natural/lib/natural/classifiers/bayes_classifier.js';
import SentimentAnalyzer from 'natural/lib/natural/sentiment/SentimentAnalyzer.js';
import { tokenize } from '../nlp/segment.js';
import type { Tagger } from '../nlp/tagger.js';
import type { EvalRow } from './eval-row.js';
import { asMention } from './mentions.js';

/** Runs `fn` over the items for at least `minMs` (at least once through) and returns items per second. */
function rate<T>(items: readonly T[], fn: (x: T, i: number) => void, minMs = 1500): number {
  for (let i = 0; i < Math.min(200, items.length); i++) fn(items[i]!, i); // warm the JIT
  let done = 0;
  const t0 = performance.now();
  let elapsed = 0;
  do {
    for (let i = 0; i < items.length; i++) fn(items[i]!, i);
    done += items.length;
    elapsed = performance.now() - t0;
  } while (elapsed < minMs);
  return (done / elapsed) * 1000;
}

/**
 * Mentions per second on one core (this process is single-threaded): the full tagging step against
 * natural's BayesClassifier (trained on `trainSize` texts of the same corpus) and SentimentAnalyzer
 * (AFINN, no stemmer) on the same texts in the same run.
 */
export function throughputRows(sets: { lang: 'zh' | 'en'; corpus: string; texts: string[]; train: { text: string; label: string }[] }[], tagger: Tagger): EvalRow[] {
  const rows: EvalRow[] = [];
  for (const s of sets) {
    const texts = s.texts.slice(0, 3000);
    const mentions = texts.map((t, i) => asMention(`t${i}`, t, s.lang === 'zh' ? 'weibo' : 'twitter'));
    const ours = rate(mentions, (m) => tagger.tag(m));
    const tok = (t: string) => tokenize(t.toLowerCase(), s.lang);
    const bayes = new BayesClassifier();
    for (const e of s.train) bayes.addDocument(tok(e.text), e.label);
    bayes.train();
    const tokens = texts.slice(0, 300).map(tok);
    const nb = rate(tokens, (t) => bayes.classify(t), 500);
    const split = `${texts.length} test texts, mean ${Math.round(texts.reduce((a, t) => a + t.length, 0) / texts.length)} chars`;
    rows.push({
      task: `throughput (${s.lang})`, corpus: s.corpus, split, metric: 'mentions/s/core', ours, baseline: nb,
      note: `ours: full tag step (normalise, segment, all models, topics); baseline: natural BayesClassifier (${s.train.length} training texts, pre-tokenised)`,
    });
    if (s.lang === 'en') {
      const analyzer = new SentimentAnalyzer('English', null, 'afinn');
      const sa = rate(texts.map(tok), (t) => analyzer.getSentiment(t));
      rows.push({ task: 'throughput (en)', corpus: s.corpus, split, metric: 'mentions/s/core', ours, baseline: sa, note: 'baseline: natural SentimentAnalyzer (AFINN, no stemmer, pre-tokenised; sentiment only)' });
    }
  }
  return rows;
}
