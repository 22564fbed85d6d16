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

/** A tag whose confidence is below this is marked uncertain on the dashboard and enters the analysts' review queue. */
export const UNCERTAIN_BELOW = 0.6;

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
