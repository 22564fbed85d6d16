import { z } from 'zod';

export const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
export const EMOTIONS = ['joy', 'anger', 'sadness', 'fear', 'surprise', 'disgust', 'none'] as const;
export const STANCES = ['support', 'deny', 'query', 'comment'] as const;

export type SentimentLabel = (typeof SENTIMENTS)[number];
export type Emotion = (typeof EMOTIONS)[number];
export type Stance = (typeof STANCES)[number];

const probability = z.number().min(0).max(1);

/** Probability of each chosen label, as the tagger estimated it (rules report a fixed RULE confidence). */
export const tagConfidenceSchema = z.object({ sentiment: probability, emotion: probability, critical: probability, stance: probability });
export type TagConfidence = z.infer<typeof tagConfidenceSchema>;
export const CONFIDENCE_TAGS = ['sentiment', 'emotion', 'critical', 'stance'] as const satisfies readonly (keyof TagConfidence)[];

/**
 * A tag whose confidence is below its mark is shown as uncertain and puts its mention in the
 * analysts' review queue. Per tag, since a 7-class emotion is rarely as sure as a yes/no: on the
 * domain test split the tags below these marks were wrong 50 % (sentiment), 65 % (emotion, 18 % of
 * texts), 65 % (critical) and 43 % (stance) of the time, those above 30 / 30 / 12 / 7 %.
 */
export const UNCERTAIN_BELOW: TagConfidence = { sentiment: 0.5, emotion: 0.4, critical: 0.6, stance: 0.6 };

/**
 * How sure the tagger was of its least sure tag, relative to that tag's mark: below 1 means some
 * tag is uncertain (the review queue's filter and order).
 */
export function certaintyOf(c: TagConfidence): number {
  return Math.min(...CONFIDENCE_TAGS.map((t) => c[t] / UNCERTAIN_BELOW[t]));
}

export const tagsSchema = z.object({
  lang: z.string(),
  sentiment: z.object({ label: z.enum(SENTIMENTS), score: z.number().min(-1).max(1) }),
  emotion: z.enum(EMOTIONS),
  critical: z.boolean(),
  stance: z.enum(STANCES),
  topics: z.array(z.string()),
  storyId: z.string().optional(),
  confidence: tagConfidenceSchema.optional(),
});

/** Output of tagging (design.md §2, "Tags"). */
export type Tags = z.infer<typeof tagsSchema>;
