import { z } from 'zod';
import { REPORT_KINDS, REPORT_LANGS, type ReportKind, type ReportLang } from './reports.js';

/**
 * Who receives the scheduled reports: a contact point (server/notify, shared/contracts/alerts.ts)
 * subscribed to the daily and/or weekly report in one language. E-mail gets the .docx and PDF
 * attached; chat robots and webhooks the written assessment and a link to the archived PDF.
 * Administered with the contact points (alerts.manage).
 */
export const reportSubscriptionInputSchema = z
  .object({
    contactPointId: z.number().int().positive(),
    daily: z.boolean(),
    weekly: z.boolean(),
    lang: z.enum(REPORT_LANGS),
  })
  .strict()
  .refine((s) => s.daily || s.weekly, { message: 'a subscription receives the daily report, the weekly report or both', path: ['daily'] });
export type ReportSubscriptionInput = z.infer<typeof reportSubscriptionInputSchema>;

export interface ReportSubscriptionView {
  id: number;
  contactPointId: number;
  contactPointName: string;
  contactPointKind: string;
  daily: boolean;
  weekly: boolean;
  lang: ReportLang;
  updatedAt: string;
  updatedBy: string;
}

export const REPORT_DELIVERY_STATUSES = ['sending', 'sent', 'failed', 'gone'] as const;

/** GET /api/v1/reports/deliveries */
export const reportDeliveryQuerySchema = z
  .object({
    kind: z.enum(REPORT_KINDS).optional(),
    period: z.iso.date().optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

/**
 * One scheduled report sent to one contact point. 'sending': claimed and not finished (the process
 * may have died mid-send; it is not sent again); 'gone': the contact point was deleted before the send.
 */
export interface ReportDeliveryView {
  id: number;
  contactPointId: number;
  /** null only if the contact point's row is gone altogether (contact points are soft-deleted, so normally never). */
  contactPointName: string | null;
  contactPointKind: string | null;
  /** The contact point was deleted after the report was sent (or before: status 'gone'). */
  contactPointDeleted: boolean;
  kind: ReportKind;
  period: string;
  lang: ReportLang;
  status: (typeof REPORT_DELIVERY_STATUSES)[number];
  attempts: number;
  error: string | null;
  claimedAt: string;
  finishedAt: string | null;
}
