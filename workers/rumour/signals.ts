import type { ExamplePostView, RumourReasonView, RumourSignalKey, SpreaderView } from '../../shared/contracts/views.js';
import type { ClaimCueGroup } from './cues.js';

/** Shapes the dashboard reads too are defined once, in shared/contracts/views.ts. */
export type RumourSignal = RumourSignalKey;
export type RumourReason = RumourReasonView;
export type ExamplePost = ExamplePostView;
export type Spreader = SpreaderView;

/**
 * The JSON kept in `stories.signals`: the scorer's running state for one story (updated in O(1)
 * per mention) and its latest assessment with reasons. The same object is built by
 * `yuqing rumours` for each thread. No field holds an absolute date as a feature: times are kept
 * only to measure delays and rates relative to the story's own first sighting.
 *
 * Read by others: `score`, `needsClarification`, `reasons`, `velocity`, `acceleration`,
 * `growth`, `topSpreaders`, `officialAnswer`, `beforeAnswer` / `afterAnswer`, `answers`, `flaggedAt`.
 */
export interface StorySignals {
  v: 1;
  /** ms of the earliest mention seen (root or not). */
  t0: number;
  /** ms of the latest mention seen. */
  last: number;
  root?: RootInfo;
  counts: ResponseCounts;
  /** Sum and count of the reply-wording model's scores over responses with own words. */
  replyText: { sum: number; n: number };
  /** ms of the earliest EARLY_WINDOW responses, ascending (for delay and pace features). */
  early: number[];
  growth: GrowthCurve;
  topSpreaders: Spreader[];
  examples: Examples;
  /** The official account's post that answered (debunked or confirmed) the story, when one did. */
  officialAnswer?: OfficialAnswer;
  /** Counts frozen when the official answer arrived, and counts since (for the before/after view). */
  beforeAnswer?: PhaseCounts;
  afterAnswer?: PhaseCounts;
  /** On an official clarification's own story: the story id it answers. */
  answers?: string;
  /** ms (story time) when the story first needed a clarification; kept once set. */
  flaggedAt?: number;

  // The latest assessment (recomputed whenever the story changes).
  score: number;
  needsClarification: boolean;
  reasons: RumourReason[];
  /** Responses per minute over the last VELOCITY_WINDOW minutes of the story's own time. */
  velocity: number;
  /** velocity ÷ the rate of the window before it (1 = steady, > 1 accelerating). */
  acceleration: number;
  /** Model inputs, by feature name (null when the input was unknown and imputed). */
  features: Record<string, number | null>;
}

export interface RootInfo {
  uid: string;
  at: number;
  text: string;
  official: boolean;
  verified: boolean | null;
  followers: number | null;
  /** Reposts + comments the root reported, when it reported metrics. */
  engagement: number | null;
  /** Score of the root-wording model (null when it knows too little of the text), and the grams that pushed it most. */
  textScore: number | null;
  topGrams: string[];
  claim: { groups: Partial<Record<ClaimCueGroup, string[]>>; numbers: number; exclamations: number };
  authority: boolean;
  length: number;
}

export interface ResponseCounts {
  /** Replies, reposts and further near-duplicate posts. */
  responses: number;
  replies: number;
  reposts: number;
  posts: number;
  /** Responses with own words (plain forwards have none). */
  withText: number;
  /** Tagger stance of responses. */
  query: number;
  deny: number;
  support: number;
  comment: number;
  /** Own lexicon hits (independent of the tagger). */
  enquiryCue: number;
  denialCue: number;
  /** Responses that ask or deny, by the tagger or the lexicons (each counted once). */
  doubt: number;
  fearAnger: number;
  authority: number;
  official: number;
  /** Sum of the followers of the accounts that reposted or re-posted it. */
  spreaderFollowers: number;
}

export interface PhaseCounts {
  responses: number;
  denies: number;
  queries: number;
  spreaderFollowers: number;
  /** Minutes the phase covers (story time), to turn counts into rates. */
  minutes: number;
}

export interface GrowthCurve {
  /** ms of the first bucket's start. */
  start: number;
  /** Bucket width in minutes (doubles as the curve grows, so it stays bounded). */
  width: number;
  /** Mentions per bucket. */
  counts: number[];
}

export interface Examples {
  query: ExamplePost[];
  deny: ExamplePost[];
  fearAnger: ExamplePost[];
  authority: ExamplePost[];
  /** Replies whose wording most resembles replies under past rumours, with their model score. */
  wording: (ExamplePost & { s: number })[];
}

export interface OfficialAnswer {
  uid: string;
  at: number;
  text: string;
  /** 'reply': answered inside the thread; 'post': a separate post matched to the story. */
  via: 'reply' | 'post';
  /** The story of the answering post, when it is a separate post. */
  storyId?: string;
  author: string | null;
  followers: number;
}

/** How many earliest responses the delay and pace features look at (CED keeps 40 replies). */
export const EARLY_WINDOW = 40;
export const EXAMPLES_PER_SIGNAL = 2;
export const TOP_SPREADERS = 5;
export const EXAMPLE_TEXT_MAX = 80;
export const GROWTH_BUCKETS_MAX = 64;
export const VELOCITY_WINDOW_MINUTES = 10;
