import { deleteRejectedBefore } from '../../shared/store/repos/rejected-items.js';
import { dropPartitionsBefore } from '../../shared/store/repos/partitions.js';
import { deleteMentionKeysBefore, deleteMentionsBefore } from '../../shared/store/repos/retention.js';
import type { Store } from '../../shared/store/store.js';

const DAY_MS = 86_400_000;

export interface RetentionPass {
  mentions: number;
  rejectedItems: number;
}

/**
 * Deletes what YUQING_RETENTION_DAYS says is too old: mentions created before the window (with
 * their rows in the topic and keyword indexes) and the payloads of rejected items recorded before
 * it. The aggregates, stories and incidents stay, so counts, charts and daily summaries of old
 * days are unchanged; only the posts themselves (searches, exports, threads) are gone. Each batch
 * is one short transaction, so the pipeline's batch writes wait for at most one of them.
 * PostgreSQL drops whole daily partitions first (see repos/retention.ts); what is left (the
 * default partition, the day the window starts in) goes in batches the same way.
 */
export function createRetention(store: Store, batchSize = 2000) {
  const batches = {
    mentions: (cutoff: number) => store.write((tx) => deleteMentionsBefore(tx, cutoff, batchSize)),
    keys: (cutoff: number) => store.write((tx) => deleteMentionKeysBefore(tx, cutoff, batchSize)),
    rejectedItems: (cutoff: number) => store.write((tx) => deleteRejectedBefore(tx, cutoff, batchSize)),
  };

  /** Deletes in batches until nothing older than `days` is left, yielding to the event loop between batches. */
  async function pass(days: number, now: number, stopped: () => boolean = () => false): Promise<RetentionPass> {
    const cutoff = now - days * DAY_MS;
    const done: RetentionPass = { mentions: 0, rejectedItems: 0 };
    if (store.backend === 'postgres') done.mentions += await store.write((tx) => dropPartitionsBefore(tx, cutoff));
    for (const key of ['mentions', 'keys', 'rejectedItems'] as const) {
      for (;;) {
        if (stopped()) return done;
        const n = await batches[key](cutoff);
        if (key !== 'keys') done[key] += n;
        if (n < batchSize) break;
        // Let the worker take its next job between batches.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    return done;
  }
  return { pass };
}

/** Runs a retention pass at start and then every `everyMs`; `stop()` ends a running pass after its current batch. */
export function startRetention(store: Store, o: { days: number; everyMs: number; onPass: (r: RetentionPass | Error) => void }) {
  const retention = createRetention(store);
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = running.then(async () => {
      try {
        o.onPass(await retention.pass(o.days, Date.now(), () => stopped));
      } catch (err) {
        o.onPass(err as Error);
      }
    });
  };
  run();
  const timer = setInterval(run, o.everyMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
