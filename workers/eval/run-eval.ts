import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import SentimentAnalyzer from 'natural/lib/natural/sentiment/SentimentAnalyzer.js';
import { loadModels } from '../nlp/model/registry.js';
import { tokenize } from '../nlp/segment.js';
import { createTagger, type Tagger } from '../nlp/tagger.js';
import type { DomainItem } from './domain-eval.js';
import { loadRumourEval, loadToneCorpora } from '../train/corpora.js';
import { readRows, type ThreadRow } from '../train/datasets.js';
import { TEST_SPLIT_NOTE } from '../train/splits.js';
import type { EvalRow } from './eval-row.js';
import { avgRecall } from './metrics.js';
import type { Emotion } from '../../shared/contracts/tags.js';
import { loadCriticalSet, loadTextLabels, loadZhStanceSet } from '../train/own-labels.js';
import { criticalRows, enEmotionRows, zhStanceRows } from './own-label-eval.js';
import { loadDomainSet } from '../train/domain-labels.js';
import { domainRows, tagDomainItems } from './domain-eval.js';
import { loadModernSet } from './modern-set.js';
import { stanceRows } from './stance-eval.js';
import { throughputRows } from './throughput.js';
import { emotionRows, sentimentRows } from './tone-eval.js';
import { topicRows } from './topic-eval.js';

type Log = (line: string) => void;

/** Every row of the `yuqing eval` table, computed on the test folds (never trained on). */
export async function evaluate(dir: string, log: Log): Promise<EvalRow[]> {
  const tagger = createTagger();
  const c = await loadToneCorpora(dir);
  const rows: EvalRow[] = [];
  log('sentiment…');
  rows.push(...sentimentRows(c, tagger));
  rows.push(naturalSentimentRow(c.semeval.filter((e) => e.part === 'test')));
  log('emotion…');
  rows.push(...emotionRows(c, tagger));
  rows.push(...enEmotionRows(await loadTextLabels<Emotion>(dir, 'emotion-en.jsonl'), tagger));
  log('stance…');
  const rumourEval = await loadRumourEval(dir);
  rows.push(...stanceRows(rumourEval, tagger));
  rows.push(...zhStanceRows(await loadZhStanceSet(dir), tagger));
  log('critical…');
  rows.push(...criticalRows(await loadCriticalSet(dir), tagger));
  log('domain…');
  rows.push(...domainEvalRows(await loadDomainSet(dir), tagger));
  rows.push(...(await rumourRowsIfAny(dir, log)));
  log('topics…');
  const ced = await readRows<ThreadRow>(dir, 'ced_weibo_rumor_threads.jsonl.gz');
  rows.push(
    ...topicRows(
      {
        zh: [...c.weibo, ...c.smp, ...c.covid, ...c.nlpcc].map((e) => e.text).concat(ced.map((r) => r.text)),
        en: c.semeval.map((e) => e.text).concat(rumourEval.map((r) => r.text)),
      },
      loadModels(),
    ),
  );
  log('throughput…');
  rows.push(
    ...throughputRows(
      [
        { lang: 'zh', corpus: 'weibo_senti_100k_subset', texts: c.weibo.filter((e) => e.part === 'test').map((e) => e.text), train: c.weibo.filter((e) => e.part === 'train').slice(0, 2000) },
        { lang: 'en', corpus: 'semeval_task4a_en', texts: c.semeval.filter((e) => e.part === 'test').map((e) => e.text), train: c.semeval.filter((e) => e.part === 'train').slice(0, 2000) },
      ],
      tagger,
    ),
  );
  return rows;
}

const DOMAIN_NOTE = "the project's own domain annotations (README: Own annotations)";

/** The four tone tags on the domain test split and on the modern-style set (both never trained on). */
export function domainEvalRows(domain: readonly (DomainItem & { part: string })[], tagger: Tagger): EvalRow[] {
  const test = domain.filter((e) => e.part === 'test');
  const modern = loadModernSet();
  return [
    ...(test.length ? domainRows(test, tagDomainItems(test, tagger), 'domain labels, all corpora', 'own domain test split (15 % by id hash)', DOMAIN_NOTE) : []),
    ...(modern.length ? domainRows(modern, tagDomainItems(modern, tagger), 'modern-style set (written by the project)', `${modern.length} texts`, 'own modern-style test set, two annotators, adjudicated') : []),
  ];
}

/** natural's SentimentAnalyzer (AFINN) as a second reference on SemEval: the sign of its score as the label. */
function naturalSentimentRow(test: { text: string; label: string }[]): EvalRow {
  const sa = new SentimentAnalyzer('English', null, 'afinn');
  const cls = ['negative', 'neutral', 'positive'];
  const gold = test.map((e) => cls.indexOf(e.label));
  const pred = test.map((e) => {
    const s = sa.getSentiment(tokenize(e.text.toLowerCase(), 'en'));
    return s > 0 ? 2 : s < 0 ? 0 : 1;
  });
  return {
    task: 'sentiment (natural AFINN)', corpus: 'semeval_task4a_en', split: `${TEST_SPLIT_NOTE}, n=${test.length}`, metric: 'AvgRec',
    ours: null, baseline: avgRecall(gold, pred, 3), note: "natural's SentimentAnalyzer alone (label by sign), for reference",
  };
}

/** Rows of the colleague's rumour evaluation (workers/eval/rumours.ts), when that module exists. */
async function rumourRowsIfAny(dir: string, log: Log): Promise<EvalRow[]> {
  const here = path.dirname(new URL(import.meta.url).pathname);
  const file = ['rumours.ts', 'rumours.js'].map((f) => path.join(here, f)).find((f) => existsSync(f));
  if (!file) return [];
  log('rumours…');
  const mod = (await import(pathToFileURL(file).href)) as { rumourRows?: (d: string) => Promise<EvalRow[]> };
  return mod.rumourRows ? mod.rumourRows(dir) : [];
}

export function machineLine(): string {
  return `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, Node ${process.version}`;
}
