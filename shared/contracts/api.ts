import { z } from 'zod';
import { EMOTIONS, SENTIMENTS, STANCES } from './tags.js';
import type { MentionView } from './views.js';

export const API_PREFIX = '/api/v1';

const isoTime = z.iso.datetime({ offset: true });
const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(values)).max(values.length));

export const MENTION_SORTS = ['createdAt', 'engagement', 'sentiment'] as const;

/** Analyst filters, as query-string parameters of GET /api/v1/mentions and /mentions.csv. */
export const mentionQuerySchema = z
  .object({
    from: isoTime.optional(),
    to: isoTime.optional(),
    topic: z.string().max(40).optional(),
    sentiment: csv(SENTIMENTS).optional(),
    emotion: csv(EMOTIONS).optional(),
    stance: csv(STANCES).optional(),
    critical: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
    platform: z.string().max(32).optional(),
    region: z.string().max(256).optional(),
    story: z.string().max(64).optional(),
    q: z.string().max(100).optional(),
    sort: z.enum(MENTION_SORTS).default('createdAt'),
    order: z.enum(['asc', 'desc']).default('desc'),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    cursor: z.string().max(500).optional(),
  })
  .strict();

export type MentionQuery = z.infer<typeof mentionQuerySchema>;
export type MentionQueryInput = z.input<typeof mentionQuerySchema>;

export interface MentionPage {
  items: MentionView[];
  nextCursor: string | null;
}

export const seriesQuerySchema = z
  .object({
    from: isoTime,
    to: isoTime,
    bucket: z.enum(['minute', 'hour']).default('hour'),
  })
  .strict();

export const BREAKDOWN_DIMS = ['topic', 'sentiment', 'emotion', 'stance', 'lang', 'platform', 'critical'] as const;
export type BreakdownDim = (typeof BREAKDOWN_DIMS)[number];

export const breakdownQuerySchema = z
  .object({ from: isoTime, to: isoTime, dim: z.enum(BREAKDOWN_DIMS) })
  .strict();

export const summaryQuerySchema = z
  .object({ date: z.iso.date().optional() })
  .strict();

export const storiesQuerySchema = z
  .object({
    candidates: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
    limit: z.coerce.number().int().min(1).max(200).default(20),
  })
  .strict();

export interface IngestResponse {
  accepted: number;
  rejected: { index: number; error: string }[];
}

/** Error body of every non-2xx API answer. */
export interface ApiError {
  error: string;
  details?: unknown;
}
