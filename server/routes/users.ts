import express, { Router, type Request, type Response } from 'express';
import { resetPasswordBodySchema, securitySettingsSchema, userCreateBodySchema, userPatchBodySchema } from '../../shared/contracts/auth.js';
import { AccountError } from '../auth/accounts.js';
import type { AdminActor, AdminUsers } from '../auth/admin-users.js';
import { clientIp, signedInUser } from '../auth/principal.js';
import { HttpError, parseBody } from '../http/errors.js';

export function adminActor(req: Request, res: Response): AdminActor {
  const p = signedInUser(res);
  return { actor: p.user.username, roles: p.user.roles, ip: clientIp(req) };
}

function parseId(req: Request): number {
  const id = Number(req.params.id);
  if (!Number.isSafeInteger(id) || id < 1 || !/^\d+$/.test(String(req.params.id))) throw new HttpError(400, 'id must be a positive integer');
  return id;
}

export function rethrowAccountError(err: unknown): never {
  if (err instanceof AccountError) throw new HttpError(err.status, err.message);
  throw err;
}

/** User administration and security settings (users.manage / settings.write in the ROUTE table). */
export function usersRouter(users: AdminUsers): Router {
  const r = Router();
  const json = express.json({ limit: '8kb' });
  r.get('/users', async (_req, res) => {
    res.json({ items: await users.list() });
  });
  r.post('/users', json, async (req, res) => {
    const body = parseBody(userCreateBodySchema, req);
    res.set('Cache-Control', 'no-store');
    res.status(201).json(await users.create(adminActor(req, res), body).catch(rethrowAccountError));
  });
  r.patch('/users/:id', json, async (req, res) => {
    const id = parseId(req);
    const body = parseBody(userPatchBodySchema, req);
    res.json({ user: await users.patch(adminActor(req, res), id, body).catch(rethrowAccountError) });
  });
  r.post('/users/:id/reset-password', json, async (req, res) => {
    const id = parseId(req);
    const body = parseBody(resetPasswordBodySchema, req);
    res.set('Cache-Control', 'no-store');
    res.json({ oneTimePassword: await users.resetPassword(adminActor(req, res), id, body.resetTotp).catch(rethrowAccountError) });
  });
  r.get('/settings/security', async (_req, res) => {
    res.json(await users.readSecurity());
  });
  r.put('/settings/security', json, async (req, res) => {
    const body = parseBody(securitySettingsSchema, req);
    res.json(await users.saveSecurity(adminActor(req, res), body));
  });
  return r;
}
