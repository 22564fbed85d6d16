import type { ErrorRequestHandler, Request } from 'express';
import type { z } from 'zod';
import { describeIssues } from '../../shared/contracts/mention.js';
import type { Logger } from '../log.js';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: unknown,
    /** Extra top-level fields of the `{ error }` answer (e.g. a password policy's `problems`). */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** Validates a query string against a schema; a bad one is a 400 that says which parameter and why. */
export function parseQuery<S extends z.ZodType>(schema: S, req: Request): z.infer<S> {
  const r = schema.safeParse(req.query);
  if (!r.success) throw new HttpError(400, `invalid query: ${describeIssues(r.error)}`);
  return r.data;
}

/** Validates a JSON body against a schema; a bad one is a 400 that says which field and why. */
export function parseBody<S extends z.ZodType>(schema: S, req: Request): z.infer<S> {
  const r = schema.safeParse(req.body ?? {});
  if (!r.success) throw new HttpError(400, `invalid body: ${describeIssues(r.error)}`);
  return r.data;
}

/** Every error leaves as `{ error }` JSON with a status that says whose fault it was. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err: unknown, _req, res, _next) => {
    if (res.headersSent) {
      // A streamed answer (the CSV export) failed part-way: the status is gone, so cut the
      // connection rather than let a truncated file look complete.
      log.error({ err }, 'error after the answer had started');
      res.destroy();
      return;
    }
    if (err instanceof HttpError) {
      res.status(err.status).json({ error: err.message, ...(err.details === undefined ? {} : { details: err.details }), ...err.extra });
      return;
    }
    const e = err as { type?: string; status?: number; message?: string; limit?: number };
    if (e.type === 'entity.too.large') {
      res.status(413).json({ error: `body is larger than the limit of ${e.limit} bytes; split it into smaller batches` });
      return;
    }
    if (e.type === 'entity.parse.failed') {
      res.status(400).json({ error: `body is not valid JSON: ${e.message}` });
      return;
    }
    if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
      res.status(e.status).json({ error: e.message ?? 'bad request' });
      return;
    }
    log.error({ err }, 'unhandled error');
    res.status(500).json({ error: 'internal error' });
  };
}
