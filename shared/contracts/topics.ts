import { z } from 'zod';

const keyword = z.string().min(1).max(64);

/**
 * One keyword rule: matches when the text contains at least one of `any` (or `any` is empty),
 * every one of `all`, and none of `none`. A topic matches when any of its rules matches.
 */
export const topicRuleSchema = z
  .object({
    any: z.array(keyword).max(500).default([]),
    all: z.array(keyword).max(20).default([]),
    none: z.array(keyword).max(200).default([]),
  })
  .refine((r) => r.any.length + r.all.length > 0, 'a rule needs at least one keyword in "any" or "all"');

export const topicSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, 'topic id: lower-case letters, digits, "-" or "_"'),
  name: z.object({ zh: z.string().min(1).max(40), en: z.string().min(1).max(40) }),
  rules: z.array(topicRuleSchema).min(1).max(50),
  /** Keywords that veto the topic whatever rule matched (e.g. a homonym). */
  exclude: z.array(keyword).max(200).default([]),
});

export const topicConfigSchema = z
  .object({
    version: z.number().int().min(1),
    /** Place names of the jurisdiction; a mention naming one gets `region` when it has none. */
    places: z.array(keyword).max(2000).default([]),
    topics: z.array(topicSchema).max(200),
  })
  .refine((c) => new Set(c.topics.map((t) => t.id)).size === c.topics.length, 'topic ids must be unique');

export type TopicRule = z.infer<typeof topicRuleSchema>;
export type Topic = z.infer<typeof topicSchema>;
export type TopicConfig = z.infer<typeof topicConfigSchema>;
/** The shape admins send (defaults not yet applied). */
export type TopicConfigInput = z.input<typeof topicConfigSchema>;
