import { z } from 'zod';
import { EMOTIONS, SENTIMENTS, STANCES, type Emotion, type SentimentLabel, type Stance } from './tags.js';
import type { MentionView } from './views.js';

/** The tags an analyst can correct or confirm. */
export const REVIEW_TAGS = ['sentiment', 'emotion', 'critical', 'stance', 'topics'] as const;
export type ReviewTag = (typeof REVIEW_TAGS)[number];

const topicId = z.string().min(1).max(40).regex(/^[a-z0-9_-]+$/, 'topic ids are lower-case letters, digits, _ and -');

/**
 * POST /api/v1/mentions/:uid/review: the analyst's verdict on some of a mention's tags. A value
 * equal to the current tag confirms it; a different value corrects it. At least one tag.
 */
export const reviewBodySchema = z
  .object({
    sentiment: z.enum(SENTIMENTS).optional(),
    emotion: z.enum(EMOTIONS).optional(),
    critical: z.boolean().optional(),
    stance: z.enum(STANCES).optional(),
    topics: z.array(topicId).max(20).optional(),
  })
  .strict()
  .refine((b) => REVIEW_TAGS.some((t) => b[t] !== undefined), 'give at least one of sentiment, emotion, critical, stance, topics');
export type ReviewBody = z.infer<typeof reviewBodySchema>;

/** One recorded verdict on one tag. */
export interface TagReviewView {
  tag: ReviewTag;
  from: unknown;
  to: unknown;
  agreed: boolean;
  /** The tagger's confidence in the tag it had given (null where unknown). */
  confidence: number | null;
  actor: string;
  at: string;
}

export interface ReviewResult {
  mention: MentionView;
  reviews: TagReviewView[];
}

/** GET /api/v1/review: the review queue, uncertain tags first, then by reach. */
export const reviewQueueQuerySchema = z
  .object({
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type ReviewQueueQuery = z.infer<typeof reviewQueueQuerySchema>;

/** GET /api/v1/review/agreement: how often analysts agreed with the tagger, per tag and day. */
export const agreementQuerySchema = z.object({ days: z.coerce.number().int().min(1).max(366).default(30) }).strict();

export interface AgreementDay {
  day: string;
  reviewed: number;
  agreed: number;
}

export interface TagAgreement {
  tag: ReviewTag;
  reviewed: number;
  agreed: number;
  /** agreed / reviewed: the tagger's running precision on what analysts looked at (null with no reviews). */
  rate: number | null;
  /** The same split by the tagger's confidence: uncertain (below the tag's UNCERTAIN_BELOW mark) and confident tags. */
  uncertain: { reviewed: number; agreed: number };
  confident: { reviewed: number; agreed: number };
  days: AgreementDay[];
}

export interface AgreementReport {
  since: string;
  tags: TagAgreement[];
}

/**
 * One reviewed mention as a training label (GET /api/v1/review/labels.jsonl, `yuqing labels
 * export`): its text and thread root, and the analysts' final verdict on each tag they reviewed.
 * `yuqing train` folds these into the models (README: Analyst corrections).
 */
export const reviewLabelSchema = z.object({
  uid: z.string(),
  lang: z.string(),
  kind: z.enum(['post', 'repost', 'reply']),
  text: z.string(),
  root: z.string().optional(),
  sentiment: z.enum(SENTIMENTS).optional(),
  emotion: z.enum(EMOTIONS).optional(),
  critical: z.boolean().optional(),
  stance: z.enum(STANCES).optional(),
  topics: z.array(z.string()).optional(),
  reviewedAt: z.string(),
});
export type ReviewLabel = z.infer<typeof reviewLabelSchema>;

/** The value a tag holds on a mention, as reviews record it. */
export function tagValue(m: MentionView, tag: ReviewTag): SentimentLabel | Emotion | Stance | boolean | string[] {
  switch (tag) {
    case 'sentiment':
      return m.tags.sentiment.label;
    case 'emotion':
      return m.tags.emotion;
    case 'critical':
      return m.tags.critical;
    case 'stance':
      return m.tags.stance;
    case 'topics':
      return m.tags.topics;
  }
}
