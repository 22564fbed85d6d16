import { round, velocityOf } from './accumulate.js';
import { normalise } from '../nlp/normalise.js';
import { isResolutionNotice } from './cues.js';
import { FEATURE_SIGNAL, FEATURES, featureValues, type FeatureName } from './features.js';
import type { RumourModel } from './model.js';
import {
  VELOCITY_WINDOW_MINUTES, type ExamplePost, type RumourReason, type RumourSignal, type StorySignals,
} from './signals.js';

/** A signal is named as a reason only when it moves the log-odds at least this much. */
const MIN_REASON_WEIGHT = 0.15;
const MAX_REASONS = 5;
const MINUTE = 60_000;

export interface Assessment {
  score: number;
  needsClarification: boolean;
  reasons: RumourReason[];
}

/**
 * Standardised inputs are clipped: live traffic can lie far outside the training range (a brand
 * new account, a story hours long), and a linear model must not extrapolate from that alone.
 */
export const Z_LIMIT = 3;
export const clampZ = (z: number): number => Math.max(-Z_LIMIT, Math.min(Z_LIMIT, z));

/** Log-odds contributions of each feature (z-scored inputs times weights; unknown inputs add 0). */
export function contributions(model: RumourModel, values: Record<FeatureName, number | null>): { logit: number; parts: Map<FeatureName, number> } {
  const f = model.file;
  let logit = f.bias;
  const parts = new Map<FeatureName, number>();
  for (const name of FEATURES) {
    const i = model.index.get(name);
    if (i === undefined) continue;
    const x = values[name];
    const z = x === null || !Number.isFinite(x) ? 0 : clampZ((x - f.mean[i]!) / (f.std[i]! || 1));
    const c = f.weights[i]! * z;
    logit += c;
    parts.set(name, c);
  }
  return { logit, parts };
}

/**
 * Recomputes a story's score, clarification need and reasons from its accumulated signals, in
 * place. Never a candidate: a story whose root is an official account's own post, one an official
 * account has already answered, or one whose root announces a happy ending with thanks ("感谢大家
 * 转发，走失的女孩已经找到了": the demo's "found safe" posts were its most common false flag); the
 * score and reasons stay, to show what happened.
 */
export function assess(s: StorySignals, model: RumourModel): Assessment {
  const values = featureValues(s);
  const { velocity, acceleration } = velocityOf(s.growth, s.last, VELOCITY_WINDOW_MINUTES);
  s.velocity = velocity;
  s.acceleration = acceleration;
  s.features = Object.fromEntries(FEATURES.map((k) => [k, values[k] === null ? null : round(values[k])]));

  if (s.root?.official) {
    s.score = 0;
    s.needsClarification = false;
    s.reasons = [];
    return { score: 0, needsClarification: false, reasons: [] };
  }
  const { logit, parts } = contributions(model, values);
  const score = round(1 / (1 + Math.exp(-logit)));
  const needsClarification =
    !s.officialAnswer &&
    score >= model.file.threshold &&
    s.counts.responses >= model.file.minResponses &&
    hasEvidence(s, model.file.minResponses) &&
    !(s.root !== undefined && isResolutionNotice(normalise(s.root.text).own));
  if (needsClarification && s.flaggedAt === undefined) s.flaggedAt = s.last;
  const reasons = explain(s, parts);
  s.score = score;
  s.needsClarification = needsClarification;
  s.reasons = reasons;
  return { score, needsClarification, reasons };
}

/**
 * A likely rumour needs a clarification only when something shows it circulates as a claim: a
 * conversation around it (replies and reposts, as in every thread the model learnt from), people
 * asking about it or denying it ("enquiring minds"), or the post itself spreading hearsay, calls to
 * forward, or "inside information". Copies of an everyday post that nobody answers or doubts,
 * which the model never saw in training, are left alone whatever their wording.
 */
export const MIN_DOUBTING_RESPONSES = 2;

export function hasEvidence(s: StorySignals, minResponses: number): boolean {
  const c = s.counts;
  const g = s.root?.claim.groups;
  return (
    c.replies + c.reposts >= minResponses ||
    c.doubt >= MIN_DOUBTING_RESPONSES ||
    g?.hearsay !== undefined ||
    g?.spread !== undefined ||
    g?.secret !== undefined
  );
}

function explain(s: StorySignals, parts: Map<FeatureName, number>): RumourReason[] {
  const bySignal = new Map<RumourSignal, number>();
  for (const [name, c] of parts) {
    const signal = FEATURE_SIGNAL[name];
    bySignal.set(signal, (bySignal.get(signal) ?? 0) + c);
  }
  const reasons = [...bySignal]
    .filter(([, w]) => w >= MIN_REASON_WEIGHT)
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_REASONS)
    .map(([signal, w]) => ({ signal, weight: round(w, 2), ...describe(s, signal) }));

  // Context the score does not use but an officer needs: spread now, and whether it was answered.
  if (s.velocity >= 1 && s.acceleration >= 1.5) {
    reasons.push({
      signal: 'velocity',
      weight: 0,
      value: s.velocity,
      detail: `${s.velocity} responses/min in the last ${VELOCITY_WINDOW_MINUTES} min, ${s.acceleration}× the ${VELOCITY_WINDOW_MINUTES} min before`,
      examples: [],
    });
  }
  if (s.officialAnswer) {
    const a = s.officialAnswer;
    const after = Math.max(0, Math.round((a.at - (s.root?.at ?? s.t0)) / MINUTE));
    reasons.push({
      signal: 'officialAnswer',
      weight: 0,
      value: after,
      detail: `answered by ${a.author ?? 'an official account'} ${after} min after it appeared`,
      examples: [{ uid: a.uid, text: a.text }],
    });
  }
  return reasons;
}

const pct = (k: number, n: number): string => `${k} of ${n}`;

function rootExample(s: StorySignals): ExamplePost[] {
  return s.root ? [{ uid: s.root.uid, text: s.root.text.slice(0, 80) }] : [];
}

function describe(s: StorySignals, signal: RumourSignal): { value: number; detail: string; examples: ExamplePost[] } {
  const c = s.counts;
  const r = s.root;
  switch (signal) {
    case 'rootWording':
      return {
        value: round(r?.textScore ?? 0, 2),
        detail: `the claim is worded like past rumours${r?.topGrams.length ? `: ${r.topGrams.map((g) => `"${g}"`).join(', ')}` : ''}`,
        examples: rootExample(s),
      };
    case 'replyWording':
      return {
        value: round(s.replyText.n ? s.replyText.sum / s.replyText.n : 0, 2),
        detail: `replies read like replies under past rumours (${s.replyText.n} with words)`,
        examples: s.examples.wording.map(({ uid, text }) => ({ uid, text })),
      };
    case 'queries': {
      const k = Math.max(c.query, c.enquiryCue);
      return { value: round(k / Math.max(1, c.responses)), detail: `${pct(k, c.responses)} responses ask whether it is true or where it comes from`, examples: s.examples.query };
    }
    case 'denials': {
      const k = Math.max(c.deny, c.denialCue);
      return { value: round(k / Math.max(1, c.responses)), detail: `${pct(k, c.responses)} responses say it is false or a rumour`, examples: s.examples.deny };
    }
    case 'claimCues': {
      const cues = Object.values(r?.claim.groups ?? {}).flat();
      const bits = [
        cues.length ? `claim markers ${cues.map((x) => `"${x}"`).join(', ')}` : '',
        r?.claim.numbers ? `${r.claim.numbers} unsourced figure(s)` : '',
        r?.claim.exclamations ? `${r.claim.exclamations} "!"` : '',
      ].filter(Boolean);
      return { value: cues.length, detail: bits.length ? bits.join('; ') : 'how the claim is phrased', examples: rootExample(s) };
    }
    case 'fearAnger':
      return { value: round(c.fearAnger / Math.max(1, c.withText)), detail: `${pct(c.fearAnger, c.withText)} replies express fear or anger`, examples: s.examples.fearAnger };
    case 'authority':
      return {
        value: c.authority,
        detail: `${r?.authority ? 'the claim mentions the police or officials; ' : ''}${pct(c.authority, c.withText)} replies mention them`,
        examples: s.examples.authority.length ? s.examples.authority : rootExample(s),
      };
    case 'source':
      return {
        value: r?.followers ?? 0,
        detail: `source account: ${r?.verified ? 'verified' : r?.verified === false ? 'not verified' : 'verification unknown'}, ${r?.followers == null ? 'followers unknown' : `${r.followers.toLocaleString('en')} followers`}`,
        examples: rootExample(s),
      };
    case 'reach':
      return { value: r?.engagement ?? 0, detail: `the root reports ${r?.engagement ?? 0} reposts and comments`, examples: rootExample(s) };
    case 'pace': {
      const t0 = r?.at ?? s.t0;
      if (s.early.length === 0) return { value: 0, detail: `no replies or reposts yet (${c.responses} copies of the post)`, examples: [] };
      const d = Math.round((s.early[Math.floor((s.early.length - 1) / 2)]! - t0) / MINUTE);
      return { value: d, detail: `${c.replies + c.reposts} replies and reposts; the early ones came a median ${d} min after the post`, examples: [] };
    }
    default:
      return { value: 0, detail: signal, examples: [] };
  }
}
