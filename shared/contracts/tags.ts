import { z } from 'zod';

export const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
export const EMOTIONS = ['joy', 'anger', 'sadness', 'fear', 'surprise', 'disgust', 'none'] as const;
export const STANCES = ['support', 'deny', 'query', 'comment'] as const;

export type SentimentLabel = (typeof SENTIMENTS)[number];
export type Emotion = (typeof EMOTIONS)[number];
export type Stance = (typeof STANCES)[number];

export const tagsSchema = z.object({
  lang: z.string(),
  sentiment: z.object({ label: z.enum(SENTIMENTS), score: z.number().min(-1).max(1) }),
  emotion: z.enum(EMOTIONS),
  critical: z.boolean(),
  stance: z.enum(STANCES),
  topics: z.array(z.string()),
  storyId: z.string().optional(),
});

/** Output of tagging (design.md §2, "Tags"). */
export type Tags = z.infer<typeof tagsSchema>;
