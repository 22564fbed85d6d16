import { stanceCueSums, textStance } from '../stance.js';
import type { FeatureVector } from './feature-vector.js';
import { isBoundary, isNegator } from './task-features.js';
import { addCharNgrams, addDense, addWordFeatures, charSeeds } from './text-features.js';

/** What the stance model reads of a reply: its own words, and its thread's root and parent. */
export interface StanceView {
  lang: 'zh' | 'en';
  /** Normalised own words of the reply. */
  own: string;
  tokens: readonly string[];
  /** Normalised own words of the root, '' when unknown. */
  root: string;
  rootTokens: readonly string[];
  /** Normalised own words of the parent when it is not the root, else null. */
  parent: string | null;
  /** The reply answers the root directly. */
  direct: boolean;
  /** Links in the reply (often a source given in support or denial). */
  urls: number;
}

const OWN_CHARS = charSeeds('st');
/** Chinese question forms the cue lists do not hold as phrases: a model feature, weighed by training. */
const ZH_QUESTION_FORM = /(吗|么|呢|没有|不是)\s*[?]?$|^(谁|哪|有没有|是不是|真|求|咋|怎么|为什么|啥)|[?]/;

const QUESTION_START = /^(?:what|why|how|who|where|when|is|are|was|were|do|does|did|can|could|would|will|should|has|have|really)\b/;
const STOP = new Set(['the', 'a', 'an', 'to', 'of', 'in', 'and', 'is', 'it', 'i', 'you', 'this', 'that', 'for', 'on', 'be', 'are', 'was', 'rt']);

/**
 * Features for stance toward the root claim:
 * - the reply's word 1–2-grams (negation-marked; character n-grams measured no better on ~3k replies);
 * - cue sums from the hand-written stance cues (query/deny/support, read clause by clause) of the
 *   reply, its parent and its root, and the rule classifier's verdict;
 * - pair features: question forms, depth (answers the root or another reply), the share of the
 *   reply's words found in the root, links, length.
 * Root words themselves are left out: they name the event, which would not carry to new events.
 */
export function stanceFeatures(fv: FeatureVector, v: StanceView): void {
  fv.reset();
  // Chinese reads characters (1–3-grams), as the tone models do; English reads words.
  if (v.lang === 'zh') addCharNgrams(fv, v.own, OWN_CHARS, 3, 1);
  else addWordFeatures(fv, v.tokens, isNegator, isBoundary, false, 1);
  const own = stanceCueSums(v.own);
  addDense(fv, 'cq', own.query * 0.5);
  addDense(fv, 'cd', own.deny * 0.5);
  addDense(fv, 'cs', own.support * 0.5);
  addDense(fv, `rule:${textStance(v.own)}`, 1);
  if (v.own.includes('?')) addDense(fv, 'qmark', 1);
  if (v.lang === 'en' ? QUESTION_START.test(v.own) : ZH_QUESTION_FORM.test(v.own)) addDense(fv, 'qstart', 1);
  addDense(fv, v.direct ? 'direct' : 'nested', 1);
  if (v.urls > 0) addDense(fv, 'url', 1);
  const n = v.lang === 'zh' ? Math.ceil(v.own.length / 2) : v.tokens.length;
  addDense(fv, n <= 3 ? 'len:s' : n <= 10 ? 'len:m' : n <= 20 ? 'len:l' : 'len:xl', 1);
  if (v.root) {
    const root = stanceCueSums(v.root);
    if (root.query > 0) addDense(fv, 'root:q', 1);
    if (root.deny > 0) addDense(fv, 'root:d', 1);
    if (v.root.includes('?')) addDense(fv, 'root:qmark', 1);
    const [mine, theirs] = v.lang === 'zh' ? [bigrams(v.own), new Set(bigrams(v.root))] : [v.tokens, new Set(v.rootTokens)];
    let content = 0;
    let shared = 0;
    for (const t of mine) {
      if (isBoundary(t) || STOP.has(t)) continue;
      content++;
      if (theirs.has(t)) shared++;
    }
    if (content > 0) addDense(fv, 'overlap', shared / content);
  }
  if (v.parent !== null) {
    const ps = textStance(v.parent);
    addDense(fv, `parent:${ps}`, 1);
    if (v.parent.includes('?')) addDense(fv, 'parent:qmark', 1);
  }
}

/** Character bigrams of a Chinese text (the unit its word overlap with the root is measured in). */
function bigrams(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < text.length; i++) out.push(text.slice(i, i + 2));
  return out;
}
