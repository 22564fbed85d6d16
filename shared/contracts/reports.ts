import { z } from 'zod';
import { INCIDENT_STATUSES, RESPONSE_MARK_HOURS } from './incidents.js';

/**
 * The daily (日报) and weekly (周报) report: the numbers, each with the dashboard path that shows
 * the mentions behind it (an `/analyst?…` filter or `/incidents/:id`), so a reader can check any
 * figure. The written assessment (shared/reports/assessment.ts) and the .docx/PDF renderings are
 * made from this object alone.
 */

export const REPORT_KINDS = ['day', 'week'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_LANGS = ['zh', 'en'] as const;
export type ReportLang = (typeof REPORT_LANGS)[number];
export const REPORT_FORMATS = ['json', 'docx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
/** What the archive keeps (JSON is always rebuilt on request). */
export const FILE_FORMATS = ['docx', 'pdf'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

const isoDate = z.iso.date();
const isoTime = z.iso.datetime({ offset: true });

/** A count and the dashboard path listing what it counts. */
export const tracedSchema = z.object({ n: z.number().int().min(0), link: z.string().startsWith('/') });
export type Traced = z.infer<typeof tracedSchema>;

export const TOTAL_KEYS = ['total', 'positive', 'neutral', 'negative', 'critical'] as const;
export type TotalKey = (typeof TOTAL_KEYS)[number];
export const totalsSchema = z.object({
  total: tracedSchema,
  positive: tracedSchema,
  neutral: tracedSchema,
  negative: tracedSchema,
  critical: tracedSchema,
});
export type ReportTotals = z.infer<typeof totalsSchema>;

export const periodSchema = z.object({
  kind: z.enum(REPORT_KINDS),
  /** The day, or the Monday that starts the ISO week. */
  start: isoDate,
  /** The last calendar day covered (equal to start for a daily report). */
  end: isoDate,
  timeZone: z.string(),
  /** [from, to) as instants. */
  from: isoTime,
  to: isoTime,
});
export type ReportPeriod = z.infer<typeof periodSchema>;

export const reportTopicSchema = tracedSchema.extend({ key: z.string(), name: z.object({ zh: z.string(), en: z.string() }) });
export type ReportTopic = z.infer<typeof reportTopicSchema>;
export const reportStorySchema = tracedSchema.extend({
  id: z.string(),
  text: z.string(),
  /** Lifetime counts of the story (n is the period's mentions). */
  posts: z.number().int(),
  replies: z.number().int(),
  reach: z.number().int(),
});
export type ReportStory = z.infer<typeof reportStorySchema>;

export const markSchema = z.object({
  hours: z.union(RESPONSE_MARK_HOURS.map((h) => z.literal(h)) as [z.ZodLiteral<5>, z.ZodLiteral<24>, z.ZodLiteral<48>]),
  /** true: first response before the mark; false: after it, or none and the mark has passed; null: none yet, mark still ahead. */
  met: z.boolean().nullable(),
});

export const clarificationEffectSchema = z.object({
  /** The story's responses per minute before and after the official answer. */
  beforePerMinute: z.number(),
  afterPerMinute: z.number(),
  /** The spread slowed after the answer (after < before). */
  worked: z.boolean(),
});

export const reportRumourSchema = z.object({
  incidentId: z.number().int(),
  storyId: z.string(),
  text: z.string(),
  status: z.enum(INCIDENT_STATUSES),
  openedAt: isoTime,
  acknowledgedAt: isoTime.nullable(),
  clarifiedAt: isoTime.nullable(),
  closedAt: isoTime.nullable(),
  /** First action by an officer (acknowledge, assign, status, clarification link); null when none yet. */
  firstResponseAt: isoTime.nullable(),
  firstResponseMinutes: z.number().nullable(),
  marks: z.array(markSchema),
  effect: clarificationEffectSchema.nullable(),
  /** The story's mentions in the period. */
  mentions: tracedSchema,
  link: z.string().startsWith('/incidents/'),
});
export type ReportRumour = z.infer<typeof reportRumourSchema>;

export const reportCommentSchema = z.object({
  uid: z.string(),
  text: z.string(),
  author: z.string().nullable(),
  platform: z.string(),
  createdAt: isoTime,
  followers: z.number().int(),
  engagement: z.number().int(),
  /** The period's critical mentions by engagement: this one is at the top of that list. */
  link: z.string().startsWith('/'),
});
export type ReportComment = z.infer<typeof reportCommentSchema>;

export const seriesPointSchema = z.object({
  /** Start of the hour (daily report) or day (weekly report). */
  t: isoTime,
  /** "08" (hour of day) or "2026-01-05" (date), in the report's time zone. */
  label: z.string(),
  total: tracedSchema,
  negative: tracedSchema,
  critical: tracedSchema,
});
export type ReportSeriesPoint = z.infer<typeof seriesPointSchema>;

export const bureauSchema = z.object({ zh: z.string().min(1).max(80), en: z.string().min(1).max(120) });
export type Bureau = z.infer<typeof bureauSchema>;

export const reportSchema = z.object({
  version: z.literal(1),
  period: periodSchema,
  previousPeriod: periodSchema,
  bureau: bureauSchema,
  generatedAt: isoTime,
  totals: totalsSchema,
  /** null: the store holds no counts from before this period (nothing to compare with). */
  previous: totalsSchema.nullable(),
  topics: z.array(reportTopicSchema),
  stories: z.array(reportStorySchema),
  rumours: z.array(reportRumourSchema),
  critical: z.array(reportCommentSchema),
  series: z.object({ unit: z.enum(['hour', 'day']), points: z.array(seriesPointSchema) }),
});
export type Report = z.infer<typeof reportSchema>;

const lang = z.enum(REPORT_LANGS).default('zh');
const format = z.enum(REPORT_FORMATS).default('json');

/** GET /api/v1/reports/daily */
export const dailyReportQuerySchema = z.object({ date: isoDate, lang, format }).strict();
/** GET /api/v1/reports/weekly: `week` is the Monday the ISO week starts on. */
export const weeklyReportQuerySchema = z
  .object({
    week: isoDate.refine((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 1, 'must be a Monday (the start of an ISO week)'),
    lang,
    format,
  })
  .strict();

/** POST /api/v1/reports/archive: generate a report file and keep it. */
export const archiveRequestSchema = z
  .object({ kind: z.enum(REPORT_KINDS), period: isoDate, lang: z.enum(REPORT_LANGS), format: z.enum(FILE_FORMATS) })
  .strict()
  .refine((r) => r.kind === 'day' || new Date(`${r.period}T00:00:00Z`).getUTCDay() === 1, {
    message: 'a weekly report starts on a Monday',
    path: ['period'],
  });
export type ArchiveRequest = z.infer<typeof archiveRequestSchema>;

export const archiveQuerySchema = z
  .object({ kind: z.enum(REPORT_KINDS).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) })
  .strict();

/** One kept report file (without its bytes). */
export interface ArchivedReportView {
  id: number;
  kind: ReportKind;
  /** The day, or the week's Monday. */
  period: string;
  lang: ReportLang;
  format: FileFormat;
  size: number;
  createdAt: string;
  /** 'schedule' (made at the daily time) or the person who asked for it. */
  origin: string;
  /** GET path of the file. */
  href: string;
}

export const BUREAU_SETTING_KEY = 'bureau';
/** Until an administrator names the bureau (PUT /api/v1/reports/bureau). */
export const DEFAULT_BUREAU: Bureau = { zh: '公安局', en: 'Public Security Bureau' };
