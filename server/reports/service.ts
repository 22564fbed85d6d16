import type { FileFormat, Report, ReportKind, ReportLang } from '../../shared/contracts/reports.js';
import { buildReport } from '../../shared/store/repos/reports.js';
import type { Executor } from '../../shared/store/store.js';
import { renderDocx } from './docx.js';
import { renderPdf } from './pdf.js';

export const CONTENT_TYPES: Record<FileFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

export function renderReport(report: Report, lang: ReportLang, format: FileFormat): Promise<Buffer> {
  return format === 'docx' ? renderDocx(report, lang) : renderPdf(report, lang);
}

export function fileName(kind: ReportKind, period: string, lang: ReportLang, format: FileFormat): string {
  return `yuqing-${kind === 'day' ? 'daily' : 'weekly'}-${period}-${lang}.${format}`;
}

export function buildFor(db: Executor, kind: ReportKind, period: string, timeZone: string, now = Date.now()): Promise<Report> {
  return buildReport(db, { kind, date: period, timeZone, now });
}

/** A stored BLOB comes back from a reader thread as a plain Uint8Array: view it as a Buffer without copying. */
export const asBuffer = (u: Uint8Array): Buffer => Buffer.from(u.buffer, u.byteOffset, u.byteLength);
