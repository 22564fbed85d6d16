import { z } from 'zod';
import type { Mention } from './mention.js';

/** BullMQ queue that carries batches of validated mentions from every source to the workers. */
export const MENTIONS_QUEUE = 'mentions';

/**
 * Largest batch one job carries; bigger inputs are split so one job stays well inside the lock
 * time. A job is one store transaction, and its fixed costs (the commit's fsync, the write lock's
 * hand-over between workers, the checkpoints) dominate small ones: with 1,000- and 2,000-mention
 * requests, jobs of up to 2,000 took `bench --system` from 1,947 to 2,429 and 3,069 mentions/s
 * end to end (jobs of 500 before).
 */
export const MAX_MENTIONS_PER_JOB = 2000;

export const ingestSourceSchema = z.enum(['api', 'import', 'demo', 'connector']);
export type IngestSource = z.infer<typeof ingestSourceSchema>;

/**
 * A job's payload as a worker checks it: the envelope strictly, the mentions only as a list,
 * because each is validated on its own afterwards (a bad item is recorded, the rest stored).
 */
export const mentionBatchJobSchema = z.object({
  /** Schema version of this payload, so old jobs left in Redis can be recognised after an upgrade. */
  v: z.literal(1),
  source: ingestSourceSchema,
  receivedAt: z.string(),
  mentions: z.array(z.unknown()).max(10_000),
});

/** What producers enqueue: the same envelope, with mentions they have validated. */
export type MentionBatchJob = Omit<z.infer<typeof mentionBatchJobSchema>, 'mentions'> & { mentions: Mention[] };

/** Redis pub/sub channels between workers and servers (the live bus; never the only copy of anything). */
export const CHANNELS = {
  /** Aggregate increments and new items after each committed batch (payload: BatchDelta). */
  delta: 'live:delta',
  /** Topic configuration changed in the store; workers reload it. */
  topicsChanged: 'config:topics',
  /** Alert rules changed in the store; workers reload their keyword watchlists. */
  alertRulesChanged: 'config:alert-rules',
} as const;

/** Channels live under the deployment's Redis prefix, like BullMQ's keys. */
export function channelName(prefix: string, channel: (typeof CHANNELS)[keyof typeof CHANNELS]): string {
  return `${prefix}:${channel}`;
}

/** Retry policy of every mention job: transient failures (store busy, crash) are retried with backoff. */
export const MENTION_JOB_OPTIONS = {
  attempts: 12,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { count: 1000 },
  // Failed jobs are the record of input that could never be stored: keep plenty for inspection.
  removeOnFail: { count: 50_000 },
} as const;
