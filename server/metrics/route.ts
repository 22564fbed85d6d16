import { Router } from 'express';
import type { Ingestor } from '../ingest/ingestor.js';
import type { ServerMetrics } from './server-metrics.js';

/** GET /metrics in Prometheus' text format (who may scrape: the ROUTE table's 'metrics-token' rule). */
export function metricsRouter(metrics: ServerMetrics): Router {
  const r = Router();
  r.get('/metrics', async (_req, res) => {
    const body = await metrics.text();
    res.set('Content-Type', metrics.contentType).set('Cache-Control', 'no-store').send(body);
  });
  return r;
}

/** The ingestor, counting what every source of this server (API, demo feed) got into the queue. */
export function countingIngestor(ingestor: Ingestor, metrics: ServerMetrics): Ingestor {
  return {
    async enqueue(mentions, source) {
      await ingestor.enqueue(mentions, source);
      metrics.accepted(source, mentions.length);
    },
  };
}
