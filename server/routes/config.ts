import express, { Router } from 'express';
import { describeIssues } from '../../shared/contracts/mention.js';
import { topicConfigSchema } from '../../shared/contracts/topics.js';
import { principalOf, actorName } from '../auth/principal.js';
import { HttpError } from '../http/errors.js';
import type { Db } from '../store/open.js';
import { readTopics, saveTopics } from '../store/settings.js';
import { distinctValues } from '../store/stats.js';

export interface ConfigRouteOptions {
  db: Db;
  timeZone: string;
  /** Tells workers to reload the topic configuration (they apply it to the next batch). */
  announceTopics: () => Promise<unknown>;
}

export function configRouter(o: ConfigRouteOptions): Router {
  const r = Router();
  r.get('/topics', (_req, res) => {
    res.json(readTopics(o.db));
  });
  r.put('/topics', express.json({ limit: '1mb' }), async (req, res) => {
    const parsed = topicConfigSchema.safeParse(req.body);
    if (!parsed.success) throw new HttpError(400, `invalid topic configuration: ${describeIssues(parsed.error, 5)}`);
    saveTopics(o.db, parsed.data, actorName(principalOf(res)));
    await o.announceTopics();
    res.json(parsed.data);
  });
  r.get('/meta', (_req, res) => {
    const topics = readTopics(o.db).topics.map((t) => ({ id: t.id, name: t.name }));
    res.json({
      timezone: o.timeZone,
      topics,
      platforms: distinctValues(o.db, 'platform'),
      regions: distinctValues(o.db, 'region'),
    });
  });
  return r;
}
