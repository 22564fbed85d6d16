import type { RumourSignal, StorySignals } from './signals.js';

/**
 * The scored features, computed from a story's accumulated signals. None reads a date: times
 * appear only as delays since the story's first sighting. Shares use a pseudo-count so that two
 * early "真的假的？" on a tiny thread do not weigh like fifty.
 */
export const FEATURES = [
  'rootWording',
  'replyWording',
  'queryShare',
  'denyShare',
  'supportShare',
  'enquiryCueShare',
  'denialCueShare',
  'fearAngerShare',
  'authorityShare',
  'rootAuthority',
  'rootHearsay',
  'rootSpread',
  'rootSecret',
  'rootAlarm',
  'rootNumbers',
  'rootExclamations',
  'rootLength',
  'sourceVerified',
  'medianDelay',
  'earlySpan',
  'earlyAcceleration',
  'responses',
] as const;
export type FeatureName = (typeof FEATURES)[number];

/** Which reason a feature's contribution is explained under. */
export const FEATURE_SIGNAL: Record<FeatureName, RumourSignal> = {
  rootWording: 'rootWording',
  replyWording: 'replyWording',
  queryShare: 'queries',
  enquiryCueShare: 'queries',
  denyShare: 'denials',
  denialCueShare: 'denials',
  supportShare: 'queries',
  fearAngerShare: 'fearAnger',
  authorityShare: 'authority',
  rootAuthority: 'authority',
  rootHearsay: 'claimCues',
  rootSpread: 'claimCues',
  rootSecret: 'claimCues',
  rootAlarm: 'claimCues',
  rootNumbers: 'claimCues',
  rootExclamations: 'claimCues',
  rootLength: 'rootWording',
  sourceVerified: 'source',
  medianDelay: 'pace',
  earlySpan: 'pace',
  earlyAcceleration: 'pace',
  responses: 'pace',
};

const PRIOR = 2;
const MINUTE = 60_000;

const share = (k: number, n: number): number => k / (n + PRIOR);
const capped = (x: number, cap: number): number => Math.min(x, cap);

export function featureValues(s: StorySignals): Record<FeatureName, number | null> {
  const c = s.counts;
  const r = s.root;
  const text = c.withText;
  // Shares are of the conversation (replies and reposts): a near-duplicate post restates the claim.
  const talk = c.replies + c.reposts;
  const claim = r?.claim.groups ?? {};
  const t0 = r?.at ?? s.t0;
  const delays = s.early.map((t) => Math.max(0, t - t0) / MINUTE);
  const n = delays.length;
  let medianDelay: number | null = null;
  let span: number | null = null;
  let accel: number | null = null;
  if (n > 0) {
    medianDelay = Math.log1p(n % 2 ? delays[(n - 1) / 2]! : (delays[n / 2 - 1]! + delays[n / 2]!) / 2);
    span = Math.log1p(delays[n - 1]! - delays[0]!);
  }
  if (n >= 4) {
    // Time taken by the second half of the early responses against the first half: < 0 accelerating.
    const mid = delays[Math.floor(n / 2)]!;
    accel = Math.log((delays[n - 1]! - mid + 1) / (mid - delays[0]! + 1));
  }
  return {
    rootWording: r?.textScore ?? null,
    replyWording: s.replyText.n ? s.replyText.sum / (s.replyText.n + PRIOR) : null,
    queryShare: share(c.query, talk),
    denyShare: share(c.deny, talk),
    supportShare: share(c.support, talk),
    enquiryCueShare: share(c.enquiryCue, text),
    denialCueShare: share(c.denialCue, text),
    fearAngerShare: share(c.fearAnger, text),
    authorityShare: share(c.authority, text),
    rootAuthority: r ? (r.authority ? 1 : 0) : null,
    rootHearsay: r ? capped(claim.hearsay?.length ?? 0, 2) : null,
    rootSpread: r ? capped(claim.spread?.length ?? 0, 2) : null,
    rootSecret: r ? capped(claim.secret?.length ?? 0, 2) : null,
    rootAlarm: r ? capped(claim.alarm?.length ?? 0, 3) : null,
    rootNumbers: r ? capped(r.claim.numbers, 3) : null,
    rootExclamations: r ? Math.log1p(r.claim.exclamations) : null,
    rootLength: r ? Math.log1p(r.length) : null,
    // Verification only: follower counts in CED (threads that went viral) are far above live traffic's.
    sourceVerified: r?.verified == null ? null : r.verified ? 1 : 0,
    medianDelay,
    earlySpan: span,
    earlyAcceleration: accel,
    responses: Math.log1p(capped(talk, 40)),
  };
}
