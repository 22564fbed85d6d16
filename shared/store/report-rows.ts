import type { Generated } from 'kysely';
import type { FileFormat, ReportKind, ReportLang } from '../contracts/reports.js';

/** The `reports` table (migration 20): kept report files. */
export interface ReportsTable {
  id: Generated<number>;
  kind: ReportKind;
  /** The day, or the week's Monday (YYYY-MM-DD). */
  period: string;
  lang: ReportLang;
  format: FileFormat;
  /** BLOB / BYTEA. Read back through a worker thread it arrives as a plain Uint8Array, not a Buffer. */
  bytes: Uint8Array;
  size: number;
  origin: string;
  schedule_key: string | null;
  created_at: number;
  /** Scheduled files (migration 21): the report's title and written assessment (lines joined by \n), sent with it. */
  title: string | null;
  assessment: string | null;
}

/** Migration 21: which contact points receive the scheduled reports. */
export interface ReportSubscriptionsTable {
  id: Generated<number>;
  contact_point_id: number;
  daily: number;
  weekly: number;
  lang: ReportLang;
  created_at: number;
  updated_at: number;
  updated_by: string;
}

export type ReportDeliveryStatus = 'sending' | 'sent' | 'failed' | 'gone';

/** Migration 21: one scheduled report sent (or being sent) to one contact point; the UNIQUE row is the claim. */
export interface ReportDeliveriesTable {
  id: Generated<number>;
  contact_point_id: number;
  kind: ReportKind;
  period: string;
  lang: ReportLang;
  status: ReportDeliveryStatus;
  attempts: number;
  error: string | null;
  claimed_at: number;
  finished_at: number | null;
}
