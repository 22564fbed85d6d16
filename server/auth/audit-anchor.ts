import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { auditTail, checkAuditAnchor, type AuditAnchor } from '../../shared/store/repos/audit.js';
import type { Store } from '../../shared/store/store.js';
import type { Logger } from '../log.js';

/**
 * The audit log's anchor outside the database: the newest row's (id, hash, time), rewritten in
 * DATA_DIR/audit-anchor (0600) after every write transaction of the process has committed, and
 * every 30 s. The hash chain shows an edited, inserted or removed row in the middle, but not the
 * newest rows removed: the anchor does (`yuqing audit verify` compares it with the store). It only
 * ever moves forward, and only when the anchored row is still there unchanged, so a tampered tail
 * stays on record until an operator looks into it.
 */
export const ANCHOR_FILE = 'audit-anchor';
const PERIODIC_MS = 30_000;

const anchorSchema = z.object({ id: z.number().int().positive(), hash: z.string().regex(/^[0-9a-f]{64}$/), at: z.number().int().nonnegative() });

export function anchorPath(dataDir: string): string {
  return path.join(dataDir, ANCHOR_FILE);
}

export type AnchorFile = { state: 'missing' } | { state: 'unreadable'; reason: string } | { state: 'ok'; anchor: AuditAnchor };

export function readAnchor(dataDir: string): AnchorFile {
  const file = anchorPath(dataDir);
  if (!existsSync(file)) return { state: 'missing' };
  try {
    const parsed = anchorSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? { state: 'ok', anchor: parsed.data } : { state: 'unreadable', reason: parsed.error.issues[0]?.message ?? 'bad shape' };
  } catch (err) {
    return { state: 'unreadable', reason: (err as Error).message };
  }
}

/** Whole or not at all: written beside, then renamed over the old one. */
export function writeAnchor(dataDir: string, a: AuditAnchor): void {
  const file = anchorPath(dataDir);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify({ id: a.id, hash: a.hash, at: a.at })}\n`, { mode: 0o600 });
  renameSync(tmp, file);
}

export interface AuditAnchorKeeper {
  /** The store to write through: after each committed write the anchor follows the tail. */
  store: Store;
  /** Brings the anchor up to the stored tail (or reports why it cannot). Never throws. */
  advance(): Promise<void>;
  stop(): void;
}

export function startAuditAnchor(o: { store: Store; dataDir: string; log: Logger; now?: () => number; everyMs?: number }): AuditAnchorKeeper {
  const now = o.now ?? Date.now;
  let known: AuditAnchor | undefined;
  let lastProblem = '';
  const problem = (reason: string) => {
    if (reason === lastProblem) return;
    lastProblem = reason;
    o.log.error({ reason, anchor: anchorPath(o.dataDir) }, 'the audit log does not match its anchor: its newest rows were removed or replaced (run `yuqing audit verify`); the anchor is kept as it is');
  };

  const step = async () => {
    const file = readAnchor(o.dataDir);
    if (file.state === 'unreadable') return problem(`the anchor file is unreadable (${file.reason})`);
    // Another process on this DATA_DIR (the user CLI) may have moved it on; the newest of the two counts.
    if (file.state === 'ok' && (!known || file.anchor.id >= known.id)) known = file.anchor;
    if (known) {
      const check = await checkAuditAnchor(o.store.db, known, now());
      if (!check.ok) return problem(check.reason);
    }
    const tail = await auditTail(o.store.db);
    if (!tail || (known && tail.id <= known.id && file.state === 'ok')) return;
    const next = known && tail.id < known.id ? known : tail;
    writeAnchor(o.dataDir, next);
    known = next;
    lastProblem = '';
  };

  // At most one step running and one waiting: a burst of writes costs two steps, not one each.
  let chain: Promise<void> = Promise.resolve();
  let waiting: Promise<void> | null = null;
  const advance = (): Promise<void> => {
    if (waiting) return waiting;
    const run = chain.then(async () => {
      waiting = null;
      try {
        await step();
      } catch (err) {
        o.log.warn({ error: (err as Error).message }, 'could not update the audit anchor');
      }
    });
    waiting = run;
    chain = run;
    return run;
  };

  const timer = setInterval(() => void advance(), o.everyMs ?? PERIODIC_MS);
  timer.unref();
  void advance();

  const store: Store = {
    backend: o.store.backend,
    location: o.store.location,
    db: o.store.db,
    close: () => o.store.close(),
    async write(fn) {
      const out = await o.store.write(fn);
      // Committed: the anchor follows before the caller answers, so the newest row is covered at once.
      await advance();
      return out;
    },
  };
  return { store, advance, stop: () => clearInterval(timer) };
}
