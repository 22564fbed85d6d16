import type { Request, RequestHandler, Response } from 'express';
import type { AuditAction } from '../../shared/contracts/auth.js';
import type { RouteEntry } from '../../shared/contracts/roles.js';
import type { Store } from '../../shared/store/store.js';
import type { Logger } from '../log.js';
import { appendAudit, type AuditInput } from '../../shared/store/repos/audit.js';
import { auditAlone } from './audit-trail.js';
import { actorName, actorRoles, clientIp, principalOf } from './principal.js';

type Describe = (req: Request, res: Response) => { action: AuditAction; object: string | null; detail: Record<string, unknown> | null };

const body = (req: Request): Record<string, unknown> => (req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {});
const incident = (action: AuditAction): Describe => (req) => ({ action, object: `incident:${String(req.params.id)}`, detail: body(req) });

/**
 * Audited acts, keyed by the ROUTE table's entry. Incident commands and reviews append their row
 * inside their own transaction (auditedStore); topic changes and reads that must be on record
 * (searches, exports) are written when the answer has gone out, with the outcome.
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
  // Which contact points receive the reports: one action, with what was done (detail.op) and the fields sent.
  'POST /api/v1/reports/subscriptions': (req, res) => ({ action: 'report_subscription.changed', object: (res.locals.auditObject as string | undefined) ?? 'report-subscription', detail: { op: 'created', ...body(req) } }),
  'PUT /api/v1/reports/subscriptions/:id': (req) => ({ action: 'report_subscription.changed', object: `report-subscription:${String(req.params.id)}`, detail: { op: 'updated', ...body(req) } }),
  'DELETE /api/v1/reports/subscriptions/:id': (req) => ({ action: 'report_subscription.changed', object: `report-subscription:${String(req.params.id)}`, detail: { op: 'deleted' } }),
  'GET /api/v1/mentions': (req) => ({ action: 'mentions.search', object: 'mentions', detail: { query: req.query } }),
  'GET /api/v1/mentions/export.csv': (req, res) => ({ action: 'mentions.export', object: 'mentions', detail: { filter: req.query, rows: res.locals.rowCount ?? null } }),
};

/** Acts whose store write is a command: their audit row is written in the command's own transaction. */
const IN_TRANSACTION = new Set([
  'POST /api/v1/incidents/:id/acknowledge',
  'POST /api/v1/incidents/:id/assign',
  'POST /api/v1/incidents/:id/status',
  'POST /api/v1/incidents/:id/clarification',
  'POST /api/v1/mentions/:uid/review',
]);

interface PendingAct {
  entry(): AuditInput;
  /** Set once the act's transaction, with its audit row, has committed. */
  done: boolean;
}

/**
 * The store a command of this request writes through: the same store, but its write transaction
 * also appends the request's audit row, so the act and its record commit (or roll back) together.
 * A retried transaction appends it again inside the retry; the row counts once, on commit.
 */
export function auditedStore(res: Response, store: Store, now: () => number = Date.now): Store {
  const act = res.locals.pendingAct as PendingAct | undefined;
  if (!act) return store;
  return {
    backend: store.backend,
    location: store.location,
    db: store.db,
    close: () => store.close(),
    async write(fn) {
      if (act.done) return store.write(fn);
      const out = await store.write(async (tx) => {
        const v = await fn(tx);
        await appendAudit(tx, act.entry(), now());
        return v;
      });
      act.done = true;
      return out;
    },
  };
}

export function auditActs(o: { store: Store; log: Logger; now?: () => number }): RequestHandler {
  const now = o.now ?? Date.now;
  return (req, res, next) => {
    const route = res.locals.route as RouteEntry | undefined;
    const describe = route && AUDITED[`${route.method} ${route.path}`];
    if (describe && route && IN_TRANSACTION.has(`${route.method} ${route.path}`)) {
      const p = principalOf(res);
      const act: PendingAct = {
        done: false,
        entry: () => {
          const d = describe(req, res);
          return { actor: actorName(p), roles: actorRoles(p), ip: clientIp(req), ...d, result: 'ok' };
        },
      };
      res.locals.pendingAct = act;
      // Refused or failed before (or instead of) committing: recorded on its own, with the outcome.
      res.once('finish', () => {
        if (act.done) return;
        const d = describe(req, res);
        const result = res.statusCode === 401 || res.statusCode === 403 ? 'denied' : res.statusCode < 400 ? 'ok' : 'failed';
        void auditAlone(o.store, { actor: actorName(p), roles: actorRoles(p), ip: clientIp(req), ...d, result, detail: { ...d.detail, status: res.statusCode } }, now(), o.log);
      });
    } else if (describe) {
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
