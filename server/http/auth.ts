import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { HttpError } from './errors.js';

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Accepts `Authorization: Bearer <token>` or `X-Yuqing-Token: <token>`. */
export function requireToken(token: string, what: string): RequestHandler {
  return (req, _res, next) => {
    const header = req.get('authorization');
    const given = header?.startsWith('Bearer ') ? header.slice(7).trim() : req.get('x-yuqing-token');
    if (!given) return next(new HttpError(401, `${what} needs a token: send "Authorization: Bearer <token>"`));
    if (!same(given, token)) return next(new HttpError(403, `the ${what} token is not valid`));
    next();
  };
}
