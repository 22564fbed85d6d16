import type { Mention } from './mention.js';

/** BullMQ queue that carries batches of validated mentions from every source to the workers. */
export const MENTIONS_QUEUE = 'mentions';

/** Largest batch one job carries; bigger inputs are split so one job stays well inside the lock time. */
export const MAX_MENTIONS_PER_JOB = 500;

export type IngestSource = 'api' | 'import' | 'demo' | 'connector';

export interface MentionBatchJob {
  /** Schema version of this payload, so old jobs left in Redis can be recognised after an upgrade. */
  v: 1;
  source: IngestSource;
  receivedAt: string;
  mentions: Mention[];
}

/** Redis pub/sub channels between workers and servers (the live bus; never the only copy of anything). */
export const CHANNELS = {
  /** Aggregate increments and new items after each committed batch (payload: BatchDelta). */
  delta: 'live:delta',
  /** Topic configuration changed in the store; workers reload it. */
  topicsChanged: 'config:topics',
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
