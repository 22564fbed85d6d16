import express, { Router } from 'express';
import { describeIssues } from '../../shared/contracts/mention.js';
import { topicConfigSchema } from '../../shared/contracts/topics.js';
import { principalOf, actorName } from '../auth/principal.js';
import { HttpError } from '../http/errors.js';
import { distinctValues } from '../../shared/store/repos/mentions.js';
import type { Executor } from '../../shared/store/store.js';
import { readTopics, saveTopics } from '../store/settings.js';

export interface ConfigRouteOptions {
  db: Executor;
  timeZone: string;
  /** Tells workers to reload the topic configuration (they apply it to the next batch). */
  announceTopics: () => Promise<unknown>;
}

/** Values offered in each filter menu at most. */
const DISTINCT_MAX = 200;

export function configRouter(o: ConfigRouteOptions): Router {
  const r = Router();
  r.get('/topics', async (_req, res) => {
    res.json(await readTopics(o.db));
  });
  r.put('/topics', express.json({ limit: '1mb' }), async (req, res) => {
    const parsed = topicConfigSchema.safeParse(req.body);
    if (!parsed.success) throw new HttpError(400, `invalid topic configuration: ${describeIssues(parsed.error, 5)}`);
    await saveTopics(o.db, parsed.data, actorName(principalOf(res)));
    await o.announceTopics();
    res.json(parsed.data);
  });
  r.get('/meta', async (_req, res) => {
    const topics = (await readTopics(o.db)).topics.map((t) => ({ id: t.id, name: t.name }));
    res.json({
      timezone: o.timeZone,
      topics,
      platforms: await distinctValues(o.db, 'platform', DISTINCT_MAX),
      regions: await distinctValues(o.db, 'region', DISTINCT_MAX),
    });
  });
  return r;
}
