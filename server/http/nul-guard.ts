import type { RequestHandler } from 'express';

/**
 * Refuses a URL that carries U+0000 (`%00`) in its path or query with a 400. No parameter of ours
 * is meant to hold it, and PostgreSQL text cannot: passed on, it would fail the query with a 500.
 */
export function refuseNulInUrl(): RequestHandler {
  return (req, res, next) => {
    if (!/%00/i.test(req.originalUrl)) return next();
    res.status(400).json({ error: 'the URL contains a NUL character (%00), which no parameter accepts' });
  };
}
