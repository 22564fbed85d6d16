import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { EMOTIONS } from '../../shared/contracts/tags.js';
import { resetZhLexicon } from '../nlp/model/derived-lexicon.js';
import type { LinearModel, ModelHeader } from '../nlp/model/linear-model.js';
import { MODELS_DIR, writeModel } from '../nlp/model/model-file.js';
import { loadModels, MODEL_FILES, reloadModels } from '../nlp/model/registry.js';
import { NO_TOPIC } from '../nlp/topic-fallback.js';
import { SENTIMENT_CLASSES } from '../nlp/tone.js';
import { buildZhLexicon } from './build-lexicon.js';
import { CRITICAL_BITS, CRITICAL_CLASSES, trainCritical } from './critical.js';
import { trainEmotionEn } from './emotion-en.js';
import { loadRumourEval, loadToneCorpora, sentimentFromEmotion, stripEmoticons, type Example, type ToneCorpora } from './corpora.js';
import { loadDomainSet, loadReviewLabels, type TrainingText } from './domain-labels.js';
import { readRows, type ThreadRow } from './datasets.js';
import { exampleVector, toModel, trainLogReg, type LogRegOptions } from './logreg.js';
import { FeatureVector } from '../nlp/model/feature-vector.js';
import { balancedClassWeights, type SparseDataset } from './sparse-dataset.js';
import { distantWeiboExamples } from './distant-weibo.js';
import { labelledStanceExamples, STANCE_BITS, STANCE_CLASSES, stanceDataset, stanceExamples } from './stance-data.js';
import { trainStanceZh } from './stance-zh.js';
import { loadZhStanceSet } from './own-labels.js';
import { prepareExamples, TONE_BITS, toneDataset } from './tone-data.js';
import type { Part } from './splits.js';
import { topicDataset, topicExamples } from './topic-data.js';

export const SEED = 20261124;

/**
 * Hyper-parameters, chosen on the dev split (fold 2) with `yuqing train --tune`-style runs recorded
 * in the README; the shipped models then train on folds 2–9 (never the test folds 0–1).
 */
export const PARAMS = {
  sentimentEn: { epochs: 5, lr: 0.1, l2: 1e-6, classBalance: 1, runs: 4, domainWeight: 3 },
  sentimentZh: { epochs: 3, lr: 0.1, l2: 1e-6, otherCorporaWeight: 0.3, distantThreshold: 1.5, distantWeight: 1, runs: 4, domainWeight: 4 },
  emotionZh: { epochs: 5, lr: 0.1, l2: 1e-6, classBalance: 0.5, otherCorporaWeight: 0.3, runs: 4, domainWeight: 2 },
  emotionEn: { epochs: 5, lr: 0.1, l2: 1e-5, classBalance: 0.5 },
  stanceEn: { epochs: 5, lr: 0.1, l2: 1e-5, classBalance: 0.4, domainWeight: 2 },
  stanceZh: { epochs: 5, lr: 0.1, l2: 1e-5, classBalance: 0.4 },
  critical: { epochs: 5, lr: 0.1, l2: 1e-6, minPrecision: 0.9 },
  topics: { epochs: 5, lr: 0.1, l2: 1e-5, minPrecision: 0.8 },
} as const;

type Log = (line: string) => void;

export interface TrainOptions {
  /** Where model files go (default: workers/models). */
  outDir?: string;
  /** Parts never trained on: ['test'] for the shipped models, ['test', 'dev'] to tune on dev. */
  holdOut?: readonly Part[];
  /** The analysts' reviews exported by `yuqing labels export`, folded into every tone model when the file exists. */
  reviewLabels?: string;
}

/** Set per run by trainAll (training is single-threaded and one run at a time). */
let held: readonly Part[] = ['test'];
let outDir = MODELS_DIR;
/** Normalised texts of the domain test split: never trained on by any model (domain-labels.ts). */
let domainTest = new Set<string>();
const splitKey = (t: string): string => t.replace(/\s+/g, ' ').trim();
const notTest = <T extends { part: string; text?: string }>(e: T): boolean =>
  !held.includes(e.part as Part) && (e.text === undefined || !domainTest.has(splitKey(e.text)));
/** Domain labels and analysts' reviews (the project's own labelled texts). */
let domain: TrainingText[] = [];
/** Own labelled texts of one language that carry a label for the task, as tone examples, without the held-out parts. */
const domainTone = <L extends string>(lang: 'zh' | 'en', label: (e: TrainingText) => L | null | undefined): Example<L>[] =>
  domain.flatMap((e) => {
    const l = label(e);
    return e.lang === lang && !held.includes(e.part) && l !== undefined && l !== null ? [{ corpus: 'domain', text: e.text, label: l, part: e.part }] : [];
  });

function header(name: string, classes: readonly string[], bits: number, meta: Record<string, unknown>): Omit<ModelHeader, 'bias'> {
  return { name, classes: [...classes], bits, meta: { ...meta, seed: SEED, split: `trained on the own split without ${held.join('+')}` } };
}

function save(file: string, h: Omit<ModelHeader, 'bias'>, trained: { weights: Float32Array; bias: number[] }, log: Log): void {
  const bytes = writeModel(path.join(outDir, file), { ...h, bias: trained.bias }, trained.weights);
  log(`  wrote ${file} (${(bytes / 1024).toFixed(0)} KB)`);
}

function opts(bits: number, classes: number, p: { epochs: number; lr: number; l2: number; runs?: number }, extra: Partial<LogRegOptions> = {}): LogRegOptions {
  return { bits, classes, epochs: p.epochs, lr: p.lr, l2: p.l2, seed: SEED, runs: p.runs ?? 1, ...extra };
}

/** Rebuilds every shipped model file from the corpora in `dir`. Deterministic. */
export async function trainAll(dir: string, log: Log, o: TrainOptions = {}): Promise<void> {
  held = o.holdOut ?? ['test'];
  outDir = o.outDir ?? MODELS_DIR;
  mkdirSync(outDir, { recursive: true });
  const c = await loadToneCorpora(dir);
  const reviews = o.reviewLabels ? loadReviewLabels(o.reviewLabels) : [];
  domain = [...(await loadDomainSet(dir)), ...reviews];
  if (reviews.length) log(`analysts' reviews: ${reviews.length} mentions from ${o.reviewLabels}`);
  // Both readings of a test text: as labelled, and as weibo_senti's loader strips its emoticons.
  domainTest = new Set(domain.filter((e) => e.part === 'test').flatMap((e) => [splitKey(e.text), splitKey(stripEmoticons(e.text))]));
  log(`domain labels: ${domain.length} (${domain.filter((e) => e.part === 'test').length} held out as the domain test split)`);
  log(`corpora: weibo ${c.weibo.length}, semeval ${c.semeval.length}, smp ${c.smp.length}, covid ${c.covid.length}, nlpcc ${c.nlpcc.length}`);

  const zhTexts = [...c.weibo, ...c.smp, ...c.covid, ...c.nlpcc].filter(notTest).map((e) => e.text);
  // The lexicon (word lists, no labels) is shared by every run; only the shipped run rewrites it.
  if (outDir === MODELS_DIR) {
    const lex = await buildZhLexicon(dir, zhTexts);
    resetZhLexicon();
    log(`zh lexicon: ${lex.words} words (${(lex.bytes / 1024).toFixed(0)} KB)`);
  }

  trainSentimentEn(c, log);
  await trainSentimentZh(dir, c, log);
  trainEmotionZh(c, log);
  await trainEmotionEnModel(dir, log);
  await trainStanceEn(dir, log);
  await trainStanceZhModel(dir, log);
  await trainCriticalModels(dir, log);
  await trainTopics(dir, c, log);
  if (outDir === MODELS_DIR) reloadModels();
}

function trainSentimentEn(c: ToneCorpora, log: Log): void {
  const p = PARAMS.sentimentEn;
  const own = prepareExamples(domainTone('en', (e) => e.sentiment), 'en');
  const ex = [...prepareExamples(c.semeval.filter(notTest), 'en'), ...own];
  const ds = toneDataset(ex, SENTIMENT_CLASSES, false, (e) => (e.corpus === 'domain' ? p.domainWeight : 1));
  const trained = trainLogReg(ds, opts(TONE_BITS, 3, p, { classWeights: balancedClassWeights(ds.y, 3, p.classBalance) }));
  log(`sentiment-en: ${ds.n - own.length} SemEval tweets + ${own.length} domain labels`);
  save(MODEL_FILES.sentimentEn, header('sentiment-en', SENTIMENT_CLASSES, TONE_BITS, { corpora: ['semeval_task4a_en', 'own domain labels'], examples: ds.n, params: p }), trained, log);
}

async function trainSentimentZh(dir: string, c: ToneCorpora, log: Log): Promise<void> {
  const p = PARAMS.sentimentZh;
  const weiboTrain = c.weibo.filter(notTest);
  const trainable = new Set(weiboTrain.map((e) => e.text));
  const distant = await distantWeiboExamples(dir, (t) => trainable.has(t), p.distantThreshold, new Set(c.weibo.map((e) => e.text)));
  const weibo = prepareExamples([...weiboTrain, ...distant], 'zh');
  const other = prepareExamples(sentimentFromEmotion([...c.smp, ...c.covid, ...c.nlpcc]).filter(notTest), 'zh');
  const own = prepareExamples(domainTone('zh', (e) => e.sentiment), 'zh');
  const weightOf = (e: { corpus: string }): number =>
    e.corpus === 'domain' ? p.domainWeight : e.corpus.startsWith('weibo_senti') ? 1 : e.corpus.startsWith('ced') ? p.distantWeight : p.otherCorporaWeight;
  const ds = toneDataset([...weibo, ...other, ...own], SENTIMENT_CLASSES, false, weightOf);
  const trained = trainLogReg(ds, opts(TONE_BITS, 3, p));
  log(`sentiment-zh: ${weibo.length - distant.length} weibo_senti (emoticons stripped) + ${distant.length} CED texts labelled by their emoticons + ${other.length} emotion-corpus texts mapped to polarity + ${own.length} domain labels`);
  const corpora = ['weibo_senti_100k_subset', 'ced_weibo_rumor_threads (folds 2-9, emoticon-labelled)', 'smp2020_ewect_virus', 'covid19_weibo_emotion7', 'nlpcc2013_weibo_emotion', 'own domain labels'];
  save(MODEL_FILES.sentimentZh, header('sentiment-zh', SENTIMENT_CLASSES, TONE_BITS, { corpora, examples: ds.n, params: p }), trained, log);
}

function trainEmotionZh(c: ToneCorpora, log: Log): void {
  const p = PARAMS.emotionZh;
  const smp = prepareExamples(c.smp.filter(notTest), 'zh');
  const other = prepareExamples([...c.covid, ...c.nlpcc].filter(notTest), 'zh');
  const own = prepareExamples(domainTone('zh', (e) => e.emotion), 'zh');
  const ds = toneDataset([...smp, ...other, ...own], EMOTIONS, true, (e) => (e.corpus.startsWith('smp') ? 1 : e.corpus === 'domain' ? p.domainWeight : p.otherCorporaWeight));
  const trained = trainLogReg(ds, opts(TONE_BITS, EMOTIONS.length, p, { classWeights: balancedClassWeights(ds.y, EMOTIONS.length, p.classBalance) }));
  log(`emotion-zh: ${smp.length} SMP2020 + ${other.length} COVID-19/NLPCC 2013 texts + ${own.length} domain labels`);
  const corpora = ['smp2020_ewect_virus', 'covid19_weibo_emotion7', 'nlpcc2013_weibo_emotion', 'own domain labels'];
  save(MODEL_FILES.emotionZh, header('emotion-zh', EMOTIONS, TONE_BITS, { corpora, examples: ds.n, params: p }), trained, log);
}

async function trainEmotionEnModel(dir: string, log: Log): Promise<void> {
  const p = PARAMS.emotionEn;
  const r = await trainEmotionEn(dir, held, { epochs: p.epochs, lr: p.lr, l2: p.l2, seed: SEED }, p.classBalance, domainTone('en', (e) => e.emotion));
  if (!r) return;
  const verdict = `${r.examples} own labels; out-of-fold macro-F1 lexicon ${r.lexiconF1.toFixed(3)}, model ${r.modelF1.toFixed(3)}`;
  const meta = { corpora: ["the project's own labels (workers/train/labels/emotion-en.jsonl, domain.jsonl)"], examples: r.examples, params: p, oofMacroF1: { lexicon: r.lexiconF1, model: r.modelF1 } };
  saveOrDrop(MODEL_FILES.emotionEn, header('emotion-en', EMOTIONS, TONE_BITS, meta), r.model, `emotion-en: ${verdict}`, 'the lexicon', log);
}

/**
 * Writes a model that beat its fallback out of fold; otherwise removes any older file, so the
 * tagger goes back to the fallback (lexicon or cue rules).
 */
function saveOrDrop(file: string, h: Omit<ModelHeader, 'bias'>, trained: { weights: Float32Array; bias: number[] } | null, line: string, fallback: string, log: Log): void {
  if (!trained) {
    rmSync(path.join(outDir, file), { force: true });
    log(`${line}: the model does not beat ${fallback}, none written`);
    return;
  }
  log(line);
  save(file, h, trained, log);
}

async function trainCriticalModels(dir: string, log: Log): Promise<void> {
  const p = PARAMS.critical;
  // Reads sentiment as the tagger will: with the sentiment models this run just wrote.
  if (outDir === MODELS_DIR) reloadModels();
  const tone = loadModels(outDir);
  const extra = domain.flatMap((e) =>
    e.critical === undefined ? [] : [{ id: e.id, text: e.text, lang: e.lang, critical: e.critical, part: e.part, ...(e.kind === 'reply' && e.root !== undefined ? { root: e.root } : {}) }],
  );
  for (const r of await trainCritical(dir, tone, held, { epochs: p.epochs, lr: p.lr, l2: p.l2, seed: SEED }, p.minPrecision, extra)) {
    const file = r.lang === 'zh' ? MODEL_FILES.criticalZh : MODEL_FILES.criticalEn;
    const f = (m: { p: number; r: number; f1: number }) => `P ${m.p.toFixed(3)} R ${m.r.toFixed(3)} F1 ${m.f1.toFixed(3)}`;
    const verdict = `${r.examples} own labels; out of fold: rules ${f(r.rules)}, model ${f(r.model)} at thresholds ${r.threshold} / ${r.judgedThreshold} (judged by the rules) / ${r.unnamedThreshold ?? 'none'} (no authority named)`;
    const meta = {
      corpora: ["the project's own labels (workers/train/labels/critical.jsonl, domain.jsonl)"],
      examples: r.examples,
      params: p,
      threshold: r.threshold,
      judgedThreshold: r.judgedThreshold,
      ...(r.unnamedThreshold === null ? {} : { unnamedThreshold: r.unnamedThreshold }),
      oof: { rules: r.rules, model: r.model },
    };
    saveOrDrop(file, header(`critical-${r.lang}`, CRITICAL_CLASSES, CRITICAL_BITS, meta), r.trained, `critical-${r.lang}: ${verdict}`, 'the rules', log);
  }
}

/** Domain replies of one language as labelled stance items (thread key: the root text). */
const domainReplies = (lang: 'zh' | 'en') =>
  domain.flatMap((e) => (e.lang === lang && e.kind === 'reply' && e.stance && !held.includes(e.part) ? [{ ...e, stance: e.stance, threadKey: e.root ?? e.id }] : []));

async function trainStanceEn(dir: string, log: Log): Promise<void> {
  const p = PARAMS.stanceEn;
  const own = labelledStanceExamples(domainReplies('en'), 'en');
  // RumourEval replies already carry gold stance: the domain labels of the same replies are not added twice.
  const ownIds = new Set(domainReplies('en').map((e) => e.id.replace(/^rumoureval:/, '')));
  const ex = [...stanceExamples((await loadRumourEval(dir)).filter((r) => !ownIds.has(r.id))).filter(notTest), ...own];
  const ds = stanceDataset(ex, (e) => (own.includes(e) ? p.domainWeight : 1));
  const trained = trainLogReg(ds, opts(STANCE_BITS, 4, p, { classWeights: balancedClassWeights(ds.y, 4, p.classBalance) }));
  log(`stance-en: ${ds.n - own.length} RumourEval replies + ${own.length} domain labels`);
  save(MODEL_FILES.stanceEn, header('stance-en', STANCE_CLASSES, STANCE_BITS, { corpora: ['rumoureval2017_en_threads', 'own domain labels'], examples: ds.n, params: p }), trained, log);
}

async function trainStanceZhModel(dir: string, log: Log): Promise<void> {
  const p = PARAMS.stanceZh;
  const ced = (await loadZhStanceSet(dir)).filter((e) => !held.includes(e.part)).map((e) => ({ ...e, threadKey: e.threadId }));
  const ex = [...labelledStanceExamples(ced, 'zh'), ...labelledStanceExamples(domainReplies('zh'), 'zh')];
  const r = trainStanceZh(ex, { epochs: p.epochs, lr: p.lr, l2: p.l2, seed: SEED }, p.classBalance);
  if (!r) return;
  const verdict = `${r.examples} own labels; out-of-fold macro-F1 rules ${r.rulesF1.toFixed(3)}, model ${r.modelF1.toFixed(3)}`;
  const meta = { corpora: ["the project's own labels (stance-zh.jsonl, domain.jsonl)"], examples: r.examples, params: p, oofMacroF1: { rules: r.rulesF1, model: r.modelF1 } };
  saveOrDrop(MODEL_FILES.stanceZh, header('stance-zh', STANCE_CLASSES, STANCE_BITS, meta), r.model, `stance-zh: ${verdict}`, 'the cue rules', log);
}

async function trainTopics(dir: string, c: ToneCorpora, log: Log): Promise<void> {
  const ced = await readRows<ThreadRow>(dir, 'ced_weibo_rumor_threads.jsonl.gz');
  const rumourEval = await loadRumourEval(dir);
  const sets = {
    zh: [...c.weibo, ...c.smp, ...c.covid, ...c.nlpcc].map((e) => e.text).concat(ced.map((r) => r.text)),
    en: c.semeval.map((e) => e.text).concat(rumourEval.map((r) => r.text)),
  };
  for (const lang of ['zh', 'en'] as const) {
    const p = PARAMS.topics;
    const { examples, classes } = topicExamples(sets[lang], lang);
    const train = examples.filter((e) => e.part === 'train');
    const dev = examples.filter((e) => e.part === 'dev');
    // (the threshold is always picked on dev with a model trained on train only)
    const devDs = topicDataset(dev, classes);
    const first = trainLogReg(topicDataset(train, classes), opts(TONE_BITS, classes.length, p));
    const threshold = pickThreshold(toModel(header('t', classes, TONE_BITS, {}), first), devDs, p.minPrecision);
    const ds = topicDataset(examples.filter(notTest), classes);
    const trained = trainLogReg(ds, opts(TONE_BITS, classes.length, p));
    const topical = examples.filter((e) => notTest(e) && e.label !== NO_TOPIC).length;
    log(`topics-${lang}: ${topical} rule-labelled texts (keywords masked) + ${ds.n - topical} with no topic; threshold ${threshold.threshold} (dev precision ${threshold.precision.toFixed(2)}, coverage ${threshold.coverage.toFixed(2)})`);
    const file = lang === 'zh' ? MODEL_FILES.topicsZh : MODEL_FILES.topicsEn;
    save(file, header(`topics-${lang}`, classes, TONE_BITS, { corpora: 'all corpora, labelled by shared/topics/defaults.ts', examples: ds.n, params: p, threshold: threshold.threshold, devPrecision: threshold.precision, devCoverage: threshold.coverage }), trained, log);
  }
}

/**
 * The lowest probability threshold at which the fallback's proposals on dev texts are right at
 * least `minPrecision` of the time (a "none" text given a topic counts as wrong). Coverage is the
 * share of topical dev texts that then get their topic back.
 */
export function pickThreshold(model: LinearModel, dev: SparseDataset, minPrecision: number): { threshold: number; precision: number; coverage: number } {
  const none = model.header.classes.indexOf(NO_TOPIC);
  const probs: { p: number; c: number; y: number }[] = [];
  const fvP = new Float64Array(model.k);
  const fv = new FeatureVector(model.header.bits, 16);
  for (let e = 0; e < dev.n; e++) {
    model.probabilities(exampleVector(dev, e, fv), fvP);
    let best = -1;
    for (let c = 0; c < model.k; c++) if (c !== none && (best < 0 || fvP[c]! > fvP[best]!)) best = c;
    probs.push({ p: fvP[best]!, c: best, y: dev.y[e]! });
  }
  const topical = probs.filter((x) => x.y !== none).length;
  for (const t of [0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95]) {
    const proposed = probs.filter((x) => x.p >= t);
    const right = proposed.filter((x) => x.c === x.y).length;
    const precision = proposed.length ? right / proposed.length : 1;
    if (precision >= minPrecision) return { threshold: t, precision, coverage: topical ? right / topical : 0 };
  }
  return { threshold: 1, precision: 1, coverage: 0 };
}
