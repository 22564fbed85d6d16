import express, { Router, type RequestHandler } from 'express';
import type { IngestResponse } from '../../shared/contracts/api.js';
import { HttpError } from '../http/errors.js';
import { QueueUnavailableError, type Ingestor } from '../ingest/ingestor.js';
import { splitNdjson, validateItems } from '../ingest/parse-items.js';

export interface IngestRouteOptions {
  ingestor: Ingestor;
  /** Per-token request limit (who may ingest is the ROUTE table's 'ingest-token' rule). */
  rateLimit: RequestHandler;
  /** createdAt must fall in [notBefore, now + maxFuture]. */
  notBeforeMs: number;
  maxFutureMs: number;
  maxBodyBytes: number;
  maxItems: number;
  /** Items refused at validation, once the request's accepted ones are queued (metrics). */
  onRejected?: (n: number) => void;
}

/** POST /api/v1/mentions: a JSON array or NDJSON of Mention; 202 only once the accepted ones are queued. */
export function ingestRouter(o: IngestRouteOptions): Router {
  const r = Router();
  r.post(
    '/mentions',
    o.rateLimit,
    express.json({ limit: o.maxBodyBytes, type: ['application/json', 'text/json'], strict: false }),
    express.text({ limit: o.maxBodyBytes, type: ['application/x-ndjson', 'application/jsonl', 'application/json-seq'] }),
    async (req, res) => {
      const items: unknown = typeof req.body === 'string' ? splitNdjson(req.body) : req.body;
      if (items === undefined || (typeof req.body !== 'string' && !req.is(['application/json', 'text/json']))) {
        throw new HttpError(415, 'send a JSON array (Content-Type: application/json) or NDJSON (Content-Type: application/x-ndjson)');
      }
      if (!Array.isArray(items)) throw new HttpError(400, 'body must be a JSON array of mentions (or NDJSON, one per line)');
      if (items.length > o.maxItems) {
        throw new HttpError(413, `${items.length} items is over the limit of ${o.maxItems} per request; split the batch`);
      }
      const { valid, rejected } = validateItems(items, { notBeforeMs: o.notBeforeMs, maxFutureMs: o.maxFutureMs, now: Date.now() });
      try {
        await o.ingestor.enqueue(valid, 'api');
      } catch (err) {
        if (err instanceof QueueUnavailableError) {
          res.set('Retry-After', '5');
          throw new HttpError(503, `${err.message}; nothing from this request was accepted, send it again later`);
        }
        throw err;
      }
      o.onRejected?.(rejected.length);
      const body: IngestResponse = { accepted: valid.length, rejected };
      res.status(202).json(body);
    },
  );
  return r;
}
