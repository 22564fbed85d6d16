import type { Request, RequestHandler, Response } from 'express';
import type { AuditAction, AuditResult } from '../../shared/contracts/auth.js';
import type { RouteEntry } from '../../shared/contracts/roles.js';
import type { Store } from '../../shared/store/store.js';
import type { Logger } from '../log.js';
import { appendAudit, type AuditInput } from '../../shared/store/repos/audit.js';
import type { StreamOutcome } from '../http/csv-stream.js';
import { HttpError } from '../http/errors.js';
import { auditAlone } from './audit-trail.js';
import { actorName, actorRoles, clientIp, principalOf } from './principal.js';

type Described = { action: AuditAction; object: string | null; detail: Record<string, unknown> | null };
/** `params` are the route's `:name` segments, read from the URL by the ROUTE table's pattern (express's req.params are gone once its router is done, when refusals are recorded). */
type Describe = (req: Request, res: Response, params: Record<string, string>) => Described;

const body = (req: Request): Record<string, unknown> => (req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {});
const incident = (action: AuditAction): Describe => (req, _res, params) => ({ action, object: `incident:${params.id}`, detail: body(req) });

/**
 * Audited acts, keyed by the ROUTE table's entry. Each is put on record at a point the route
 * chooses, never after the fact: a command (incident commands, reviews, topic changes) in its own
 * write transaction (`auditedStore`), a read that must be on record (searches, exports) committed
 * before any result leaves (`recordBeforeAnswer`). An act refused or failed before that point is
 * recorded on its own when the answer has gone out, with the outcome.
 */
const AUDITED: Record<string, Describe> = {
  'POST /api/v1/incidents/:id/acknowledge': incident('incident.acknowledge'),
  'POST /api/v1/incidents/:id/assign': incident('incident.assign'),
  'POST /api/v1/incidents/:id/status': incident('incident.status'),
  'POST /api/v1/incidents/:id/clarification': incident('incident.clarification'),
  'POST /api/v1/mentions/:uid/review': (req, _res, params) => ({ action: 'review.write', object: `mention:${params.uid}`, detail: body(req) }),
  'PUT /api/v1/topics': (req) => {
    const topics = body(req).topics;
    return { action: 'topics.updated', object: 'topics', detail: { topics: Array.isArray(topics) ? topics.map((t: { id?: unknown } | null) => t?.id) : [] } };
  },
  // Which contact points receive the reports: one action, with what was done (detail.op) and the fields sent.
  'POST /api/v1/reports/subscriptions': (req, res) => ({ action: 'report_subscription.changed', object: (res.locals.auditObject as string | undefined) ?? 'report-subscription', detail: { op: 'created', ...body(req) } }),
  'PUT /api/v1/reports/subscriptions/:id': (req, _res, params) => ({ action: 'report_subscription.changed', object: `report-subscription:${params.id}`, detail: { op: 'updated', ...body(req) } }),
  'DELETE /api/v1/reports/subscriptions/:id': (req, _res, params) => ({ action: 'report_subscription.changed', object: `report-subscription:${params.id}`, detail: { op: 'deleted' } }),
  'POST /api/v1/alert-rules': (req, res) => ({ action: 'alert_rule.changed', object: (res.locals.auditObject as string | undefined) ?? 'alert-rule', detail: { op: 'created', ...body(req) } }),
  'PUT /api/v1/alert-rules/:id': (req, _res, params) => ({ action: 'alert_rule.changed', object: `alert-rule:${params.id}`, detail: { op: 'updated', ...body(req) } }),
  'DELETE /api/v1/alert-rules/:id': (req, _res, params) => ({ action: 'alert_rule.changed', object: `alert-rule:${params.id}`, detail: { op: 'deleted' } }),
  // Contact points carry webhook tokens and passwords in their body: only the name and kind are recorded.
  'POST /api/v1/contact-points': (req, res) => ({ action: 'contact_point.changed', object: (res.locals.auditObject as string | undefined) ?? 'contact-point', detail: { op: 'created', name: body(req).name, kind: body(req).kind } }),
  'PUT /api/v1/contact-points/:id': (req, _res, params) => ({ action: 'contact_point.changed', object: `contact-point:${params.id}`, detail: { op: 'updated', name: body(req).name } }),
  'DELETE /api/v1/contact-points/:id': (req, _res, params) => ({ action: 'contact_point.changed', object: `contact-point:${params.id}`, detail: { op: 'deleted' } }),
  'GET /api/v1/mentions': (req) => ({ action: 'mentions.search', object: 'mentions', detail: { query: req.query } }),
  'GET /api/v1/mentions/export.csv': (req) => ({ action: 'mentions.export', object: 'mentions', detail: { filter: req.query } }),
  'GET /api/v1/audit.csv': (req) => ({ action: 'audit.export', object: 'audit_log', detail: { filter: req.query } }),
};

/** The `:name` segments of a route pattern, read from the request's path. */
function routeParams(pattern: string, path: string): Record<string, string> {
  const want = pattern.split('/');
  const got = path.split('/');
  const out: Record<string, string> = {};
  want.forEach((seg, i) => {
    if (!seg.startsWith(':') || got[i] === undefined) return;
    try {
      out[seg.slice(1)] = decodeURIComponent(got[i]);
    } catch {
      out[seg.slice(1)] = got[i];
    }
  });
  return out;
}

interface PendingAct {
  entry(): AuditInput;
  /** Set once the act's row has committed. */
  done: boolean;
}

function pendingActOf(res: Response): PendingAct | undefined {
  return res.locals.pendingAct as PendingAct | undefined;
}

/**
 * The store a command of this request writes through: the same store, but its write transaction
 * also appends the request's audit row, so the act and its record commit (or roll back) together.
 * A retried transaction appends it again inside the retry; the row counts once, on commit.
 */
export function auditedStore(res: Response, store: Store, now: () => number = Date.now): Store {
  const act = pendingActOf(res);
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

/** The audit log could not be written, so the read is not answered (fail closed). */
export class AuditUnavailableError extends HttpError {
  constructor() {
    super(503, 'the audit log cannot be written at the moment, so nothing is answered; try again shortly');
  }
}

/**
 * Fail-closed record of a read (a search, an export): commits this request's audit row (who, the
 * query or filter) and only then returns, so the route sends results only once they are on
 * record. When the row cannot be written the request answers 503 and returns nothing. Returns
 * the row's id (an export's completion row refers to it).
 */
export async function recordBeforeAnswer(res: Response, store: Store, log: Logger, now: () => number = Date.now): Promise<number> {
  const act = pendingActOf(res);
  if (!act) throw new Error('recordBeforeAnswer on a route that is not in the AUDITED table');
  try {
    const id = await store.write((tx) => appendAudit(tx, act.entry(), now()));
    act.done = true;
    return id;
  } catch (err) {
    log.error({ error: (err as Error).message, action: act.entry().action }, 'could not write the audit row; the read is refused');
    res.set('Retry-After', '5');
    // Nothing more about this request is recorded afterwards: the refusal is the outcome.
    act.done = true;
    throw new AuditUnavailableError();
  }
}

/**
 * The second row of an export: how it ended and how many rows left the server (all, the count
 * when the client went away, or the count when reading failed). Written in its own transaction
 * once the stream is over; a failure to write it is logged.
 */
export async function recordExportEnd(
  req: Request,
  res: Response,
  o: { store: Store; log: Logger; now?: () => number },
  action: Extract<AuditAction, 'mentions.export_end' | 'audit.export_end'>,
  end: { startedRow: number; rows: number; outcome: StreamOutcome },
): Promise<void> {
  const p = principalOf(res);
  const result: AuditResult = end.outcome === 'complete' ? 'ok' : 'failed';
  const object = action === 'audit.export_end' ? 'audit_log' : 'mentions';
  await auditAlone(
    o.store,
    { actor: actorName(p), roles: actorRoles(p), ip: clientIp(req), action, object, result, detail: { filter: req.query, rows: end.rows, outcome: end.outcome, startedRow: end.startedRow } },
    (o.now ?? Date.now)(),
    o.log,
  );
}

export function auditActs(o: { store: Store; log: Logger; now?: () => number }): RequestHandler {
  const now = o.now ?? Date.now;
  return (req, res, next) => {
    const route = res.locals.route as RouteEntry | undefined;
    const describe = route && AUDITED[`${route.method} ${route.path}`];
    if (!describe) return next();
    const p = principalOf(res);
    const params = routeParams(route.path, req.path);
    const act: PendingAct = {
      done: false,
      entry: () => ({ actor: actorName(p), roles: actorRoles(p), ip: clientIp(req), ...describe(req, res, params), result: 'ok' }),
    };
    res.locals.pendingAct = act;
    // Refused or failed before (or instead of) reaching its record: recorded on its own, with the outcome.
    res.once('finish', () => {
      if (act.done) return;
      const d = describe(req, res, params);
      const result: AuditResult = res.statusCode === 401 || res.statusCode === 403 ? 'denied' : res.statusCode < 400 ? 'ok' : 'failed';
      void auditAlone(o.store, { actor: actorName(p), roles: actorRoles(p), ip: clientIp(req), ...d, result, detail: { ...d.detail, status: res.statusCode } }, now(), o.log);
    });
    next();
  };
}
