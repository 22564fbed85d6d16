import type { ClarificationEffect } from '../../shared/contracts/incidents.js';
import type { MentionKind } from '../../shared/contracts/mention.js';
import type { Stance } from '../../shared/contracts/tags.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Velocity compares the hour before the clarification with the hour after it (shorter while that hour runs). */
export const EFFECT_WINDOW_MS = HOUR;
const SERIES_MAX_POINTS = 60;
const BUCKET_MINUTES = [1, 2, 5, 10, 15, 30, 60, 120, 360, 720, 1440] as const;

export interface EffectMention {
  created_at: number;
  kind: MentionKind;
  stance: Stance;
  followers: number;
}

export interface EffectInput {
  clarificationUid: string;
  source: ClarificationEffect['source'];
  /** When the clarification was posted (ms). */
  at: number;
  now: number;
  /** The story's mentions, without the clarification's own thread. */
  story: EffectMention[];
  /** The clarification post and the reposts and replies in its thread. */
  clarificationThread: EffectMention[];
}

const share = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);
const perHour = (n: number, ms: number) => Math.round(((n * HOUR) / ms) * 10) / 10;

/** Reach counts the audiences a post or repost was pushed to; replies reach no followers of their own. */
function reach(ms: EffectMention[]): number {
  let n = 0;
  for (const m of ms) if (m.kind !== 'reply') n += m.followers;
  return n;
}

export function bucketMinutesFor(spanMs: number): number {
  for (const b of BUCKET_MINUTES) if (spanMs / (b * MINUTE) <= SERIES_MAX_POINTS) return b;
  return BUCKET_MINUTES[BUCKET_MINUTES.length - 1]!;
}

/**
 * Did the clarification work? The story's velocity in equal windows right before and right after
 * it, the share of responses denying or questioning the claim before and after, and how many
 * followers the clarification reached against the rumour's spreaders. Pure: the caller loads rows.
 */
export function clarificationEffect(input: EffectInput): ClarificationEffect {
  const { at, now } = input;
  const windowMs = Math.max(MINUTE, Math.min(EFFECT_WINDOW_MS, now - at));
  let inBefore = 0;
  let inAfter = 0;
  const counts = { before: { responses: 0, deny: 0, query: 0, all: 0 }, after: { responses: 0, deny: 0, query: 0, all: 0 } };
  let first = at;
  let last = at;
  for (const m of input.story) {
    const t = m.created_at;
    first = Math.min(first, t);
    last = Math.max(last, t);
    if (t >= at - windowMs && t < at) inBefore++;
    else if (t >= at && t < at + windowMs) inAfter++;
    const side = t < at ? counts.before : counts.after;
    side.all++;
    // A response is anything that is not an original post: replies, and reposts with their comments.
    if (m.kind !== 'post') {
      side.responses++;
      if (m.stance === 'deny') side.deny++;
      else if (m.stance === 'query') side.query++;
    }
  }
  const end = Math.max(last, Math.min(now, at + windowMs));
  const bucketMinutes = bucketMinutesFor(end - first);
  const bucketMs = bucketMinutes * MINUTE;
  const start = Math.floor(first / bucketMs) * bucketMs;
  const series: { t: number; n: number }[] = [];
  for (let t = start; t <= end; t += bucketMs) series.push({ t, n: 0 });
  for (const m of input.story) {
    const p = series[Math.floor((m.created_at - start) / bucketMs)];
    if (p) p.n++;
  }
  return {
    clarificationUid: input.clarificationUid,
    source: input.source,
    at: new Date(at).toISOString(),
    windowMinutes: Math.round(windowMs / MINUTE),
    velocity: { before: perHour(inBefore, windowMs), after: perHour(inAfter, windowMs) },
    mentions: { before: counts.before.all, after: counts.after.all },
    denyShare: { before: share(counts.before.deny, counts.before.responses), after: share(counts.after.deny, counts.after.responses) },
    queryShare: { before: share(counts.before.query, counts.before.responses), after: share(counts.after.query, counts.after.responses) },
    responses: { before: counts.before.responses, after: counts.after.responses },
    reach: { clarification: reach(input.clarificationThread), rumour: reach(input.story) },
    series,
    bucketMinutes,
  };
}
