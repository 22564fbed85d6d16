import { z } from 'zod';

/** Limits that keep one item from starving the pipeline; documented in the README. */
export const MENTION_LIMITS = {
  idLength: 128,
  textLength: 20_000,
  fieldLength: 256,
} as const;

/**
 * A NUL is never part of a post, and PostgreSQL refuses it in text: stored as is, one such item
 * would fail its whole batch there. Refused per item instead, like any malformed field.
 */
const noNul = (s: string) => !s.includes('\u0000');
const NO_NUL = 'must not contain a NUL character';
const str = () => z.string().refine(noNul, NO_NUL);
const shortString = str().min(1).max(MENTION_LIMITS.fieldLength);
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const mentionKindSchema = z.enum(['post', 'repost', 'reply']);
export type MentionKind = z.infer<typeof mentionKindSchema>;

export const authorSchema = z.object({
  id: shortString,
  name: str().max(MENTION_LIMITS.fieldLength).optional(),
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
  id: str().min(1).max(MENTION_LIMITS.idLength),
  platform: z
    .string()
    .min(1)
    .max(32)
    .regex(/^[a-z0-9_-]+$/, 'platform must be lower-case letters, digits, "-" or "_"'),
  kind: mentionKindSchema,
  text: str().max(MENTION_LIMITS.textLength).refine((t) => t.trim().length > 0, 'text must not be empty'),
  createdAt: z.iso.datetime({ offset: true }),
  parentId: str().min(1).max(MENTION_LIMITS.idLength).optional(),
  rootId: str().min(1).max(MENTION_LIMITS.idLength).optional(),
  author: authorSchema.optional(),
  metrics: metricsSchema.optional(),
  lang: str().min(2).max(16).optional(),
  region: str().min(1).max(MENTION_LIMITS.fieldLength).optional(),
  // Only web links: a `data:`, `javascript:` or `=HYPERLINK(` value would become a link on the dashboard or a formula in a CSV.
  url: z
    .string()
    .max(2048)
    .refine((u) => /^https?:\/\/[^\s]+$/i.test(u) && URL.canParse(u), 'url must be an http(s) URL')
    .optional(),
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

/**
 * When a post can have been written: not before the platforms existed (a configurable floor, by
 * default 2009-01-01) and not more than a few minutes ahead of the server's clock (a post dated
 * 9999 would stay on top of every newest-first list for good).
 */
export interface CreatedAtWindow {
  notBeforeMs: number;
  maxFutureMs: number;
  now: number;
}

export function createdAtProblem(createdAt: string, w: CreatedAtWindow): string | undefined {
  const t = Date.parse(createdAt);
  if (t < w.notBeforeMs) return `createdAt: before ${new Date(w.notBeforeMs).toISOString()}, earlier than any platform we ingest`;
  if (t > w.now + w.maxFutureMs) return `createdAt: more than ${Math.round(w.maxFutureMs / 60_000)} minutes in the future`;
  return undefined;
}

/**
 * PostgreSQL text cannot hold U+0000 (SQLite can): a mention carrying one would fail its whole
 * batch's transaction there, so it is refused on its own, on both backends alike.
 */
function nulProblem(m: Mention): string | undefined {
  const fields: [string, string | undefined][] = [
    ['id', m.id], ['text', m.text], ['parentId', m.parentId], ['rootId', m.rootId], ['author.id', m.author?.id],
    ['author.name', m.author?.name], ['lang', m.lang], ['region', m.region], ['url', m.url],
  ];
  const bad = fields.find(([, v]) => v?.includes('\u0000'));
  return bad && `${bad[0]}: must not contain the NUL character (U+0000)`;
}

export function parseMention(value: unknown, window?: CreatedAtWindow): MentionParse {
  const r = mentionSchema.safeParse(value);
  if (!r.success) return { ok: false, error: describeIssues(r.error) };
  const nul = nulProblem(r.data);
  if (nul) return { ok: false, error: nul };
  const problem = window && createdAtProblem(r.data.createdAt, window);
  return problem ? { ok: false, error: problem } : { ok: true, mention: r.data };
}
