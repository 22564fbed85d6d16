import type { Emotion, SentimentLabel } from '../../shared/contracts/tags.js';
import { readRows, type TextRow, type ThreadRow } from './datasets.js';
import { partOf, type Part } from './splits.js';

/** One labelled text of a corpus, with the side of the fixed split it falls on. */
export interface Example<L extends string = string> {
  corpus: string;
  text: string;
  label: L;
  part: Part;
}

/** Weibo bracket emoticons: the weibo_senti_100k labels derive from them, so they are stripped for training and scoring. */
export const stripEmoticons = (t: string): string => t.replace(/\[[^[\]\s]{1,10}\]/g, ' ');
const splitKey = (t: string): string => t.replace(/\s+/g, ' ').trim();

function dedupe<T extends { text: string }>(rows: T[]): T[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const k = splitKey(r.text);
    if (!k || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export const SMP_TO_EMOTION: Record<string, Emotion> = {
  happy: 'joy', neutral: 'none', angry: 'anger', sad: 'sadness', fear: 'fear', surprise: 'surprise',
};
export const NLPCC_TO_EMOTION: Record<string, Emotion> = {
  none: 'none', like: 'joy', happiness: 'joy', disgust: 'disgust', sadness: 'sadness', anger: 'anger', surprise: 'surprise', fear: 'fear',
};
export const COVID_TO_EMOTION: Record<string, Emotion> = {
  optimism: 'joy', gratitude: 'joy', fear: 'fear', disgust: 'disgust', surprise: 'surprise', sadness: 'sadness', anger: 'anger',
};
const EMOTION_TO_SENTIMENT: Partial<Record<Emotion, SentimentLabel>> = {
  joy: 'positive', none: 'neutral', anger: 'negative', sadness: 'negative', fear: 'negative', disgust: 'negative',
};

export interface ToneCorpora {
  /** weibo_senti_100k, emoticons stripped: positive / negative. */
  weibo: Example<SentimentLabel>[];
  semeval: Example<SentimentLabel>[];
  smp: Example<Emotion>[];
  covid: Example<Emotion>[];
  nlpcc: Example<Emotion>[];
}

export async function loadToneCorpora(dir: string): Promise<ToneCorpora> {
  const weiboRows = dedupe(
    (await readRows<TextRow>(dir, 'weibo_senti_100k_subset.jsonl.gz'))
      .filter((r) => !r.labelConflict)
      .map((r) => ({ ...r, text: stripEmoticons(r.text) })),
  );
  const weibo = weiboRows.map((r) => ({ corpus: 'weibo_senti_100k_subset', text: r.text, label: r.label as SentimentLabel, part: partOf(splitKey(r.text)) }));

  const semRows = dedupe(await readRows<TextRow>(dir, 'semeval_task4a_en.jsonl.gz'));
  const seenIds = new Set<string>();
  const semeval = semRows
    .filter((r) => (seenIds.has(r.id) ? false : (seenIds.add(r.id), true)))
    .map((r) => ({ corpus: 'semeval_task4a_en', text: r.text, label: r.label as SentimentLabel, part: partOf(splitKey(r.text)) }));

  const emotions = async (file: string, map: Record<string, Emotion>): Promise<Example<Emotion>[]> =>
    dedupe(await readRows<TextRow>(dir, file))
      .filter((r) => map[r.label] !== undefined)
      .map((r) => ({ corpus: file.replace('.jsonl.gz', ''), text: r.text, label: map[r.label]!, part: partOf(splitKey(r.text)) }));

  return {
    weibo,
    semeval,
    smp: await emotions('smp2020_ewect_virus.jsonl.gz', SMP_TO_EMOTION),
    covid: await emotions('covid19_weibo_emotion7.jsonl.gz', COVID_TO_EMOTION),
    nlpcc: await emotions('nlpcc2013_weibo_emotion.jsonl.gz', NLPCC_TO_EMOTION),
  };
}

/** Sentiment examples derived from an emotion corpus (emoticons stripped; surprise has no polarity). */
export function sentimentFromEmotion(ex: Example<Emotion>[]): Example<SentimentLabel>[] {
  const out: Example<SentimentLabel>[] = [];
  for (const e of ex) {
    const label = EMOTION_TO_SENTIMENT[e.label];
    if (label) out.push({ ...e, text: stripEmoticons(e.text), label });
  }
  return out;
}

export async function loadRumourEval(dir: string): Promise<ThreadRow[]> {
  return readRows<ThreadRow>(dir, 'rumoureval2017_en_threads.jsonl.gz');
}
