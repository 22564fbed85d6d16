import express, { Router } from 'express';
import { describeIssues } from '../../shared/contracts/mention.js';
import { topicConfigSchema } from '../../shared/contracts/topics.js';
import { auditedStore } from '../auth/audit-acts.js';
import { principalOf, actorName } from '../auth/principal.js';
import { HttpError } from '../http/errors.js';
import { distinctValues } from '../../shared/store/repos/mentions.js';
import type { Executor, Store } from '../../shared/store/store.js';
import { readTopics, saveTopics } from '../store/settings.js';

export interface ConfigRouteOptions {
  /** Topic changes are written through it, in one transaction with their audit row. */
  store: Store;
  timeZone: string;
  /** Tells workers to reload the topic configuration (they apply it to the next batch). */
  announceTopics: () => Promise<unknown>;
}

/** Values offered in each filter menu at most. */
const DISTINCT_MAX = 200;

export function configRouter(o: ConfigRouteOptions): Router {
  const r = Router();
  const db: Executor = o.store.db;
  r.get('/topics', async (_req, res) => {
    res.json(await readTopics(db));
  });
  r.put('/topics', express.json({ limit: '1mb' }), async (req, res) => {
    const parsed = topicConfigSchema.safeParse(req.body);
    if (!parsed.success) throw new HttpError(400, `invalid topic configuration: ${describeIssues(parsed.error, 5)}`);
    const by = actorName(principalOf(res));
    await auditedStore(res, o.store).write((tx) => saveTopics(tx, parsed.data, by));
    await o.announceTopics();
    res.json(parsed.data);
  });
  r.get('/meta', async (_req, res) => {
    const topics = (await readTopics(db)).topics.map((t) => ({ id: t.id, name: t.name }));
    res.json({
      timezone: o.timeZone,
      topics,
      platforms: await distinctValues(db, 'platform', DISTINCT_MAX),
      regions: await distinctValues(db, 'region', DISTINCT_MAX),
    });
  });
  return r;
}
