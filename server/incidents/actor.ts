import type { RequestHandler, Response } from 'express';
import { principalOf } from '../auth/principal.js';
import { HttpError } from '../http/errors.js';

/**
 * Who is acting on an incident or a review: the signed-in user (their username), as the
 * authorization middleware established it. The X-Yuqing-User header is no longer read: a typed
 * name is attribution, not identity.
 */
export function resolveActor(): RequestHandler {
  return (_req, res, next) => {
    const p = principalOf(res);
    if (p.kind !== 'user') return next(new HttpError(403, 'only a signed-in user can act on incidents and reviews'));
    res.locals.actor = p.user.username;
    next();
  };
}

export function actorOf(res: Response): string {
  const a: unknown = res.locals.actor;
  if (typeof a !== 'string') throw new Error('resolveActor did not run before this route');
  return a;
}
