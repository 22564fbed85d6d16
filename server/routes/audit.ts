import { Router } from 'express';
import { auditExportQuerySchema, auditQuerySchema, type AuditEntry, type AuditPage } from '../../shared/contracts/auth.js';
import type { Store } from '../../shared/store/store.js';
import { queryAudit, type AuditFilter } from '../../shared/store/repos/audit.js';
import { recordBeforeAnswer, recordExportEnd } from '../auth/audit-acts.js';
import { csvCell } from '../http/csv.js';
import { streamCsv } from '../http/csv-stream.js';
import type { Logger } from '../log.js';
import { parseQuery } from '../http/errors.js';

const EXPORT_MAX_ROWS = 100_000;
const PAGE = 1000;

function filterOf(q: { from?: string | undefined; to?: string | undefined; actor?: string | undefined; action?: string | undefined }): AuditFilter {
  return {
    ...(q.from && { from: Date.parse(q.from) }),
    ...(q.to && { to: Date.parse(q.to) }),
    ...(q.actor && { actor: q.actor }),
    ...(q.action && { action: q.action }),
  };
}

const HEAD = ['id', 'time', 'actor', 'roles', 'ip', 'action', 'object', 'result', 'detail', 'hash'];
function csvLine(e: AuditEntry): string {
  return [e.id, e.time, e.actor, e.roles.join(' '), e.ip ?? '', e.action, e.object ?? '', e.result, e.detail ? JSON.stringify(e.detail) : '', e.hash].map((v) => csvCell(String(v))).join(',') + '\r\n';
}

/** Newest first, keyset by id, up to EXPORT_MAX_ROWS. */
async function* auditPages(store: Store, filter: AuditFilter): AsyncGenerator<AuditEntry[]> {
  let rows = 0;
  let beforeId: number | undefined;
  while (rows < EXPORT_MAX_ROWS) {
    const items = await queryAudit(store.db, { ...filter, ...(beforeId !== undefined && { beforeId }) }, Math.min(PAGE, EXPORT_MAX_ROWS - rows));
    if (items.length === 0) return;
    rows += items.length;
    beforeId = items[items.length - 1]!.id;
    yield items;
  }
}

/** The audit log for auditors (audit.read): filtered pages, and the CSV export (itself audited). */
export function auditRouter(o: { store: Store; log: Logger; now?: () => number }): Router {
  const now = o.now ?? Date.now;
  const r = Router();
  r.get('/audit', async (req, res) => {
    const q = parseQuery(auditQuerySchema, req);
    const items = await queryAudit(o.store.db, { ...filterOf(q), ...(q.cursor && { beforeId: Number(q.cursor) }) }, q.limit);
    const page: AuditPage = { items, nextCursor: items.length === q.limit ? String(items[items.length - 1]!.id) : null };
    res.json(page);
  });
  r.get('/audit.csv', async (req, res) => {
    const q = parseQuery(auditExportQuerySchema, req);
    const filter = filterOf(q);
    // On record before any row leaves, like a mention export; the row itself is in the file.
    const startedRow = await recordBeforeAnswer(res, o.store, o.log, now);
    res.set('Content-Type', 'text/csv; charset=utf-8');
    res.set('Content-Disposition', `attachment; filename="yuqing-audit-${new Date(now()).toISOString().slice(0, 10)}.csv"`);
    const end = await streamCsv(res, '\uFEFF' + HEAD.join(',') + '\r\n', auditPages(o.store, filter), csvLine);
    await recordExportEnd(req, res, { ...o, now }, 'audit.export_end', { startedRow, rows: end.rows, outcome: end.outcome });
    if (end.outcome === 'failed') throw end.error;
  });
  return r;
}
