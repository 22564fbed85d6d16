import { z } from 'zod';
import { topicRuleSchema } from './topics.js';

/** Alerting contracts: contact points, alert rules (versioned) and alerts (one row per episode). */

export const ALERT_SEVERITIES = ['info', 'warning', 'critical'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day as HH:MM');
/** Local times (YUQING_TIMEZONE); start > end spans midnight (22:00–07:00). Critical alerts ignore them. */
export const quietHoursSchema = z.object({ start: hhmm, end: hhmm }).refine((q) => q.start !== q.end, 'quiet hours need start ≠ end');
export type QuietHours = z.infer<typeof quietHoursSchema>;

const webhookUrl = z.url({ protocol: /^https?$/ }).max(2000);
const name = z.string().trim().min(1).max(80);
const secret = z.string().min(1).max(500);

export const CONTACT_POINT_KINDS = ['in_app', 'dingtalk', 'wecom', 'feishu', 'webhook', 'email'] as const;
export type ContactPointKind = (typeof CONTACT_POINT_KINDS)[number];

const common = { name, quietHours: quietHoursSchema.nullable().default(null) };

/**
 * What an administrator sends to create or replace a contact point. The fields in SECRET_FIELDS
 * (webhook URLs carry the robot's token) are stored encrypted and never returned.
 */
export const contactPointInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('in_app'), ...common }),
  z.object({ kind: z.literal('dingtalk'), ...common, url: webhookUrl, secret: secret.optional() }),
  z.object({ kind: z.literal('wecom'), ...common, url: webhookUrl }),
  z.object({ kind: z.literal('feishu'), ...common, url: webhookUrl, secret: secret.optional() }),
  z.object({ kind: z.literal('webhook'), ...common, url: webhookUrl, secret: secret.optional() }),
  z.object({
    kind: z.literal('email'),
    ...common,
    host: z.string().min(1).max(255),
    port: z.number().int().min(1).max(65535).default(587),
    /** true: TLS from the start (465); false: STARTTLS when the server offers it. */
    secure: z.boolean().default(false),
    user: z.string().max(255).optional(),
    password: secret.optional(),
    from: z.email(),
    to: z.array(z.email()).min(1).max(50),
  }),
]);
export type ContactPointInput = z.input<typeof contactPointInputSchema>;
export type ContactPointConfig = z.infer<typeof contactPointInputSchema>;

export const SECRET_FIELDS = { in_app: [], dingtalk: ['url', 'secret'], wecom: ['url'], feishu: ['url', 'secret'], webhook: ['url', 'secret'], email: ['password'] } as const satisfies Record<
  ContactPointKind,
  readonly string[]
>;

/** A contact point as the API shows it: public settings, and for each secret only whether it is set. */
export interface ContactPointView {
  id: number;
  name: string;
  kind: ContactPointKind;
  quietHours: QuietHours | null;
  settings: Record<string, unknown>;
  secrets: Record<string, 'set' | 'not set'>;
  updatedAt: string;
  updatedBy: string;
}

const topicId = z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/);
export const alertScopeSchema = z
  .object({
    topics: z.array(topicId).max(50).default([]),
    regions: z.array(z.string().min(1).max(64)).max(100).default([]),
    platforms: z.array(z.string().min(1).max(32)).max(20).default([]),
    languages: z.array(z.enum(['zh', 'en'])).max(2).default([]),
  })
  .default({ topics: [], regions: [], platforms: [], languages: [] });
export type AlertScope = z.infer<typeof alertScopeSchema>;

const windowMinutes = z.number().int().min(5).max(120).default(10);
const alpha = z.number().positive().max(0.05).default(1e-4);

export const alertConditionSchema = z.discriminatedUnion('kind', [
  /** The topic rule language (any/all/none per rule, rules OR-ed, `exclude` vetoes), on newly stored mentions. */
  z.object({ kind: z.literal('keyword'), rules: z.array(topicRuleSchema).min(1).max(50), exclude: z.array(z.string().min(1).max(64)).max(200).default([]) }),
  /** Volume of each scoped topic (or platform, language, or the whole feed) against its hour-of-week baseline. */
  z.object({
    kind: z.literal('surge'),
    windowMinutes,
    alpha,
    /** Never fire on fewer mentions than this in the window (new installs have no baseline). */
    minCount: z.number().int().min(1).max(1_000_000).default(20),
    /** …nor below this multiple of the baseline (over-dispersed counts make tiny p-values cheap). */
    minRatio: z.number().min(1).max(100).default(2),
  }),
  /** Share of negative (or critical) mentions in the whole feed against its baseline share. */
  z.object({
    kind: z.literal('share_surge'),
    share: z.enum(['negative', 'critical']),
    windowMinutes,
    alpha,
    minTotal: z.number().int().min(1).default(30),
    /** The share must also rise by at least this much (absolute, 0.15 = 15 points). */
    minRise: z.number().min(0).max(1).default(0.15),
  }),
  z.object({ kind: z.literal('new_incident') }),
  z.object({
    kind: z.literal('response_clock'),
    marks: z.array(z.union([z.literal(5), z.literal(24), z.literal(48)])).min(1).default([5, 24, 48]),
    warnBeforeMinutes: z.number().int().min(0).max(600).default(60),
  }),
  /** An official answer was given and the story kept growing: responses per minute after ≥ ratio × before. */
  z.object({ kind: z.literal('answer_ineffective'), minRatio: z.number().min(0.1).max(20).default(1), minAfterResponses: z.number().int().min(1).default(5) }),
]);
export type AlertCondition = z.infer<typeof alertConditionSchema>;
export type AlertKind = AlertCondition['kind'];

export const alertRuleInputSchema = z.object({
  name,
  enabled: z.boolean().default(true),
  severity: z.enum(ALERT_SEVERITIES).default('warning'),
  scope: alertScopeSchema,
  condition: alertConditionSchema,
  contactPoints: z.array(z.number().int().positive()).max(20).default([]),
  /** Sent to `contactPoints` when nobody acknowledged the alert `afterMinutes` after it fired. */
  escalation: z.object({ afterMinutes: z.number().int().min(1).max(24 * 60), contactPoints: z.array(z.number().int().positive()).min(1).max(20) }).nullable().default(null),
  /** An episode ends once its condition has been false this long; until then no new alert. */
  cooldownMinutes: z.number().int().min(0).max(7 * 24 * 60).default(15),
  quietHours: quietHoursSchema.nullable().default(null),
});
export type AlertRuleInput = z.input<typeof alertRuleInputSchema>;
export type AlertRuleConfig = z.infer<typeof alertRuleInputSchema>;

export interface AlertRuleView extends AlertRuleConfig {
  id: number;
  version: number;
  updatedAt: string;
  updatedBy: string;
}

export interface AlertRuleVersionView {
  ruleId: number;
  version: number;
  config: AlertRuleConfig | null;
  /** null: the rule was deleted in this version. */
  deleted: boolean;
  at: string;
  by: string;
}

export interface AlertView {
  id: number;
  ruleId: number;
  ruleVersion: number;
  ruleName: string;
  kind: AlertKind;
  severity: AlertSeverity;
  /** What the episode is about: a topic, an incident, a story… ('*' the whole feed). */
  key: string;
  title: string;
  body: string;
  /** The filter or incident behind the alert, a path on the dashboard (`/analyst?…`, `/incidents/:id`). */
  link: string;
  openedAt: string;
  lastTrueAt: string;
  resolvedAt: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  escalatedAt: string | null;
}

export const alertListQuerySchema = z.object({
  state: z.enum(['unread', 'acknowledged', 'all']).default('all'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export interface AlertDeliveryView {
  id: number;
  alertId: number | null;
  contactPointId: number;
  attempt: number;
  status: 'sent' | 'failed' | 'suppressed';
  responseCode: number | null;
  error: string | null;
  at: string;
}

/** The answer of "send test" (200 when sent, 502 with the receiver's reason when not) and of one delivery to one contact point. */
export interface DeliveryOutcome {
  status: 'sent' | 'failed' | 'suppressed';
  attempts: number;
  code: number | null;
  error: string | null;
}

export const idParamSchema = z.coerce.number().int().positive();
