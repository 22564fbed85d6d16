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
}
