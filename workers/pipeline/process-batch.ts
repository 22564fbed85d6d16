import { z } from 'zod';
import { mentionUid, parseMention, threadRootId, type Mention } from '../../shared/contracts/mention.js';
import type { BatchDelta } from '../../shared/contracts/live.js';
import type { IngestSource } from '../../shared/contracts/queue.js';
import type { Tagger } from '../nlp/tagger.js';
import type { Db } from '../store/open.js';
import { createBatchWriter } from '../store/write-batch.js';
import { buildBatchDelta } from './batch-delta.js';
import type { TaggedMention } from './tagged-mention.js';
import { loadThreadContext } from './thread-context.js';

/** Input that retrying can never fix: the job fails at once and is kept in the failed set. */
export class UnprocessableJobError extends Error {
  override name = 'UnprocessableJobError';
}

const jobPayloadSchema = z.object({
  v: z.literal(1),
  source: z.enum(['api', 'import', 'demo', 'connector']),
  receivedAt: z.string(),
  mentions: z.array(z.unknown()).max(10_000),
});

export interface BatchOutcome {
  stored: number;
  duplicates: number;
  /** Older than YUQING_RETENTION_DAYS: not stored. */
  expired: number;
  rejected: number;
}

export interface BatchProcessorDeps {
  db: Db;
  tagger: Tagger;
  publish: (delta: BatchDelta) => Promise<void>;
  warn: (msg: string, fields: Record<string, unknown>) => void;
  now?: () => number;
  /** YUQING_RETENTION_DAYS: mentions created before the window are not stored. */
  retentionDays?: number;
}

/** The work of one job: validate → tag → store (one transaction) → publish the live delta. */
export function createBatchProcessor(deps: BatchProcessorDeps) {
  const { db, tagger } = deps;
  const writer = createBatchWriter(db, { retentionDays: deps.retentionDays });
  const now = deps.now ?? Date.now;
  const recordRejected = db.prepare(
    'INSERT OR IGNORE INTO rejected_items (job_id, item_index, error, payload, at) VALUES (?, ?, ?, ?, ?)',
  );

  return async function processBatch(jobId: string, data: unknown): Promise<BatchOutcome> {
    const payload = jobPayloadSchema.safeParse(data);
    if (!payload.success) {
      recordRejected.run(jobId, -1, `bad job payload: ${payload.error.issues[0]?.message ?? 'invalid'}`, safeJson(data), now());
      throw new UnprocessableJobError(`job ${jobId} has no valid mention batch payload`);
    }
    const valid: Mention[] = [];
    const indexOf = new Map<Mention, number>();
    let rejected = 0;
    payload.data.mentions.forEach((item, i) => {
      const r = parseMention(item);
      if (r.ok) {
        valid.push(r.mention);
        indexOf.set(r.mention, i);
      } else {
        rejected++;
        recordRejected.run(jobId, i, r.error, safeJson(item), now());
      }
    });

    const contextOf = loadThreadContext(db, valid);
    const tagged: TaggedMention[] = [];
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
        rejected++;
        recordRejected.run(jobId, indexOf.get(m) ?? -1, `tagging failed: ${(err as Error).message}`, safeJson(m), now());
      }
    }

    const result = writer.write(tagged, payload.data.source as IngestSource, now());
    const delta = buildBatchDelta(result, now());
    if (delta) {
      try {
        await deps.publish(delta);
      } catch (err) {
        // The store is the truth; dashboards catch up on their next snapshot.
        deps.warn('live delta not published', { jobId, error: (err as Error).message });
      }
    }
    return { stored: result.inserted.length, duplicates: result.duplicates, expired: result.expired, rejected };
  };
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v)?.slice(0, 10_000) ?? 'undefined';
  } catch {
    return String(v);
  }
}
