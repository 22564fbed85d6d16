import type { RequestHandler } from 'express';
import type { RouteEntry } from '../../shared/contracts/roles.js';
import type { Store } from '../../shared/store/store.js';

/**
 * Until the store refactor lands, the server writes through two handles to one SQLite file: the old
 * synchronous better-sqlite3 one (incident commands, reviews, topics) and the async store (accounts,
 * audit). A synchronous write that meets the async store's open transaction busy-waits on the main
 * thread, which is the thread the async transaction needs to finish: a deadlock until busy_timeout.
 * So both kinds take turns through this gate. It goes when everything writes through the async store.
 */
export function createWriteGate() {
  let tail: Promise<void> = Promise.resolve();
  const acquire = (): Promise<() => void> => {
    let release!: () => void;
    const mine = new Promise<void>((r) => (release = r));
    const before = tail;
    tail = before.then(() => mine);
    return before.then(() => release);
  };
  return {
    acquire,
    /** The store, with every write transaction taken through the gate. */
    gated(store: Store): Store {
      return {
        ...store,
        backend: store.backend,
        location: store.location,
        db: store.db,
        write: async (fn) => {
          const release = await acquire();
          try {
            return await store.write(fn);
          } finally {
            release();
          }
        },
        close: () => store.close(),
      };
    },
  };
}

/** Routes whose handler writes through the old synchronous handle. */
const OLD_HANDLE_WRITES = new Set([
  'POST /api/v1/incidents/:id/acknowledge',
  'POST /api/v1/incidents/:id/assign',
  'POST /api/v1/incidents/:id/status',
  'POST /api/v1/incidents/:id/clarification',
  'POST /api/v1/mentions/:uid/review',
  'PUT /api/v1/topics',
]);

/** Holds the gate from the start of such a request until its answer is sent (or the client leaves). */
export function holdGateForOldWrites(gate: ReturnType<typeof createWriteGate>): RequestHandler {
  return async (_req, res, next) => {
    const route = res.locals.route as RouteEntry | undefined;
    if (!route || !OLD_HANDLE_WRITES.has(`${route.method} ${route.path}`)) return next();
    const release = await gate.acquire();
    let done = false;
    const once = () => {
      if (done) return;
      done = true;
      release();
    };
    res.once('finish', once);
    res.once('close', once);
    next();
  };
}
