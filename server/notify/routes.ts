import express, { Router, type Request, type RequestHandler } from 'express';
import { z } from 'zod';
import { alertListQuerySchema, alertRuleInputSchema, contactPointInputSchema, idParamSchema, type AlertView } from '../../shared/contracts/alerts.js';
import {
  acknowledgeAlert,
  alertRuleVersions,
  countUnread,
  getAlert,
  getAlertRule,
  insertAlertRule,
  listAlertRules,
  listAlerts,
  listDeliveries,
  updateAlertRule,
} from '../../shared/store/repos/alerts.js';
import { deleteContactPoint, getContactPoint, getContactPoints, insertContactPoint, listContactPoints, updateContactPoint } from '../../shared/store/repos/contact-points.js';
import type { Store } from '../../shared/store/store.js';
import { HttpError, parseBody, parseQuery } from '../http/errors.js';
import { actorOf, resolveActor } from '../incidents/actor.js';
import { fullConfig, presentContactPoint, splitSecrets } from './contact-points.js';
import { deliverTest, type DeliveryOptions } from './deliver.js';
import type { AlertMessage } from './message.js';
import { presentAlert, presentDelivery } from './present.js';
import { presentRule } from './rules.js';
import type { SecretBox } from './secret-box.js';
import { auditedStore } from '../auth/audit-acts.js';

export interface NotifyRouteOptions {
  store: Store;
  box: SecretBox;
  delivery: DeliveryOptions & { publicUrl: string };
  announceAck: (a: AlertView) => void;
  /** Tells the workers to reload their keyword watchlists (they also re-read them every few seconds). */
  announceRules: () => void;
}

function idOf(req: Request): number {
  const r = idParamSchema.safeParse(req.params.id);
  if (!r.success) throw new HttpError(400, 'id must be a positive integer');
  return r.data;
}

/** Rules and contact points are the administrator's (alerts.manage in the ROUTE table); their changes are signed by the user. */
const admin: RequestHandler[] = [resolveActor()];

const partialCp = z.object({ name: z.string().optional() }).loose();

export function notifyRouter(o: NotifyRouteOptions): Router {
  const r = Router();
  const json = express.json({ limit: '64kb' });
  const now = o.delivery.now;
  const db = o.store.db;

  // ── alerts: read by every dashboard, acknowledged by a named officer ──
  r.get('/alerts', async (req, res) => {
    const q = parseQuery(alertListQuerySchema, req);
    res.json({ items: (await listAlerts(db, q)).map(presentAlert), unread: await countUnread(db) });
  });
  r.post('/alerts/:id/ack', resolveActor(), async (req, res) => {
    const id = idOf(req);
    const changed = await o.store.write((tx) => acknowledgeAlert(tx, id, now(), actorOf(res)));
    const row = await getAlert(db, id);
    if (!row) throw new HttpError(404, `no alert ${id}`);
    const view = presentAlert(row);
    if (changed) o.announceAck(view);
    res.json({ changed, alert: view });
  });
  r.get('/alerts/:id/deliveries', ...admin, async (req, res) => {
    res.json({ items: (await listDeliveries(db, { alertId: idOf(req), limit: 200 })).map(presentDelivery) });
  });

  // ── rules: every change is a new version ──
  const checkContactPoints = async (ids: number[]) => {
    const found = new Set((await getContactPoints(db, ids)).map((c) => c.id));
    const missing = ids.filter((i) => !found.has(i));
    if (missing.length) throw new HttpError(400, `invalid body: no contact point ${missing.join(', ')}`);
  };
  r.get('/alert-rules', ...admin, async (_req, res) => {
    res.json({ items: (await listAlertRules(db)).map(presentRule).filter((x) => x !== null) });
  });
  r.post('/alert-rules', ...admin, json, async (req, res) => {
    const cfg = parseBody(alertRuleInputSchema, req);
    await checkContactPoints([...cfg.contactPoints, ...(cfg.escalation?.contactPoints ?? [])]);
    const id = await auditedStore(res, o.store).write(async (tx) => {
      const made = await insertAlertRule(tx, JSON.stringify(cfg), cfg.enabled, now(), actorOf(res));
      // The audit row, appended after this in the same transaction, names what was made.
      res.locals.auditObject = `alert-rule:${made}`;
      return made;
    });
    o.announceRules();
    res.status(201).json(presentRule((await getAlertRule(db, id))!));
  });
  r.get('/alert-rules/:id', ...admin, async (req, res) => {
    const row = await getAlertRule(db, idOf(req));
    if (!row) throw new HttpError(404, 'no such rule');
    res.json(presentRule(row));
  });
  r.put('/alert-rules/:id', ...admin, json, async (req, res) => {
    const id = idOf(req);
    const cfg = parseBody(alertRuleInputSchema, req);
    await checkContactPoints([...cfg.contactPoints, ...(cfg.escalation?.contactPoints ?? [])]);
    const expected = req.get('if-match');
    // Refusals are thrown inside, so they roll back with no audit row of success (they are recorded on their own).
    await auditedStore(res, o.store).write(async (tx) => {
      const v = await updateAlertRule(tx, id, { config: JSON.stringify(cfg), enabled: cfg.enabled, at: now(), by: actorOf(res), ...(expected ? { expectedVersion: Number(expected) } : {}) });
      if (v === null) throw new HttpError(expected ? 409 : 404, expected ? 'the rule changed since you loaded it (If-Match version is stale)' : 'no such rule');
    });
    o.announceRules();
    res.json(presentRule((await getAlertRule(db, id))!));
  });
  r.delete('/alert-rules/:id', ...admin, async (req, res) => {
    const id = idOf(req);
    const v = await auditedStore(res, o.store).write(async (tx) => {
      const done = await updateAlertRule(tx, id, { config: null, enabled: false, at: now(), by: actorOf(res) });
      if (done === null) throw new HttpError(404, 'no such rule');
      return done;
    });
    o.announceRules();
    res.json({ deleted: true, version: v });
  });
  r.get('/alert-rules/:id/versions', ...admin, async (req, res) => {
    const rows = await alertRuleVersions(db, idOf(req));
    res.json({
      items: rows.map((v) => ({ ruleId: v.rule_id, version: v.version, config: v.config ? (JSON.parse(v.config) as unknown) : null, deleted: v.config === null, at: new Date(v.at).toISOString(), by: v.by })),
    });
  });

  // ── contact points: secrets go in, never come out ──
  r.get('/contact-points', ...admin, async (_req, res) => {
    res.json({ items: (await listContactPoints(db)).map((c) => presentContactPoint(c, o.box)) });
  });
  r.post('/contact-points', ...admin, json, async (req, res) => {
    const cfg = parseBody(contactPointInputSchema, req);
    const { settings, secrets } = splitSecrets(cfg, o.box);
    const id = await auditedStore(res, o.store).write(async (tx) => {
      const made = await insertContactPoint(tx, { name: cfg.name, kind: cfg.kind, settings, secrets, updated_at: now(), updated_by: actorOf(res) });
      res.locals.auditObject = `contact-point:${made}`;
      return made;
    });
    res.status(201).json(presentContactPoint((await getContactPoint(db, id))!, o.box));
  });
  /** Secret fields left out keep their stored values, so the form can be saved without re-typing them. */
  r.put('/contact-points/:id', ...admin, json, async (req, res) => {
    const id = idOf(req);
    const row = await getContactPoint(db, id);
    if (!row) throw new HttpError(404, 'no such contact point');
    const given = partialCp.parse(req.body ?? {});
    if (given.kind !== undefined && given.kind !== row.kind) throw new HttpError(400, 'invalid body: kind cannot change; create a new contact point');
    const merged = contactPointInputSchema.safeParse({ ...fullConfig(row, o.box), ...given, kind: row.kind });
    if (!merged.success) throw new HttpError(400, `invalid body: ${merged.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    const { settings, secrets } = splitSecrets(merged.data, o.box);
    await auditedStore(res, o.store).write((tx) => updateContactPoint(tx, id, { name: merged.data.name, kind: row.kind, settings, secrets, updated_at: now(), updated_by: actorOf(res) }));
    res.json(presentContactPoint((await getContactPoint(db, id))!, o.box));
  });
  r.delete('/contact-points/:id', ...admin, async (req, res) => {
    await auditedStore(res, o.store).write(async (tx) => {
      if (!(await deleteContactPoint(tx, idOf(req), now(), actorOf(res)))) throw new HttpError(404, 'no such contact point');
    });
    res.json({ deleted: true });
  });
  r.post('/contact-points/:id/test', ...admin, async (req, res) => {
    const row = await getContactPoint(db, idOf(req));
    if (!row) throw new HttpError(404, 'no such contact point');
    const msg: AlertMessage = {
      alertId: null,
      ruleName: '测试 / test',
      severity: 'info',
      title: 'yuqing 预警通道测试 / contact point test',
      body: `这是一条测试消息，来自「${row.name}」。This is a test message.`,
      link: o.delivery.publicUrl ? new URL('/live', o.delivery.publicUrl).toString() : '/live',
      at: now(),
      reason: 'test',
    };
    // One attempt: the administrator wants to see the receiver's answer now, not after back-off.
    const { retryable: _retryable, ...outcome } = await deliverTest(o.delivery, row, msg);
    res.status(outcome.status === 'sent' ? 200 : 502).json(outcome);
  });
  r.get('/contact-points/:id/deliveries', ...admin, async (req, res) => {
    res.json({ items: (await listDeliveries(db, { contactPointId: idOf(req), limit: 200 })).map(presentDelivery) });
  });
  return r;
}
