import { z } from 'zod';

/** Limits that keep one item from starving the pipeline; documented in the README. */
export const MENTION_LIMITS = {
  idLength: 128,
  textLength: 20_000,
  fieldLength: 256,
} as const;

const shortString = z.string().min(1).max(MENTION_LIMITS.fieldLength);
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const mentionKindSchema = z.enum(['post', 'repost', 'reply']);
export type MentionKind = z.infer<typeof mentionKindSchema>;

export const authorSchema = z.object({
  id: shortString,
  name: z.string().max(MENTION_LIMITS.fieldLength).optional(),
  verified: z.boolean().optional(),
  official: z.boolean().optional(),
  followers: count.optional(),
});

export const metricsSchema = z.object({
  reposts: count.optional(),
  comments: count.optional(),
  likes: count.optional(),
});

/**
 * A mention as sources send it (design.md §2, "Mention (input)").
 * Unknown fields are dropped rather than rejected so that connectors may send richer objects.
 */
export const mentionSchema = z.object({
  id: z.string().min(1).max(MENTION_LIMITS.idLength),
  platform: z
    .string()
    .min(1)
    .max(32)
    .regex(/^[a-z0-9_-]+$/, 'platform must be lower-case letters, digits, "-" or "_"'),
  kind: mentionKindSchema,
  text: z.string().max(MENTION_LIMITS.textLength).refine((t) => t.trim().length > 0, 'text must not be empty'),
  createdAt: z.iso.datetime({ offset: true }),
  parentId: z.string().min(1).max(MENTION_LIMITS.idLength).optional(),
  rootId: z.string().min(1).max(MENTION_LIMITS.idLength).optional(),
  author: authorSchema.optional(),
  metrics: metricsSchema.optional(),
  lang: z.string().min(2).max(16).optional(),
  region: z.string().min(1).max(MENTION_LIMITS.fieldLength).optional(),
  url: z.string().max(2048).optional(),
});

export type Mention = z.infer<typeof mentionSchema>;

/** The store's key for a mention: ids are unique per platform only. */
export function mentionUid(m: Pick<Mention, 'platform' | 'id'>): string {
  return `${m.platform}:${m.id}`;
}

/** A reply or repost belongs to the thread of its root; a post is its own root. */
export function threadRootId(m: Pick<Mention, 'kind' | 'id' | 'rootId' | 'parentId'>): string {
  if (m.kind === 'post') return m.id;
  return m.rootId ?? m.parentId ?? m.id;
}

/** Human-readable reason for the first problems of a failed parse, for API and CLI errors. */
export function describeIssues(error: z.ZodError, max = 3): string {
  return error.issues
    .slice(0, max)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

export type MentionParse = { ok: true; mention: Mention } | { ok: false; error: string };

export function parseMention(value: unknown): MentionParse {
  const r = mentionSchema.safeParse(value);
  return r.success ? { ok: true, mention: r.data } : { ok: false, error: describeIssues(r.error) };
}
