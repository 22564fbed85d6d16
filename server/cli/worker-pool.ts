import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../log.js';

const LAUNCHER = fileURLToPath(new URL('../../bin/yuqing.mjs', import.meta.url));

/**
 * Worker processes, one per core by default: tagging is CPU work that must not share the server's
 * event loop. A worker that dies unexpectedly is restarted; its job in hand is taken over by BullMQ
 * once its lock expires, and the store's uid key makes the replay count nothing twice.
 */
export function startWorkerPool(count: number, env: NodeJS.ProcessEnv, log: Logger) {
  const children = new Set<ChildProcess>();
  let stopping = false;

  const spawnOne = (slot: number, restarts = 0) => {
    const child = fork(LAUNCHER, ['worker'], { env: { ...env, YUQING_WORKER_SLOT: String(slot) }, detached: true, stdio: 'inherit' });
    children.add(child);
    child.on('exit', (code, signal) => {
      children.delete(child);
      if (stopping) return;
      const delay = Math.min(30_000, 500 * 2 ** restarts);
      log.error({ slot, code, signal, restartInMs: delay }, 'worker exited unexpectedly; restarting');
      setTimeout(() => !stopping && spawnOne(slot, restarts + 1), delay).unref();
    });
  };
  for (let i = 0; i < count; i++) spawnOne(i);

  return {
    size: () => children.size,
    /** Asks every worker to finish its batch in hand and waits until all have exited. */
    async stop(timeoutMs = 60_000): Promise<void> {
      stopping = true;
      const exits = [...children].map(
        (c) => new Promise<void>((resolve) => (c.exitCode !== null || c.signalCode !== null ? resolve() : c.once('exit', () => resolve()))),
      );
      for (const c of children) c.kill('SIGTERM');
      const timer = setTimeout(() => {
        log.error('workers did not stop in time; killing them (their jobs will be redelivered)');
        for (const c of children) c.kill('SIGKILL');
      }, timeoutMs);
      await Promise.all(exits);
      clearTimeout(timer);
    },
  };
}
