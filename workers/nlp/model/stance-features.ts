import { stanceCueSums, textStance } from '../stance.js';
import type { FeatureVector } from './feature-vector.js';
import { isBoundary, isNegator } from './task-features.js';
import { addDense, addWordFeatures } from './text-features.js';

/** What the stance model reads of a reply: its own words, and its thread's root and parent. */
export interface StanceView {
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
  addWordFeatures(fv, v.tokens, isNegator, isBoundary, false, 1);
  const own = stanceCueSums(v.own);
  addDense(fv, 'cq', own.query * 0.5);
  addDense(fv, 'cd', own.deny * 0.5);
  addDense(fv, 'cs', own.support * 0.5);
  addDense(fv, `rule:${textStance(v.own)}`, 1);
  if (v.own.includes('?')) addDense(fv, 'qmark', 1);
  if (QUESTION_START.test(v.own)) addDense(fv, 'qstart', 1);
  addDense(fv, v.direct ? 'direct' : 'nested', 1);
  if (v.urls > 0) addDense(fv, 'url', 1);
  const n = v.tokens.length;
  addDense(fv, n <= 3 ? 'len:s' : n <= 10 ? 'len:m' : n <= 20 ? 'len:l' : 'len:xl', 1);
  if (v.root) {
    const root = stanceCueSums(v.root);
    if (root.query > 0) addDense(fv, 'root:q', 1);
    if (root.deny > 0) addDense(fv, 'root:d', 1);
    if (v.root.includes('?')) addDense(fv, 'root:qmark', 1);
    const rootSet = new Set(v.rootTokens);
    let content = 0;
    let shared = 0;
    for (const t of v.tokens) {
      if (isBoundary(t) || STOP.has(t)) continue;
      content++;
      if (rootSet.has(t)) shared++;
    }
    if (content > 0) addDense(fv, 'overlap', shared / content);
  }
  if (v.parent !== null) {
    const ps = textStance(v.parent);
    addDense(fv, `parent:${ps}`, 1);
    if (v.parent.includes('?')) addDense(fv, 'parent:qmark', 1);
  }
}
