import type { Executor } from '../store.js';
import { chunksOf } from './chunks.js';

/** An item that reached a worker but can never be stored, kept for inspection. */
export interface RejectedItem {
  job_id: string;
  item_index: number;
  error: string;
  payload: string;
  at: number;
}

/** Records rejected items; the same (job, index) again (a redelivered job) is kept once. */
export async function recordRejected(db: Executor, rows: readonly RejectedItem[]): Promise<void> {
  for (const chunk of chunksOf(rows, 5)) {
    await db.insertInto('rejected_items').values(chunk).onConflict((oc) => oc.columns(['job_id', 'item_index']).doNothing()).execute();
  }
}

/** Deletes up to `limit` items recorded before `cutoff`; returns how many went. */
export async function deleteRejectedBefore(db: Executor, cutoff: number, limit: number): Promise<number> {
  const r = await db
    .deleteFrom('rejected_items')
    .where(({ eb, refTuple, selectFrom }) =>
      eb(refTuple('job_id', 'item_index'), 'in', selectFrom('rejected_items').select(['job_id', 'item_index']).where('at', '<', cutoff).limit(limit).$asTuple('job_id', 'item_index')),
    )
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
