import type { Db } from './open.js';

const DAY_MS = 86_400_000;

export interface RetentionPass {
  mentions: number;
  rejectedItems: number;
}

/**
 * Deletes what YUQING_RETENTION_DAYS says is too old: mentions created before the window (with
 * their rows in the topic index) and the payloads of rejected items recorded before it. The
 * per-minute aggregates, stories and incidents stay, so counts, charts and daily summaries of
 * old days are unchanged; only the posts themselves (searches, exports, threads) are gone.
 * Each batch is one short IMMEDIATE transaction, so the pipeline's batch writes wait for at
 * most one of them.
 */
export function createRetention(db: Db, batchSize = 2000) {
  const pick = db.prepare('SELECT uid, created_at, topics FROM mentions WHERE created_at < ? ORDER BY created_at, uid LIMIT ?');
  const deleteMention = db.prepare('DELETE FROM mentions WHERE uid = ?');
  const deleteTopic = db.prepare('DELETE FROM mention_topics WHERE topic = ? AND created_at = ? AND uid = ?');
  const deleteRejected = db.prepare('DELETE FROM rejected_items WHERE rowid IN (SELECT rowid FROM rejected_items WHERE at < ? LIMIT ?)');

  const mentionBatch = db.transaction((cutoff: number): number => {
    const rows = pick.all(cutoff, batchSize) as { uid: string; created_at: number; topics: string }[];
    for (const r of rows) {
      for (const topic of JSON.parse(r.topics) as string[]) deleteTopic.run(topic, r.created_at, r.uid);
      deleteMention.run(r.uid);
    }
    return rows.length;
  });
  const rejectedBatch = db.transaction((cutoff: number): number => deleteRejected.run(cutoff, batchSize).changes);

  /** Deletes in batches until nothing older than `days` is left, yielding to the event loop between batches. */
  async function pass(days: number, now: number, stopped: () => boolean = () => false): Promise<RetentionPass> {
    const cutoff = now - days * DAY_MS;
    const done: RetentionPass = { mentions: 0, rejectedItems: 0 };
    for (const [key, batch] of [['mentions', mentionBatch], ['rejectedItems', rejectedBatch]] as const) {
      for (;;) {
        if (stopped()) return done;
        const n = batch.immediate(cutoff);
        done[key] += n;
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
export function startRetention(db: Db, o: { days: number; everyMs: number; onPass: (r: RetentionPass | Error) => void }) {
  const retention = createRetention(db);
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
