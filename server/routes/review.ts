import express, { Router } from 'express';
import { once } from 'node:events';
import { agreementQuerySchema, reviewBodySchema, reviewQueueQuerySchema } from '../../shared/contracts/review.js';
import { auditedStore } from '../auth/audit-acts.js';
import { HttpError, parseBody, parseQuery } from '../http/errors.js';
import { actorOf, resolveActor } from '../incidents/actor.js';
import { agreementReport, applyReview, reviewLabels, reviewQueue, ReviewError } from '../store/reviews.js';
import type { Store } from '../../shared/store/store.js';
import { readTopics } from '../store/settings.js';

export interface ReviewRouteOptions {
  store: Store;
  /** Tells every server's live hub that stored tags changed (the dashboards re-read at their next tick). */
  announce: () => unknown;
  now?: () => number;
}

const UID = /^[a-z0-9_-]{1,32}:.{1,128}$/;

/** Analyst corrections and confirmations of tags, the review queue, the agreement report and the labels export. */
export function reviewRouter(o: ReviewRouteOptions): Router {
  const now = o.now ?? Date.now;
  const r = Router();
  const db = o.store.db;
  r.post('/mentions/:uid/review', resolveActor(), express.json({ limit: '8kb' }), async (req, res) => {
    const uid = req.params.uid;
    if (typeof uid !== 'string' || !UID.test(uid)) throw new HttpError(400, 'mention id must be "platform:id"');
    const body = parseBody(reviewBodySchema, req);
    const topics = new Set((await readTopics(db)).topics.map((t) => t.id));
    try {
      res.json(await applyReview(auditedStore(res, o.store), uid, body, actorOf(res), now(), topics));
    } catch (err) {
      if (err instanceof ReviewError) throw new HttpError(err.status, err.message);
      throw err;
    }
    void o.announce();
  });
  r.get('/review', async (req, res) => {
    res.json({ items: await reviewQueue(db, parseQuery(reviewQueueQuerySchema, req)) });
  });
  r.get('/review/agreement', async (req, res) => {
    res.json(await agreementReport(db, parseQuery(agreementQuerySchema, req).days, now()));
  });
  r.get('/review/labels.jsonl', async (_req, res) => {
    res.set('Content-Type', 'application/x-ndjson; charset=utf-8');
    res.set('Content-Disposition', `attachment; filename="yuqing-review-labels-${new Date(now()).toISOString().slice(0, 10)}.jsonl"`);
    for await (const label of reviewLabels(db)) {
      if (!res.write(JSON.stringify(label) + '\n')) await once(res, 'drain');
    }
    res.end();
  });
  return r;
}
