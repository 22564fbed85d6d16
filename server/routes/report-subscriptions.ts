import express, { Router, type Request } from 'express';
import { idParamSchema } from '../../shared/contracts/alerts.js';
import { reportDeliveryQuerySchema, reportSubscriptionInputSchema, type ReportSubscriptionInput } from '../../shared/contracts/report-subscriptions.js';
import { getContactPoint } from '../../shared/store/repos/contact-points.js';
import { listReportDeliveries } from '../../shared/store/repos/report-deliveries.js';
import {
  deleteReportSubscription,
  getReportSubscription,
  insertReportSubscription,
  listReportSubscriptions,
  updateReportSubscription,
} from '../../shared/store/repos/report-subscriptions.js';
import type { Store } from '../../shared/store/store.js';
import { HttpError, parseBody, parseQuery } from '../http/errors.js';
import { auditedStore } from '../auth/audit-acts.js';
import { actorOf, resolveActor } from '../incidents/actor.js';

function idOf(req: Request): number {
  const r = idParamSchema.safeParse(req.params.id);
  if (!r.success) throw new HttpError(400, 'id must be a positive integer');
  return r.data;
}

const EXISTS = 'that contact point already receives the reports in that language; change its subscription instead';

/**
 * Which contact points receive the scheduled daily and weekly reports (alerts.manage in the ROUTE
 * table, like the contact points themselves; audited as report_subscription.changed), and the log of what was
 * sent. An in-app contact point cannot subscribe: the archive is the in-app copy.
 */
export function reportSubscriptionsRouter(o: { store: Store; now?: () => number }): Router {
  const { store } = o;
  const now = o.now ?? Date.now;
  const r = Router();
  const json = express.json({ limit: '4kb' });

  const checkContactPoint = async (s: ReportSubscriptionInput) => {
    const cp = await getContactPoint(store.db, s.contactPointId);
    if (!cp) throw new HttpError(400, `invalid body: contactPointId: no contact point ${s.contactPointId}`);
    if (cp.kind === 'in_app') throw new HttpError(400, 'invalid body: contactPointId: an in-app contact point cannot receive reports (the archive is the in-app copy)');
  };

  r.get('/reports/subscriptions', async (_req, res) => {
    res.json({ items: await listReportSubscriptions(store.db) });
  });
  r.post('/reports/subscriptions', resolveActor(), json, async (req, res) => {
    const s = parseBody(reportSubscriptionInputSchema, req);
    await checkContactPoint(s);
    const id = await auditedStore(res, store).write(async (tx) => {
      const made = await insertReportSubscription(tx, s, now(), actorOf(res));
      // Thrown inside, so a refused change leaves no audit row of success (the refusal is recorded on its own).
      if (made === 'exists') throw new HttpError(409, EXISTS);
      // The audit row, appended after this in the same transaction, names what was made.
      res.locals.auditObject = `report-subscription:${made}`;
      return made;
    });
    res.status(201).json(await getReportSubscription(store.db, id));
  });
  r.put('/reports/subscriptions/:id', resolveActor(), json, async (req, res) => {
    const id = idOf(req);
    const s = parseBody(reportSubscriptionInputSchema, req);
    await checkContactPoint(s);
    await auditedStore(res, store).write(async (tx) => {
      const done = await updateReportSubscription(tx, id, s, now(), actorOf(res));
      if (done === 'missing') throw new HttpError(404, `no report subscription ${id}`);
      if (done === 'exists') throw new HttpError(409, EXISTS);
    });
    res.json(await getReportSubscription(store.db, id));
  });
  r.delete('/reports/subscriptions/:id', resolveActor(), async (req, res) => {
    const id = idOf(req);
    await auditedStore(res, store).write(async (tx) => {
      if (!(await deleteReportSubscription(tx, id))) throw new HttpError(404, `no report subscription ${id}`);
    });
    res.json({ deleted: true });
  });
  r.get('/reports/deliveries', async (req, res) => {
    const q = parseQuery(reportDeliveryQuerySchema, req);
    res.json({ items: await listReportDeliveries(store.db, { ...(q.kind ? { kind: q.kind } : {}), ...(q.period ? { period: q.period } : {}), limit: q.limit }) });
  });
  return r;
}
