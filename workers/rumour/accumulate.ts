import type { MentionKind } from '../../shared/contracts/mention.js';
import { readStorySignals } from '../../shared/contracts/rumour-signals.js';
import type { Emotion, Stance } from '../../shared/contracts/tags.js';
import { claimCues, denialCue, enquiryCue, isOfficialAnswerText, mentionsAuthority } from './cues.js';
import { wordingScore, type RumourModel } from './model.js';
import {
  EARLY_WINDOW, EXAMPLE_TEXT_MAX, EXAMPLES_PER_SIGNAL, GROWTH_BUCKETS_MAX, TOP_SPREADERS,
  type ExamplePost, type GrowthCurve, type OfficialAnswer, type PhaseCounts, type StorySignals,
} from './signals.js';

/** One stored mention as the rumour scorer sees it (built by `observationOf`). */
export interface RumourObservation {
  uid: string;
  kind: MentionKind;
  /** It starts its thread (a post, or a repost/reply with no root): the story's root if it has none yet. */
  startsThread: boolean;
  /** Raw text (examples quote it). */
  text: string;
  /** Normalised own words (what the commenter wrote, without the quoted chain). */
  own: string;
  /** Normalised text of the quoted chain, if any (an official repost may carry its clarification there). */
  quoted: string;
  at: number;
  author: { name: string | null; followers: number | null; verified: boolean | null; official: boolean };
  engagement: number | null;
  stance: Stance;
  emotion: Emotion;
}

const MINUTE = 60_000;
/** Grams of a text the wording model must know before its score counts. */
const MIN_KNOWN_GRAMS = 2;

export function emptySignals(at: number): StorySignals {
  return {
    v: 1,
    t0: at,
    last: at,
    counts: {
      responses: 0, replies: 0, reposts: 0, posts: 0, withText: 0, query: 0, deny: 0, support: 0, comment: 0,
      enquiryCue: 0, denialCue: 0, doubt: 0, fearAnger: 0, authority: 0, official: 0, spreaderFollowers: 0,
    },
    replyText: { sum: 0, n: 0 },
    early: [],
    growth: { start: Math.floor(at / MINUTE) * MINUTE, width: 1, counts: [] },
    topSpreaders: [],
    examples: { query: [], deny: [], fearAnger: [], authority: [], wording: [] },
    score: 0,
    needsClarification: false,
    reasons: [],
    velocity: 0,
    acceleration: 1,
    features: {},
  };
}

/** Reads a stored signals JSON (shared/contracts/rumour-signals.ts); anything unreadable or from another version starts afresh. */
export function parseSignals(json: string | null | undefined, at: number): StorySignals {
  return readStorySignals(json) ?? emptySignals(at);
}

const example = (o: RumourObservation): ExamplePost => ({ uid: o.uid, text: o.text.slice(0, EXAMPLE_TEXT_MAX) });

function pushExample(list: ExamplePost[], o: RumourObservation): void {
  if (list.length < EXAMPLES_PER_SIGNAL && !list.some((e) => e.uid === o.uid)) list.push(example(o));
}

/**
 * Adds one mention to a story's signals, in O(1) (bounded lists only). Idempotence is the
 * caller's: the store calls this only for newly inserted mentions.
 */
export function observe(s: StorySignals, o: RumourObservation, model: RumourModel): void {
  if (o.at < s.t0) {
    rebaseGrowth(s.growth, o.at);
    s.t0 = o.at;
  }
  if (o.at > s.last) s.last = o.at;
  addGrowth(s.growth, o.at);

  if (o.startsThread && !s.root) {
    const wording = wordingScore(model.rootGrams, o.own, 5);
    s.root = {
      uid: o.uid,
      at: o.at,
      text: o.text.slice(0, 280),
      official: o.author.official,
      verified: o.author.verified,
      followers: o.author.followers,
      engagement: o.engagement,
      // A text the wording model barely knows (English, very short) is scored as unknown.
      textScore: wording.known >= MIN_KNOWN_GRAMS ? wording.score : null,
      topGrams: wording.top,
      claim: claimCues(o.own),
      authority: mentionsAuthority(o.own),
      length: o.own.length,
    };
    // Responses that arrived before their root were counted from the wrong origin only in `early`,
    // which is relative to the root's time anyway.
    addSpreader(s, o);
    return;
  }

  const c = s.counts;
  c.responses++;
  if (o.kind === 'reply') c.replies++;
  else if (o.kind === 'repost') c.reposts++;
  else c.posts++;
  if (o.kind !== 'post') insertEarly(s.early, o.at);
  if (o.kind !== 'reply') {
    c.spreaderFollowers += o.author.followers ?? 0;
    addSpreader(s, o);
  }

  if (o.author.official) {
    c.official++;
    const answerText = o.own || o.quoted;
    // An official story (a notice, a clarification) needs no answer of its own.
    if (!s.officialAnswer && !s.root?.official && (isOfficialAnswerText(answerText) || o.stance === 'deny')) {
      recordOfficialAnswer(s, {
        uid: o.uid, at: o.at, text: o.text.slice(0, EXAMPLE_TEXT_MAX), via: 'reply', author: o.author.name, followers: o.author.followers ?? 0,
      });
    }
    // An official account's words are the answer, not the crowd's doubt: they do not feed the shares.
    trackPhase(s, o, false, false);
    return;
  }

  if (o.kind === 'post') {
    // A near-duplicate post restates the claim: it spreads it, it does not answer it.
    trackPhase(s, o, false, false);
    return;
  }
  const own = o.own;
  let asks = o.stance === 'query';
  let denies = o.stance === 'deny';
  if (o.stance === 'query') c.query++;
  else if (o.stance === 'deny') c.deny++;
  else if (o.stance === 'support') c.support++;
  else c.comment++;
  if (own !== '') {
    c.withText++;
    if (enquiryCue(own) !== undefined) {
      c.enquiryCue++;
      asks = true;
    }
    if (denialCue(own) !== undefined) {
      c.denialCue++;
      denies = true;
    }
    if (o.emotion === 'fear' || o.emotion === 'anger' || o.emotion === 'disgust') {
      c.fearAnger++;
      pushExample(s.examples.fearAnger, o);
    }
    if (mentionsAuthority(own)) {
      c.authority++;
      pushExample(s.examples.authority, o);
    }
    const w = wordingScore(model.replyGrams, own);
    if (w.known >= MIN_KNOWN_GRAMS) {
      s.replyText.sum += w.score;
      s.replyText.n++;
      keepWordingExample(s, o, w.score);
    }
  }
  if (asks || denies) c.doubt++;
  if (asks) pushExample(s.examples.query, o);
  if (denies) pushExample(s.examples.deny, o);
  trackPhase(s, o, asks, denies);
}

/** Records the official answer on a story (from a reply in its thread, or a matched separate post). */
export function recordOfficialAnswer(s: StorySignals, answer: OfficialAnswer): boolean {
  if (s.officialAnswer) return false;
  s.officialAnswer = answer;
  const before = s.t0 <= answer.at ? (answer.at - s.t0) / MINUTE : 0;
  s.beforeAnswer = {
    responses: s.counts.responses,
    denies: s.counts.deny,
    queries: s.counts.query,
    spreaderFollowers: s.counts.spreaderFollowers,
    minutes: Math.max(0, before),
  };
  s.afterAnswer = { responses: 0, denies: 0, queries: 0, spreaderFollowers: 0, minutes: 0 };
  return true;
}

function trackPhase(s: StorySignals, o: RumourObservation, asks: boolean, denies: boolean): void {
  const a = s.afterAnswer;
  if (!a || !s.officialAnswer || o.uid === s.officialAnswer.uid) return;
  if (o.at < s.officialAnswer.at) {
    // A late-arriving mention from before the answer belongs to the before phase.
    const b = s.beforeAnswer!;
    b.responses++;
    if (denies) b.denies++;
    if (asks) b.queries++;
    if (o.kind !== 'reply') b.spreaderFollowers += o.author.followers ?? 0;
    return;
  }
  a.responses++;
  if (denies) a.denies++;
  if (asks) a.queries++;
  if (o.kind !== 'reply') a.spreaderFollowers += o.author.followers ?? 0;
  a.minutes = Math.max(a.minutes, (o.at - s.officialAnswer.at) / MINUTE);
}

function keepWordingExample(s: StorySignals, o: RumourObservation, score: number): void {
  const list = s.examples.wording;
  if (score <= 0) return;
  if (list.length < EXAMPLES_PER_SIGNAL) list.push({ ...example(o), s: round(score) });
  else {
    let min = 0;
    for (let i = 1; i < list.length; i++) if (list[i]!.s < list[min]!.s) min = i;
    if (score > list[min]!.s) list[min] = { ...example(o), s: round(score) };
  }
}

function addSpreader(s: StorySignals, o: RumourObservation): void {
  const followers = o.author.followers ?? 0;
  const list = s.topSpreaders;
  if (list.some((x) => x.uid === o.uid)) return;
  const entry = { uid: o.uid, author: o.author.name, followers, official: o.author.official };
  if (list.length < TOP_SPREADERS) list.push(entry);
  else if (followers > list[list.length - 1]!.followers) list[list.length - 1] = entry;
  else return;
  list.sort((a, b) => b.followers - a.followers);
}

function insertEarly(early: number[], at: number): void {
  if (early.length >= EARLY_WINDOW && at >= early[early.length - 1]!) return;
  let i = early.length;
  while (i > 0 && early[i - 1]! > at) i--;
  early.splice(i, 0, at);
  if (early.length > EARLY_WINDOW) early.pop();
}

function addGrowth(g: GrowthCurve, at: number): void {
  let i = Math.floor((at - g.start) / (g.width * MINUTE));
  if (i >= GROWTH_BUCKETS_MAX) {
    regrid(g, g.start, at);
    i = Math.floor((at - g.start) / (g.width * MINUTE));
  }
  while (g.counts.length <= i) g.counts.push(0);
  g.counts[Math.max(0, i)]! += 1;
}

/** Moves the curve's start earlier (a mention older than any seen arrived late). */
function rebaseGrowth(g: GrowthCurve, at: number): void {
  if (at >= g.start) return;
  const end = g.start + g.counts.length * g.width * MINUTE;
  regrid(g, Math.floor(at / MINUTE) * MINUTE, Math.max(end, at));
}

/**
 * Re-buckets the curve to start at `start` and reach `until`, doubling the bucket width as often as
 * needed to stay within GROWTH_BUCKETS_MAX buckets, however long the story runs.
 */
function regrid(g: GrowthCurve, start: number, until: number): void {
  let width = g.width;
  while ((until - start) / (width * MINUTE) >= GROWTH_BUCKETS_MAX) width *= 2;
  const counts: number[] = [];
  g.counts.forEach((n, i) => {
    if (n === 0) return;
    const j = Math.floor((g.start + i * g.width * MINUTE - start) / (width * MINUTE));
    while (counts.length <= j) counts.push(0);
    counts[j]! += n;
  });
  g.start = start;
  g.width = width;
  g.counts = counts;
}

/** Responses per minute in the last `window` minutes of story time, and against the window before. */
export function velocityOf(g: GrowthCurve, last: number, windowMinutes: number): { velocity: number; acceleration: number } {
  const bucketMs = g.width * MINUTE;
  const end = Math.floor((last - g.start) / bucketMs);
  const span = Math.max(1, Math.round(windowMinutes / g.width));
  let recent = 0;
  let before = 0;
  for (let i = end - span + 1; i <= end; i++) recent += g.counts[i] ?? 0;
  for (let i = end - 2 * span + 1; i <= end - span; i++) before += g.counts[i] ?? 0;
  const minutes = span * g.width;
  return { velocity: round(recent / minutes), acceleration: round((recent + 1) / (before + 1)) };
}

export function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Numbers kept for the before/after view: rates per minute of a phase. */
export function phaseRate(p: PhaseCounts): number {
  return p.minutes > 0 ? p.responses / p.minutes : p.responses;
}
