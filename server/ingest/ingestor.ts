import type { Queue } from 'bullmq';
import type { Mention } from '../../shared/contracts/mention.js';
import {
  MAX_MENTIONS_PER_JOB,
  MENTION_JOB_OPTIONS,
  type IngestSource,
  type MentionBatchJob,
} from '../../shared/contracts/queue.js';

/** Redis could not take the batch; nothing of it was queued. */
export class QueueUnavailableError extends Error {
  override name = 'QueueUnavailableError';
}

export interface Ingestor {
  /** Resolves once every mention is durably queued, all or nothing. */
  enqueue(mentions: Mention[], source: IngestSource): Promise<void>;
}

/** The one way into the pipeline, used by the HTTP API, the file import and the demo feed. */
export function createIngestor(queue: Queue<MentionBatchJob>, isReady: () => boolean): Ingestor {
  return {
    async enqueue(mentions, source) {
      if (mentions.length === 0) return;
      if (!isReady()) throw new QueueUnavailableError('the queue (Redis) is not reachable');
      const receivedAt = new Date().toISOString();
      const jobs = [];
      for (let i = 0; i < mentions.length; i += MAX_MENTIONS_PER_JOB) {
        const data: MentionBatchJob = { v: 1, source, receivedAt, mentions: mentions.slice(i, i + MAX_MENTIONS_PER_JOB) };
        jobs.push({ name: source, data, opts: MENTION_JOB_OPTIONS });
      }
      try {
        // addBulk is one MULTI/EXEC: either every chunk of this request is queued or none is.
        await queue.addBulk(jobs);
      } catch (err) {
        throw new QueueUnavailableError(`the queue (Redis) did not accept the batch: ${(err as Error).message}`);
      }
    },
  };
}
