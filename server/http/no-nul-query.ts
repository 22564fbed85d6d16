import type { RequestHandler } from 'express';
import { HttpError } from './errors.js';

/**
 * Refuses a query string with a NUL character in any value (400, naming the parameter) before any
 * route reads it: no filter legitimately holds one, and PostgreSQL refuses it in a text parameter,
 * which would otherwise surface as a 500, or cut a streamed export off after its first line.
 */
export function refuseNulInQuery(): RequestHandler {
  return (req, _res, next) => {
    for (const [key, value] of Object.entries(req.query)) {
      const values: unknown[] = Array.isArray(value) ? value : [value];
      if (key.includes('\u0000') || values.some((v) => typeof v === 'string' && v.includes('\u0000'))) {
        return next(new HttpError(400, `query parameter ${JSON.stringify(key)} must not contain a NUL character`));
      }
    }
    next();
  };
}
