import type { ArchivedReportView, Report } from '../../shared/contracts/reports.js';

/** A scheduled report file that this server kept (it won the period's claim). */
export interface GeneratedReport {
  file: ArchivedReportView;
  report: Report;
  bytes: Buffer;
}

export type ReportListener = (r: GeneratedReport) => void | Promise<void>;

const listeners = new Set<ReportListener>();

/**
 * Called once per scheduled file, on the one server that kept it, after it is in the archive (for
 * whatever else wants to know; not delivery: the subscribers are sent their reports from the archive
 * by delivery.ts, which also covers a server that died before it could hand a file on). Returns the
 * unsubscribe function.
 */
export function onReportGenerated(listener: ReportListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Runs every listener; one failing delivery neither stops the others nor un-archives the file. */
export async function emitReportGenerated(r: GeneratedReport, onError: (err: unknown) => void): Promise<void> {
  for (const l of listeners) {
    try {
      await l(r);
    } catch (err) {
      onError(err);
    }
  }
}
