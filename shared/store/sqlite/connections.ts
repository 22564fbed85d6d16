import Database from 'better-sqlite3';
import { Worker } from 'node:worker_threads';
import { applyPragmas, WRITER_CACHE_KIB } from './pragmas.js';
import type { ThreadReply, ThreadRequest } from './reader-thread.js';
import { statementRunner, type StatementResult } from './statement-runner.js';

/** One connection to the embedded store, whether it runs here or in a worker thread. */
export interface SqliteConnection {
  run(sql: string, params: readonly unknown[]): Promise<StatementResult>;
  close(): Promise<void>;
}

/** A connection on this thread: for the workers, whose only job is writing batches. */
export function inProcessConnection(file: string): SqliteConnection {
  const db = new Database(file);
  applyPragmas(db);
  db.pragma(`cache_size = -${WRITER_CACHE_KIB}`);
  const run = statementRunner(db);
  return {
    run: (sql, params) => {
      try {
        return Promise.resolve(run(sql, params));
      } catch (err) {
        return Promise.reject(err as Error);
      }
    },
    close: async () => {
      db.close();
    },
  };
}

// The thread's code is TypeScript: register the same loader the launcher uses before importing it.
const BOOT = `
const { workerData } = require('node:worker_threads');
import('tsx/esm/api').then((m) => { m.register(); return import(workerData.entry); });
`;

/**
 * A connection owned by a worker thread, so that a long query (a summary over a big day, an export
 * page) never holds the server's event loop: the server only waits for the answer.
 */
export function threadConnection(file: string): SqliteConnection {
  const worker = new Worker(BOOT, {
    eval: true,
    workerData: { file, entry: new URL('./reader-thread.ts', import.meta.url).href },
  });
  const pending = new Map<number, { resolve(r: StatementResult): void; reject(e: Error): void }>();
  let next = 0;
  let failure: Error | null = null;
  const failAll = (err: Error) => {
    failure = err;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  worker.on('message', (reply: ThreadReply) => {
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    if (pending.size === 0) worker.unref();
    if (reply.ok) p.resolve(reply.result);
    else p.reject(Object.assign(new Error(reply.error.message), reply.error.code ? { code: reply.error.code } : {}));
  });
  worker.on('error', (err) => failAll(err));
  worker.on('exit', (code) => failAll(new Error(`store reader thread exited (${code})`)));
  // An idle thread must not keep a finished process (a CLI, a test) alive; a busy one must.
  worker.unref();
  return {
    run: (sql, params) =>
      new Promise((resolve, reject) => {
        if (failure) return reject(failure);
        const id = next++;
        if (pending.size === 0) worker.ref();
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, sql, params: [...params] } satisfies ThreadRequest);
      }),
    close: async () => {
      if (failure) return;
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.ref();
      worker.postMessage('close');
      await exited;
    },
  };
}
