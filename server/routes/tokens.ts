import express, { Router } from 'express';
import { tokenCreateBodySchema } from '../../shared/contracts/auth.js';
import type { ApiTokens } from '../auth/api-tokens.js';
import { HttpError, parseBody } from '../http/errors.js';
import { adminActor, rethrowAccountError } from './users.js';

/** Named API tokens (tokens.manage): shown once on creation, revocable at once. */
export function tokensRouter(tokens: ApiTokens): Router {
  const r = Router();
  r.get('/tokens', async (_req, res) => {
    res.json({ items: await tokens.list() });
  });
  r.post('/tokens', express.json({ limit: '4kb' }), async (req, res) => {
    const body = parseBody(tokenCreateBodySchema, req);
    res.set('Cache-Control', 'no-store');
    res.status(201).json(await tokens.create(adminActor(req, res), body));
  });
  r.delete('/tokens/:id', async (req, res) => {
    const raw = String(req.params.id);
    if (!/^\d{1,15}$/.test(raw)) throw new HttpError(400, 'id must be a positive integer');
    await tokens.revoke(adminActor(req, res), Number(raw)).catch(rethrowAccountError);
    res.status(204).end();
  });
  return r;
}
