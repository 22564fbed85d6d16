import type { z } from 'zod';
import type { MentionKind } from './mention.js';
import type { examplePostSchema, rumourReasonSchema, rumourSignalKeySchema, spreaderSchema } from './rumour-signals.js';
import type { SentimentLabel, Tags } from './tags.js';

/** A stored, tagged mention as the API and the live channel present it. */
export interface MentionView {
  uid: string;
  id: string;
  platform: string;
  kind: MentionKind;
  text: string;
  createdAt: string;
  parentId: string | null;
  rootId: string | null;
  author: { id: string | null; name: string | null; verified: boolean; official: boolean; followers: number };
  metrics: { reposts: number; comments: number; likes: number };
  engagement: number;
  region: string | null;
  url: string | null;
  tags: Tags;
  /** An analyst corrected or confirmed its tags (tags then hold the analyst's verdict). */
  reviewed: boolean;
}

/** A cluster of posts carrying the same claim, with the replies to them. */
export interface StoryView {
  id: string;
  text: string;
  rootUid: string | null;
  firstSeen: string;
  lastSeen: string;
  posts: number;
  replies: number;
  supports: number;
  queries: number;
  denies: number;
  reach: number;
  officialReplied: boolean;
  /** 0..1; how likely the story is a rumour (workers/rumour: learned from signals, explained by `reasons`). */
  rumourScore: number;
  /** Has needed an official clarification at some point (kept once set; never for an official account's own post). */
  candidate: boolean;
  // The rumour scorer's view (absent on stories stored before it, so optional).
  /** Needs a clarification now: likely a rumour, enough responses, and no official answer yet. */
  needsClarification?: boolean;
  /** The top signals behind the score, with the posts that show them. */
  reasons?: RumourReasonView[];
  /** When it first needed a clarification (story time). */
  flaggedAt?: string | null;
  /** Responses per minute over the story's last 10 minutes, and that rate ÷ the 10 minutes before. */
  velocity?: number;
  acceleration?: number;
  /** Mentions per bucket since first seen (bucket width doubles as the story ages). */
  growth?: { start: string; widthMinutes: number; counts: number[] };
  /** The accounts with most followers that spread it (posts and reposts). */
  topSpreaders?: SpreaderView[];
  /** The official post that answered it (a reply in its thread, or a separate clarification matched to it). */
  officialAnswer?: OfficialAnswerView | null;
  /** Spread before and after the official answer (for "did the clarification work?"). */
  answerEffect?: { before: AnswerPhaseView; after: AnswerPhaseView } | null;
  /** On an official clarification's own story: the story it answers. */
  answersStoryId?: string | null;
}

/** What a rumour reason is about, its reasons and the posts behind them: as the scorer stores them (rumour-signals.ts). */
export type RumourSignalKey = z.infer<typeof rumourSignalKeySchema>;
export type ExamplePostView = z.infer<typeof examplePostSchema>;
export type RumourReasonView = z.infer<typeof rumourReasonSchema>;
export type SpreaderView = z.infer<typeof spreaderSchema>;

export interface OfficialAnswerView {
  uid: string;
  at: string;
  text: string;
  via: 'reply' | 'post';
  /** The answering post's own story, when it was a separate post. */
  storyId: string | null;
  author: string | null;
  followers: number;
}

export interface AnswerPhaseView {
  responses: number;
  denies: number;
  queries: number;
  /** Followers of the accounts that reposted in the phase. */
  spreaderFollowers: number;
  minutes: number;
  /** responses ÷ minutes (responses when the phase is under a minute). */
  perMinute: number;
}

export interface SeriesPoint {
  /** Start of the bucket, ms since epoch. */
  t: number;
  positive: number;
  neutral: number;
  negative: number;
  critical: number;
}

export interface KeyCount {
  key: string;
  n: number;
}

export interface LiveTotals {
  total: number;
  negative: number;
  critical: number;
}

export interface DailySummary {
  date: string;
  timezone: string;
  totals: LiveTotals & { positive: number; neutral: number };
  previous: LiveTotals & { positive: number; neutral: number };
  hourly: SeriesPoint[];
  topics: KeyCount[];
  emotions: KeyCount[];
  topCritical: MentionView[];
  stories: StoryView[];
  rumours: StoryView[];
}

export const SENTIMENT_KEYS: readonly SentimentLabel[] = ['positive', 'neutral', 'negative'];
