import type { MentionKind } from './mention.js';
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
  /** 0..1; how strongly replies question or deny the story (the rumour issue deepens this). */
  rumourScore: number;
  candidate: boolean;
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
