import express, { Router, type Request } from 'express';
import { z } from 'zod';
import {
  acknowledgeBodySchema,
  assignBodySchema,
  clarificationBodySchema,
  incidentIdSchema,
  incidentListQuerySchema,
  statusBodySchema,
  type HandoverSheet,
} from '../../shared/contracts/incidents.js';
import { auditedStore } from '../auth/audit-acts.js';
import { HttpError, parseBody, parseQuery } from '../http/errors.js';
import { actorOf, resolveActor } from '../incidents/actor.js';
import { acknowledge, assign, IncidentCommandError, linkClarification, setStatus, type CommandContext, type CommandResult } from '../incidents/commands.js';
import { incidentDetail, incidentView, listIncidents, openIncidentsByUrgency } from '../incidents/read.js';
import type { Store } from '../../shared/store/store.js';

export interface IncidentRouteOptions {
  store: Store;
  now?: () => number;
}

const emptyQuerySchema = z.object({}).strict();

function parseId(req: Request): number {
  const r = incidentIdSchema.safeParse(req.params.id);
  if (!r.success) throw new HttpError(400, 'incident id must be a positive integer');
  return r.data;
}

/** Thin routes: validate, run the store query or command, answer JSON (errors as `{ error }`). */
export function incidentsRouter(o: IncidentRouteOptions): Router {
  const now = o.now ?? Date.now;
  const r = Router();
  const db = o.store.db;
  r.get('/incidents', async (req, res) => {
    const q = parseQuery(incidentListQuerySchema, req);
    res.json({ items: await listIncidents(db, q, now()) });
  });
  r.get('/incidents/handover', async (req, res) => {
    parseQuery(emptyQuerySchema, req);
    const t = now();
    const sheet: HandoverSheet = { generatedAt: new Date(t).toISOString(), items: await openIncidentsByUrgency(db, t) };
    res.json(sheet);
  });
  r.get('/incidents/:id', async (req, res) => {
    const id = parseId(req);
    const detail = await incidentDetail(db, id, now());
    if (!detail) throw new HttpError(404, `no incident ${id}`);
    res.json(detail);
  });

  // Middleware per route, not per router: other routers' requests must not meet the actor check.
  const who = resolveActor();
  const json = express.json({ limit: '16kb' });
  const post = <S extends z.ZodType>(action: string, schema: S, run: (c: CommandContext, body: z.infer<S>) => Promise<CommandResult>) => {
    r.post(`/incidents/:id/${action}`, who, json, async (req, res) => {
      const id = parseId(req);
      const body = parseBody(schema, req);
      const t = now();
      let result: CommandResult;
      try {
        result = await run({ store: auditedStore(res, o.store), id, actor: actorOf(res), now: t }, body);
      } catch (err) {
        if (err instanceof IncidentCommandError) throw new HttpError(err.status, err.message);
        throw err;
      }
      res.json({ changed: result.changed, incident: await incidentView(db, id, t) });
    });
  };
  post('acknowledge', acknowledgeBodySchema, (c) => acknowledge(c));
  post('assign', assignBodySchema, (c, b) => assign(c, b.assignee));
  post('status', statusBodySchema, (c, b) => setStatus(c, b));
  post('clarification', clarificationBodySchema, (c, b) => linkClarification(c, b.uid));
  return r;
}
