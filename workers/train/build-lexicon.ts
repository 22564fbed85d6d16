import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { EmotionClass } from '../nlp/lexicon/index.js';
import { ZH_LEXICON_FILE } from '../nlp/model/derived-lexicon.js';
import { MODELS_DIR } from '../nlp/model/model-file.js';
import { PhraseMatcher } from '../nlp/phrase-matcher.js';
import { toSimplified } from '../nlp/simplify.js';
import { readRows } from './datasets.js';

interface LexRow {
  term: string;
  polarity?: string;
  category?: string;
  intensity?: number;
}

/** DUTIR's 21 categories → the contract's emotions (categories of approval or belief carry none). */
const DUTIR_EMOTION: Record<string, EmotionClass> = {
  PA: 'joy', PE: 'joy', PB: 'joy', PC: 'surprise', NA: 'anger', NB: 'sadness', NJ: 'sadness', NH: 'sadness',
  NC: 'fear', NI: 'fear', ND: 'disgust', NE: 'disgust', NN: 'disgust', NK: 'disgust',
};

const sign = (p: string | undefined): number => (p === 'positive' ? 1 : p === 'negative' ? -1 : 0);

/**
 * Merges the four Chinese lexicons into one word list: polarity is the mean vote of the lexicons
 * that list the word (DUTIR's vote scaled by its intensity), dropped when they disagree; emotion
 * comes from DUTIR. Only words of 2–6 characters that occur in `corpusTexts` are kept, so the
 * shipped file holds the words Weibo text actually uses.
 */
export async function buildZhLexicon(dir: string, corpusTexts: readonly string[]): Promise<{ words: number; bytes: number }> {
  const votes = new Map<string, number[]>();
  const emotion = new Map<string, Map<EmotionClass, number>>();
  const vote = (term: string, v: number) => {
    const w = toSimplified(term.trim());
    if (w.length < 2 || w.length > 6 || !/^[\u4e00-\u9fff]+$/.test(w)) return undefined;
    if (v !== 0) {
      const list = votes.get(w) ?? [];
      list.push(v);
      votes.set(w, list);
    }
    return w;
  };
  for (const file of ['zh_lexicon_ntusd.jsonl.gz', 'zh_lexicon_tsinghua_lijun.jsonl.gz']) {
    for (const r of await readRows<LexRow>(dir, file)) vote(r.term, sign(r.polarity));
  }
  for (const r of await readRows<LexRow>(dir, 'zh_lexicon_hownet.jsonl.gz')) {
    if (r.category === 'emotion' || r.category === 'evaluation') vote(r.term, sign(r.polarity));
  }
  for (const r of await readRows<LexRow>(dir, 'zh_lexicon_dutir.jsonl.gz')) {
    const w = vote(r.term, sign(r.polarity) * Math.min(1, 0.4 + (r.intensity ?? 5) / 10));
    const e = r.category ? DUTIR_EMOTION[r.category] : undefined;
    if (w && e) {
      const m = emotion.get(w) ?? new Map<EmotionClass, number>();
      m.set(e, (m.get(e) ?? 0) + (r.intensity ?? 5));
      emotion.set(w, m);
    }
  }
  const lines: string[] = [];
  const words = [...new Set([...votes.keys(), ...emotion.keys()])].sort();
  const matcher = new PhraseMatcher(words);
  const seen = new Uint8Array(words.length);
  for (const t of corpusTexts) matcher.present(t, seen);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!seen[i]) continue;
    const v = votes.get(w) ?? [];
    const pos = v.filter((x) => x > 0).length;
    const neg = v.filter((x) => x < 0).length;
    if (pos > 0 && neg > 0) continue;
    const pol = v.length ? v.reduce((a, b) => a + b, 0) / v.length : 0;
    let emo = '-';
    const m = emotion.get(w);
    if (m) emo = [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
    if (pol === 0 && emo === '-') continue;
    lines.push(`${w}\t${pol.toFixed(2)}\t${emo}`);
  }
  const buf = gzipSync(Buffer.from(lines.join('\n') + '\n', 'utf8'), { level: 9 });
  writeFileSync(path.join(MODELS_DIR, ZH_LEXICON_FILE), buf);
  return { words: lines.length, bytes: buf.length };
}
