import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import { ACTOR_HEADER, decodeActor } from '../../shared/contracts/incidents.js';
import { HttpError } from '../http/errors.js';

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Name used for commands sent with the admin token but no officer name. */
export const ADMIN_ACTOR = 'admin';

/**
 * Who is acting on an incident. Officers on the dashboard have no token: they send the name they
 * typed in `X-Yuqing-User` (attribution, not authentication). A tool may send the admin token
 * instead (`Authorization: Bearer`); a token that is sent must be valid. Requiring the custom
 * header also means a page on another site cannot forge a command: a cross-origin request carrying
 * it needs a CORS preflight this server never grants.
 */
export function resolveActor(adminToken: string): RequestHandler {
  return (req, res, next) => {
    const header = req.get('authorization');
    const named = decodeActor(req.get(ACTOR_HEADER));
    if (header !== undefined) {
      const given = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
      if (!given || !same(given, adminToken)) return next(new HttpError(403, 'the admin token is not valid'));
      res.locals.actor = named.ok ? named.actor : ADMIN_ACTOR;
      return next();
    }
    if (!named.ok) return next(new HttpError(400, named.error));
    res.locals.actor = named.actor;
    next();
  };
}

export function actorOf(res: Response): string {
  const a: unknown = res.locals.actor;
  if (typeof a !== 'string') throw new Error('resolveActor did not run before this route');
  return a;
}
