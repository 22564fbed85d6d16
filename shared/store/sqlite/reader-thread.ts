import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { applyPragmas } from './pragmas.js';
import { statementRunner, type StatementResult } from './statement-runner.js';

/** A worker thread that owns one connection to the embedded store and runs what the main thread sends it. */
export interface ThreadRequest {
  id: number;
  sql: string;
  params: unknown[];
}
export type ThreadReply = { id: number; ok: true; result: StatementResult } | { id: number; ok: false; error: { message: string; code?: string } };

if (parentPort) {
  const port = parentPort;
  const db = new Database((workerData as { file: string }).file);
  applyPragmas(db);
  const run = statementRunner(db);
  port.on('message', (req: ThreadRequest | 'close') => {
    if (req === 'close') {
      db.close();
      process.exit(0);
    }
    let reply: ThreadReply;
    try {
      reply = { id: req.id, ok: true, result: run(req.sql, req.params) };
    } catch (err) {
      const e = err as { message: string; code?: string };
      reply = { id: req.id, ok: false, error: { message: e.message, ...(e.code ? { code: e.code } : {}) } };
    }
    port.postMessage(reply);
  });
}
