import type { Request, RequestHandler, Response } from 'express';
import type { AuditAction } from '../../shared/contracts/auth.js';
import type { RouteEntry } from '../../shared/contracts/roles.js';
import type { Store } from '../../shared/store/store.js';
import type { Logger } from '../log.js';
import { auditAlone } from './audit-trail.js';
import { actorName, actorRoles, clientIp, principalOf } from './principal.js';

type Describe = (req: Request, res: Response) => { action: AuditAction; object: string | null; detail: Record<string, unknown> | null };

const body = (req: Request): Record<string, unknown> => (req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {});
const incident = (action: AuditAction): Describe => (req) => ({ action, object: `incident:${String(req.params.id)}`, detail: body(req) });

/**
 * Acts whose store write still happens in the old better-sqlite3 handle (incident commands,
 * reviews, topics) and reads that must be on record (searches, exports): their audit row is
 * written when the answer has gone out, with the outcome. Keyed by the ROUTE table's entry.
 * After the store refactor the commands take an Executor and append their row in their own
 * transaction (shared/store/repos/audit.ts appendAudit); then their entries here go.
 */
const AUDITED: Record<string, Describe> = {
  'POST /api/v1/incidents/:id/acknowledge': incident('incident.acknowledge'),
  'POST /api/v1/incidents/:id/assign': incident('incident.assign'),
  'POST /api/v1/incidents/:id/status': incident('incident.status'),
  'POST /api/v1/incidents/:id/clarification': incident('incident.clarification'),
  'POST /api/v1/mentions/:uid/review': (req) => ({ action: 'review.write', object: `mention:${String(req.params.uid)}`, detail: body(req) }),
  'PUT /api/v1/topics': (req) => {
    const topics = (body(req).topics as { id?: unknown }[] | undefined) ?? [];
    return { action: 'topics.updated', object: 'topics', detail: { topics: Array.isArray(topics) ? topics.map((t) => t?.id) : [] } };
  },
  'GET /api/v1/mentions': (req) => ({ action: 'mentions.search', object: 'mentions', detail: { query: req.query } }),
  'GET /api/v1/mentions/export.csv': (req, res) => ({ action: 'mentions.export', object: 'mentions', detail: { filter: req.query, rows: res.locals.rowCount ?? null } }),
};

export function auditActs(o: { store: Store; log: Logger; now?: () => number }): RequestHandler {
  const now = o.now ?? Date.now;
  return (req, res, next) => {
    const route = res.locals.route as RouteEntry | undefined;
    const describe = route && AUDITED[`${route.method} ${route.path}`];
    if (describe) {
      res.once('finish', () => {
        const p = principalOf(res);
        const d = describe(req, res);
        const result = res.statusCode < 400 ? 'ok' : res.statusCode === 401 || res.statusCode === 403 ? 'denied' : 'failed';
        void auditAlone(o.store, { actor: actorName(p), roles: actorRoles(p), ip: clientIp(req), ...d, result, detail: { ...d.detail, status: res.statusCode } }, now(), o.log);
      });
    }
    next();
  };
}
