import { Router } from 'express';
import { auditExportQuerySchema, auditQuerySchema, type AuditEntry, type AuditPage } from '../../shared/contracts/auth.js';
import type { Store } from '../../shared/store/store.js';
import { appendAudit, queryAudit, type AuditFilter } from '../../shared/store/repos/audit.js';
import { clientIp, signedInUser } from '../auth/principal.js';
import { csvCell } from '../http/csv.js';
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

/** The audit log for auditors (audit.read): filtered pages, and the CSV export (itself audited). */
export function auditRouter(o: { store: Store; now?: () => number }): Router {
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
    const p = signedInUser(res);
    res.set('Content-Type', 'text/csv; charset=utf-8');
    res.set('Content-Disposition', `attachment; filename="yuqing-audit-${new Date(now()).toISOString().slice(0, 10)}.csv"`);
    res.write('\uFEFF' + HEAD.join(',') + '\r\n');
    let rows = 0;
    let beforeId: number | undefined;
    while (rows < EXPORT_MAX_ROWS) {
      const items = await queryAudit(o.store.db, { ...filter, ...(beforeId !== undefined && { beforeId }) }, Math.min(PAGE, EXPORT_MAX_ROWS - rows));
      if (items.length === 0) break;
      res.write(items.map(csvLine).join(''));
      rows += items.length;
      beforeId = items[items.length - 1]!.id;
    }
    await o.store.write((tx) =>
      appendAudit(tx, { actor: p.user.username, roles: p.user.roles, ip: clientIp(req), action: 'audit.export', object: 'audit_log', result: 'ok', detail: { filter: q, rows } }, now()),
    );
    res.end();
  });
  return r;
}
