import { mentionUid, parseMention, threadRootId, type Mention } from '../../shared/contracts/mention.js';
import type { BatchDelta } from '../../shared/contracts/live.js';
import { mentionBatchJobSchema } from '../../shared/contracts/queue.js';
import { recordRejected, type RejectedItem } from '../../shared/store/repos/rejected-items.js';
import type { Store } from '../../shared/store/store.js';
import type { KeywordWatch } from '../alerts/keyword-watch.js';
import type { Tagger } from '../nlp/tagger.js';
import { createBatchWriter } from '../store/write-batch.js';
import { buildBatchDelta } from './batch-delta.js';
import type { TaggedMention } from './tagged-mention.js';
import { loadThreadContext } from './thread-context.js';

/** Input that retrying can never fix: the job fails at once and is kept in the failed set. */
export class UnprocessableJobError extends Error {
  override name = 'UnprocessableJobError';
}

export interface BatchOutcome {
  stored: number;
  duplicates: number;
  /** Older than YUQING_RETENTION_DAYS: not stored. */
  expired: number;
  rejected: number;
}

export interface BatchProcessorDeps {
  store: Store;
  tagger: Tagger;
  publish: (delta: BatchDelta) => Promise<void>;
  warn: (msg: string, fields: Record<string, unknown>) => void;
  now?: () => number;
  /** YUQING_RETENTION_DAYS: mentions created before the window are not stored. */
  retentionDays?: number;
  /** Keyword alert rules, counted in the batch's transaction. */
  keywords?: KeywordWatch;
  /** Where the tagging and store-write times of each batch go (the worker's metrics). */
  timing?: { tagged(seconds: number, mentions: number): void; stored(seconds: number): void };
}

const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;

/** The work of one job: validate → tag → store (one transaction) → publish the live delta. */
export function createBatchProcessor(deps: BatchProcessorDeps) {
  const { store, tagger } = deps;
  const writer = createBatchWriter(store, { retentionDays: deps.retentionDays, keywords: deps.keywords });
  const now = deps.now ?? Date.now;

  return async function processBatch(jobId: string, data: unknown): Promise<BatchOutcome> {
    const payload = mentionBatchJobSchema.safeParse(data);
    if (!payload.success) {
      const error = `bad job payload: ${payload.error.issues[0]?.message ?? 'invalid'}`;
      await recordRejected(store.db, [{ job_id: jobId, item_index: -1, error, payload: safeJson(data), at: now() }]);
      throw new UnprocessableJobError(`job ${jobId} has no valid mention batch payload`);
    }
    const valid: Mention[] = [];
    const indexOf = new Map<Mention, number>();
    // Items that can never be stored, recorded together before the batch is written.
    const rejected: RejectedItem[] = [];
    payload.data.mentions.forEach((item, i) => {
      const r = parseMention(item);
      if (r.ok) {
        valid.push(r.mention);
        indexOf.set(r.mention, i);
      } else {
        rejected.push({ job_id: jobId, item_index: i, error: r.error, payload: safeJson(item), at: now() });
      }
    });

    const contextOf = await loadThreadContext(store.db, valid);
    const tagged: TaggedMention[] = [];
    const tagStart = process.hrtime.bigint();
    for (const m of valid) {
      try {
        const { normalised, ...tags } = tagger.tag(m, contextOf(m));
        const rootId = m.kind === 'post' ? undefined : threadRootId(m);
        // A mention naming a place of the jurisdiction (topic configuration `places`) gets it as region.
        const place = m.region === undefined ? tagger.placeOf(normalised) : undefined;
        tagged.push({
          mention: place === undefined ? m : { ...m, region: place },
          uid: mentionUid(m),
          parentUid: m.parentId === undefined ? null : mentionUid({ platform: m.platform, id: m.parentId }),
          rootUid: m.rootId === undefined ? null : mentionUid({ platform: m.platform, id: m.rootId }),
          threadUid: mentionUid({ platform: m.platform, id: rootId ?? m.id }),
          tags,
          normalised,
        });
      } catch (err) {
        // A tagging bug for one text must not hold back the rest of the batch forever.
        rejected.push({ job_id: jobId, item_index: indexOf.get(m) ?? -1, error: `tagging failed: ${(err as Error).message}`, payload: safeJson(m), at: now() });
      }
    }

    deps.timing?.tagged(seconds(tagStart), tagged.length);

    await recordRejected(store.db, rejected);
    const writeStart = process.hrtime.bigint();
    const result = await writer.write(tagged, payload.data.source, now());
    deps.timing?.stored(seconds(writeStart));
    const delta = buildBatchDelta(result, now());
    if (delta) {
      try {
        await deps.publish(delta);
      } catch (err) {
        // The store is the truth; dashboards catch up on their next snapshot.
        deps.warn('live delta not published', { jobId, error: (err as Error).message });
      }
    }
    return { stored: result.inserted.length, duplicates: result.duplicates, expired: result.expired, rejected: rejected.length };
  };
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v)?.slice(0, 10_000) ?? 'undefined';
  } catch {
    return String(v);
  }
}
