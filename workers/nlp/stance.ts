import type { Stance } from '../../shared/contracts/tags.js';
import { AGREEMENT_ONLY, FLIP_BEFORE, STANCE_CUES, VOID_BEFORE, type StanceKind } from './lexicon/stance-cues.js';
import { outermostHits, PhraseMatcher } from './phrase-matcher.js';

/** A class needs at least this much cue weight; otherwise the reply is a plain comment. */
const MIN_WEIGHT = 0.5;
/** Characters that end a clause (text is half-width by now). */
const CLAUSE_END = /[,.!?;。~…\n]/;
/** Question particles that turn an assertion in their clause into a question ("是谣言吗"). */
const QUESTION_PARTICLE = /[吗么呢]/;

interface CueTable {
  matcher: PhraseMatcher;
  kind: StanceKind[];
  weight: number[];
}

let table: CueTable | undefined;

function cueTable(): CueTable {
  if (table) return table;
  const phrases: string[] = [];
  const kind: StanceKind[] = [];
  const weight: number[] = [];
  for (const g of STANCE_CUES) {
    for (const p of g.phrases.split('|')) {
      phrases.push(p);
      kind.push(g.kind);
      weight.push(g.weight);
    }
  }
  table = { matcher: new PhraseMatcher(phrases), kind, weight };
  return table;
}

/**
 * Stance of one text read on its own: question forms → query, denial forms → deny, affirmation
 * → support, else comment. Cues are read in their clause: a preceding "不是/not" flips deny and
 * support, a preceding "没有" voids the cue, and a clause ending in "?" or holding "吗" makes it a
 * question. The heaviest class wins; ties go deny > query > support.
 */
export function textStance(text: string): Stance {
  if (text === '') return 'comment';
  const sums = stanceCueSums(text);
  let best: Stance = 'comment';
  let bestWeight = MIN_WEIGHT - 1e-9;
  for (const k of ['deny', 'query', 'support'] as const) {
    if (sums[k] > bestWeight) {
      best = k;
      bestWeight = sums[k];
    }
  }
  return best;
}

/** Cue weight per stance class in one text, read clause by clause as `textStance` describes. */
export function stanceCueSums(text: string): Record<StanceKind, number> {
  const sums = { query: 0, deny: 0, support: 0 };
  if (text === '') return sums;
  const t = cueTable();
  for (const hit of outermostHits(t.matcher.findAll(text))) {
    let kind = t.kind[hit.id]!;
    const before = text.slice(Math.max(0, hit.start - 8), hit.start);
    const clauseStart = lastClauseEnd(before);
    const lead = clauseStart < 0 ? before : before.slice(clauseStart + 1);
    if (kind !== 'query') {
      if (VOID_BEFORE.test(lead)) continue;
      if (FLIP_BEFORE.test(lead)) kind = kind === 'deny' ? 'support' : 'deny';
      if (isQuestionClause(text, hit.end)) kind = 'query';
    }
    sums[kind] += t.weight[hit.id]!;
  }
  return sums;
}

function lastClauseEnd(s: string): number {
  for (let i = s.length - 1; i >= 0; i--) if (CLAUSE_END.test(s[i]!)) return i;
  return -1;
}

function isQuestionClause(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (c === '?') return true;
    if (QUESTION_PARTICLE.test(c)) return true;
    if (CLAUSE_END.test(c)) return false;
  }
  return false;
}

const bareText = (own: string): string => own.replace(/[\s,.!?;。~…]+/g, '');
/** "是的" agrees; "真的?" asks. */
export const isAgreementOnly = (own: string): boolean => !own.includes('?') && AGREEMENT_ONLY.has(bareText(own));

/** Whether classifyStance would read the root or parent for these own words (so callers normalise them only then). */
export function needsThreadContext(own: string, rootOfficial: boolean): boolean {
  return rootOfficial || isAgreementOnly(own);
}

export interface StanceInput {
  kind: 'post' | 'repost' | 'reply';
  /** Normalised own words. */
  own: string;
  /** Normalised own words of the thread root, when known. */
  root?: { own: string; official?: boolean };
  /** Normalised own words of the parent, when known and different from the root. */
  parent?: { own: string };
}

/**
 * Stance toward the thread's root claim.
 * - A root post supports itself.
 * - A reply that only agrees ("是的", "+1") takes the stance of the parent it answers when the parent
 *   is not the root (agreeing with a denial denies); agreeing with the root supports it.
 * - When the root is an official account's denial (a police debunk), deny and support swap: "谣言止于智者"
 *   under a debunk agrees with it, "我亲眼看到了" disputes it.
 * A plain forward with no own words is a comment.
 * `ownStance`, when given, is a model's verdict on the own words and replaces the cue rules' one.
 */
export function classifyStance(input: StanceInput, ownStance?: Stance): Stance {
  if (input.kind === 'post') return 'support';
  const own = input.own;
  let stance: Stance;
  if (isAgreementOnly(own)) {
    // Agreeing with the root itself supports it, whatever the root says.
    if (!input.parent) return 'support';
    const parentStance = textStance(input.parent.own);
    stance = parentStance === 'query' ? 'comment' : parentStance;
  } else {
    stance = ownStance ?? textStance(own);
  }
  if (input.root?.official && (stance === 'deny' || stance === 'support') && textStance(input.root.own) === 'deny') {
    stance = stance === 'deny' ? 'support' : 'deny';
  }
  return stance;
}

/** Cue weight of one strong phrase (lexicon/stance-cues.ts). */
const STRONG_CUE = 1.5;

/**
 * A stance model's verdict, checked against strong cue phrases: a "comment" with a strong question,
 * denial or affirmation form ("is this true", "不是真的", "not fake") takes that form's class, and a
 * verdict that no cue supports yields to a strong cue of another class. Shared by the tagger and
 * the training's out-of-fold measure, so both read replies the same way.
 */
export function withStrongCues(verdict: Stance, own: string): Stance {
  const cues = stanceCueSums(own);
  let best: Stance | null = null;
  let weight = STRONG_CUE - 1e-9;
  for (const k of ['deny', 'query', 'support'] as const) {
    if (cues[k] > weight) {
      best = k;
      weight = cues[k];
    }
  }
  if (best === null || best === verdict) return verdict;
  if (verdict === 'comment' || cues[verdict] === 0) return best;
  return verdict;
}
