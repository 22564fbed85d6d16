import { z } from 'zod';

/**
 * The rumour scorer's state of one story, kept as JSON in `stories.signals`: written by the
 * workers' scorer (workers/rumour/), read back by it for the story's next batch and by the server
 * and the store (story views, incidents, alerts). One schema for both sides: the writer's type is
 * inferred from it, and every reader parses a stored row with it, so a row the schema does not
 * accept (corrupt, or from another version) reads as "no explanation" instead of failing a read.
 *
 * No field holds an absolute date as a feature: times are kept only to measure delays and rates
 * relative to the story's own first sighting.
 */

/** What a rumour reason is about (the dashboard translates these keys). */
export const RUMOUR_SIGNAL_KEYS = [
  'rootWording', 'replyWording', 'queries', 'denials', 'claimCues', 'fearAnger', 'authority', 'source', 'reach', 'pace', 'velocity', 'officialAnswer',
] as const;
export const rumourSignalKeySchema = z.enum(RUMOUR_SIGNAL_KEYS);

export const examplePostSchema = z.object({ uid: z.string(), text: z.string() });

export const rumourReasonSchema = z.object({
  signal: rumourSignalKeySchema,
  /** Contribution to the score's log-odds (0 for context shown but not scored, e.g. velocity). */
  weight: z.number(),
  value: z.number(),
  /** English detail, e.g. "7 of 23 responses ask whether it is true or where it comes from". */
  detail: z.string(),
  examples: z.array(examplePostSchema),
});

export const spreaderSchema = z.object({ uid: z.string(), author: z.string().nullable(), followers: z.number(), official: z.boolean() });

export const rootInfoSchema = z.object({
  uid: z.string(),
  at: z.number(),
  text: z.string(),
  official: z.boolean(),
  verified: z.boolean().nullable(),
  followers: z.number().nullable(),
  /** Reposts + comments the root reported, when it reported metrics. */
  engagement: z.number().nullable(),
  /** Score of the root-wording model (null when it knows too little of the text), and the grams that pushed it most. */
  textScore: z.number().nullable(),
  topGrams: z.array(z.string()),
  /** Claim cues found, by cue group (workers/rumour/cues.ts), with the counts of unverified numbers and exclamations. */
  claim: z.object({ groups: z.record(z.string(), z.array(z.string())), numbers: z.number(), exclamations: z.number() }),
  authority: z.boolean(),
  length: z.number(),
});

// Counters added since a state was stored start at zero.
const counter = z.number().default(0);
export const responseCountsSchema = z.object({
  /** Replies, reposts and further near-duplicate posts. */
  responses: counter,
  replies: counter,
  reposts: counter,
  posts: counter,
  /** Responses with own words (plain forwards have none). */
  withText: counter,
  /** Tagger stance of responses. */
  query: counter,
  deny: counter,
  support: counter,
  comment: counter,
  /** Own lexicon hits (independent of the tagger). */
  enquiryCue: counter,
  denialCue: counter,
  /** Responses that ask or deny, by the tagger or the lexicons (each counted once). */
  doubt: counter,
  fearAnger: counter,
  authority: counter,
  official: counter,
  /** Sum of the followers of the accounts that reposted or re-posted it. */
  spreaderFollowers: counter,
});

export const phaseCountsSchema = z.object({
  responses: z.number(),
  denies: z.number(),
  queries: z.number(),
  spreaderFollowers: z.number(),
  /** Minutes the phase covers (story time), to turn counts into rates. */
  minutes: z.number(),
});

export const growthCurveSchema = z.object({
  /** ms of the first bucket's start. */
  start: z.number(),
  /** Bucket width in minutes (doubles as the curve grows, so it stays bounded). */
  width: z.number(),
  /** Mentions per bucket. */
  counts: z.array(z.number()),
});

const examples = z.array(examplePostSchema).default([]);
export const examplesSchema = z.object({
  query: examples,
  deny: examples,
  fearAnger: examples,
  authority: examples,
  /** Replies whose wording most resembles replies under past rumours, with their model score. */
  wording: z.array(examplePostSchema.extend({ s: z.number() })).default([]),
});

export const officialAnswerSchema = z.object({
  uid: z.string(),
  at: z.number(),
  text: z.string(),
  /** 'reply': answered inside the thread; 'post': a separate post matched to the story. */
  via: z.enum(['reply', 'post']),
  /** The story of the answering post, when it is a separate post. */
  storyId: z.string().optional(),
  author: z.string().nullable(),
  followers: z.number(),
});

export const storySignalsSchema = z.object({
  v: z.literal(1),
  /** ms of the earliest mention seen (root or not). */
  t0: z.number(),
  /** ms of the latest mention seen. */
  last: z.number(),
  root: rootInfoSchema.optional(),
  counts: responseCountsSchema,
  /** Sum and count of the reply-wording model's scores over responses with own words. */
  replyText: z.object({ sum: z.number(), n: z.number() }),
  /** ms of the earliest responses (the delay and pace features' window), ascending. */
  early: z.array(z.number()),
  growth: growthCurveSchema,
  topSpreaders: z.array(spreaderSchema),
  examples: examplesSchema,
  /** The official account's post that answered (debunked or confirmed) the story, when one did. */
  officialAnswer: officialAnswerSchema.optional(),
  /** Counts frozen when the official answer arrived, and counts since (for the before/after view). */
  beforeAnswer: phaseCountsSchema.optional(),
  afterAnswer: phaseCountsSchema.optional(),
  /** On an official clarification's own story: the story id it answers. */
  answers: z.string().optional(),
  /** ms (story time) when the story first needed a clarification; kept once set. */
  flaggedAt: z.number().optional(),

  // The latest assessment (recomputed whenever the story changes).
  score: z.number(),
  needsClarification: z.boolean(),
  reasons: z.array(rumourReasonSchema),
  /** Responses per minute over the story's latest minutes (its own time). */
  velocity: z.number(),
  /** velocity ÷ the rate of the window before it (1 = steady, > 1 accelerating). */
  acceleration: z.number(),
  /** Model inputs, by feature name (null when the input was unknown and imputed). */
  features: z.record(z.string(), z.number().nullable()),
});
export type StorySignals = z.infer<typeof storySignalsSchema>;

/**
 * What readers outside the scorer use, every part optional (stories stored before a field existed
 * simply lack it); a part that is present must be well formed.
 */
export const storedSignalsSchema = storySignalsSchema
  .pick({
    needsClarification: true, reasons: true, flaggedAt: true, velocity: true, acceleration: true, growth: true,
    topSpreaders: true, officialAnswer: true, beforeAnswer: true, afterAnswer: true, answers: true,
  })
  .partial()
  .extend({ v: z.literal(1) });
export type StoredSignals = z.infer<typeof storedSignalsSchema>;

function jsonOf(json: string | null | undefined): unknown {
  if (!json || json === '{}') return undefined;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return undefined;
  }
}

/** A stored row's signals for readers; null when absent, unreadable or not this version's. */
export function readStoredSignals(json: string | null | undefined): StoredSignals | null {
  const r = storedSignalsSchema.safeParse(jsonOf(json));
  return r.success ? r.data : null;
}

/** The scorer's whole state from a stored row; null when absent, unreadable or not this version's (it then starts afresh). */
export function readStorySignals(json: string | null | undefined): StorySignals | null {
  const r = storySignalsSchema.safeParse(jsonOf(json));
  return r.success ? r.data : null;
}
