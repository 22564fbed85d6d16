import { z } from 'zod';
import type { MentionView, StoryView } from './views.js';

/**
 * Rumour incidents: a story flagged as needing clarification, carried from first detection to
 * the officers' answer. UI labels: open 待处置, verifying 核查中, clarified 已辟谣, watching 持续关注,
 * dismissed 已排除.
 */
export const INCIDENT_STATUSES = ['open', 'verifying', 'clarified', 'watching', 'dismissed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** Handled: the response clock stops, and the incident becomes a known answer for later hoaxes. */
export const CLOSED_INCIDENT_STATUSES = ['clarified', 'dismissed'] as const satisfies readonly IncidentStatus[];
/** What an officer may set; `open` is only the state a new incident starts in. */
export const SETTABLE_INCIDENT_STATUSES = ['verifying', 'clarified', 'watching', 'dismissed'] as const satisfies readonly IncidentStatus[];
/** Closing an incident must say why (what was found, where it was answered). */
export const STATUSES_NEEDING_NOTE: readonly IncidentStatus[] = ['clarified', 'dismissed'];

export function isClosedStatus(s: IncidentStatus): boolean {
  return (CLOSED_INCIDENT_STATUSES as readonly IncidentStatus[]).includes(s);
}

export type IncidentAction = 'opened' | 'known' | 'acknowledged' | 'assigned' | 'status' | 'clarification';

/** Longest person name (an assignee, a user's display name on incident rows). */
export const ACTOR_MAX_LENGTH = 40;

// Control characters would corrupt logs and the printed handover sheet.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
export const personNameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(ACTOR_MAX_LENGTH, `must be at most ${ACTOR_MAX_LENGTH} characters`)
  .refine((s) => !CONTROL.test(s), 'must not contain control characters');

const statusList = z
  .string()
  .transform((s) => s.split(',').filter(Boolean))
  .pipe(z.array(z.enum(INCIDENT_STATUSES)).min(1).max(INCIDENT_STATUSES.length));

/** GET /api/v1/incidents */
export const incidentListQuerySchema = z
  .object({
    status: statusList.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type IncidentListQuery = z.infer<typeof incidentListQuerySchema>;

export const incidentIdSchema = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

export const acknowledgeBodySchema = z.object({}).strict();
export const assignBodySchema = z.object({ assignee: personNameSchema }).strict();
export const statusBodySchema = z
  .object({
    status: z.enum(SETTABLE_INCIDENT_STATUSES),
    note: z.string().trim().max(1000, 'must be at most 1000 characters').optional(),
  })
  .strict()
  .refine((b) => !STATUSES_NEEDING_NOTE.includes(b.status) || (b.note ?? '') !== '', {
    message: 'a note is required when the status is clarified or dismissed',
    path: ['note'],
  });
/** The official clarification post, as the store's `platform:id` uid. */
export const clarificationBodySchema = z
  .object({ uid: z.string().trim().regex(/^[a-z0-9_-]{1,32}:.{1,128}$/, 'must be "platform:id", e.g. "weibo:4890123"') })
  .strict();
export type StatusBody = z.infer<typeof statusBodySchema>;

export const RESPONSE_MARK_HOURS = [5, 24, 48] as const;
/** ok → warning (within an hour of the next mark) → overdue (a mark has passed). */
export type ClockLevel = 'ok' | 'warning' | 'overdue';

export interface ResponseClock {
  openedAt: number;
  /** Until now, or until the incident was closed (the clock stops there). */
  elapsedMs: number;
  stopped: boolean;
  /** How many of the 5 h / 24 h / 48 h marks had passed (0–3). */
  marksPassed: number;
  next: { hours: number; dueAt: number; remainingMs: number } | null;
  level: ClockLevel;
}

export interface IncidentView {
  id: number;
  storyId: string;
  status: IncidentStatus;
  statusNote: string | null;
  openedAt: string;
  updatedAt: string;
  closedAt: string | null;
  assignee: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  clarificationUid: string | null;
  knownIncidentId: number | null;
  /** 0..1 text similarity to the known incident. */
  knownSimilarity: number | null;
  scoreAtOpen: number;
  /** The scorer's explanation when the incident opened (its shape belongs to the scorer). */
  reasonsAtOpen: unknown;
  storyText: string;
  /** As of the server's answer; clients recompute it as time passes (shared/incidents/clock.ts). */
  clock: ResponseClock;
  story: StoryView | null;
}

export interface IncidentEventView {
  id: number;
  incidentId: number;
  at: string;
  actor: string;
  action: IncidentAction;
  from: string | null;
  to: string | null;
  note: string | null;
}

/** The story's spread before and after the official clarification. */
export interface ClarificationEffect {
  clarificationUid: string;
  /** linked by an officer, or detected by the scorer (an official account answered). */
  source: 'linked' | 'detected';
  at: string;
  /** Length of the equal windows right before and right after the clarification that velocity compares. */
  windowMinutes: number;
  /** Story mentions per hour in those windows (the clarification's own thread excluded). */
  velocity: { before: number; after: number };
  mentions: { before: number; after: number };
  /** Share of replies and reposts that deny / query the claim, before and after (null: none yet). */
  denyShare: { before: number | null; after: number | null };
  queryShare: { before: number | null; after: number | null };
  responses: { before: number; after: number };
  /** Followers reached: the clarification (its author and its reposters) vs the rumour's spreaders. */
  reach: { clarification: number; rumour: number };
  /** Story volume over time for a chart, with `at` marking the clarification. */
  series: { t: number; n: number }[];
  bucketMinutes: number;
}

export interface IncidentEvidence {
  queries: MentionView[];
  denies: MentionView[];
  /** The posts and reposts with the widest audience. */
  spreaders: MentionView[];
}

export interface IncidentDetail {
  incident: IncidentView;
  events: IncidentEventView[];
  evidence: IncidentEvidence;
  clarification: MentionView | null;
  effect: ClarificationEffect | null;
  knownIncident: IncidentView | null;
}

export interface IncidentList {
  items: IncidentView[];
}

export interface HandoverSheet {
  generatedAt: string;
  items: IncidentView[];
}

/** Pushed on the live channel when an incident opens or changes (replaces the one with the same id). */
export interface IncidentLiveEvent {
  kind: 'opened' | 'updated';
  incident: IncidentView;
}

/** Open incidents carried in the live snapshot. */
export const LIVE_INCIDENTS_MAX = 50;
