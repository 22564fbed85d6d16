import { statSync } from 'node:fs';
import { checkpointWal, type CheckpointResult } from '../../shared/store/repos/maintenance.js';
import type { Store } from '../../shared/store/store.js';

export interface WalCheckpointOptions {
  /** A WAL this large is checkpointed at the next check. */
  maxBytes: number;
  /** A smaller, non-empty WAL is checkpointed when this long has passed since the last checkpoint. */
  idleMs: number;
  checkMs?: number;
  onResult: (r: CheckpointResult | Error) => void;
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0; // no WAL file yet (or just deleted by a closing connection)
  }
}

/**
 * Embedded store: checks the WAL's size every second from the writer side and checkpoints
 * (TRUNCATE, see checkpointWal) when it has passed `maxBytes`, or every `idleMs` when it holds
 * anything at all. The checkpoint queues for the writer's one connection, so it runs between
 * batches. The bound is therefore about `maxBytes` plus a second of writes whatever the load.
 * Every worker process runs one; a second checkpoint finds little to copy. PostgreSQL: nothing to do.
 */
export function startWalCheckpoints(store: Store, o: WalCheckpointOptions) {
  if (store.backend !== 'sqlite') return { stop: () => undefined };
  const walFile = `${store.location}-wal`;
  let last = Date.now();
  let busy = false;
  const timer = setInterval(() => {
    const size = sizeOf(walFile);
    if (busy || size === 0 || (size < o.maxBytes && Date.now() - last < o.idleMs)) return;
    last = Date.now();
    busy = true;
    checkpointWal(store.db)
      .then((r) => r && o.onResult(r), (err: Error) => o.onResult(err))
      .finally(() => (busy = false));
  }, o.checkMs ?? 1000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
