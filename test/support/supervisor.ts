import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { announcedPort } from './processes.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface Supervisor {
  process: ChildProcess;
  baseUrl: string;
  dataDir: string;
  token: string;
  /** Everything the supervisor wrote on stderr so far (logs and the start banner). */
  stderr(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The local redis-server as the supervisor records it in DATA_DIR/redis/redis.json. */
  redis(): { pid: number; port: number };
  postMentions(mentions: unknown[]): Promise<Response>;
  health(): Promise<{ status: string; redis: string; mentions: number; queue: { waiting: number; active: number } }>;
  /** SIGTERM, as Ctrl-C or a service manager would, and wait for the exit. */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Whether a process exists and is not a zombie waiting to be reaped. */
export { isRunning } from '../../server/cli/process-alive.js';

/**
 * `yuqing start` exactly as a user runs it (its own local redis-server, no REDIS_URL), on a free
 * HTTP port and a data directory of its own, with the demo feed off. Resolves once it prints that
 * it is running.
 */
export async function startSupervisor(opts: { workers: number; dataDir?: string; token?: string }): Promise<Supervisor> {
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(tmpdir(), 'yuqing-test-start-'));
  const token = opts.token ?? randomBytes(12).toString('hex');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    YUQING_DEMO: '0',
    YUQING_WORKERS: String(opts.workers),
    YUQING_INGEST_TOKEN: token,
    YUQING_JOB_LOCK_MS: '4000',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
  };
  delete env.REDIS_URL;
  // Its own embedded store, whatever store the caller's environment names.
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['bin/yuqing.mjs', 'start'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const port = await announcedPort(child, () => err, exited, 'yuqing start');
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    process: child,
    baseUrl,
    dataDir,
    token,
    stderr: () => err,
    exited,
    redis: () => JSON.parse(readFileSync(path.join(dataDir, 'redis', 'redis.json'), 'utf8')) as { pid: number; port: number },
    postMentions: (mentions) =>
      fetch(`${baseUrl}/api/v1/mentions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(mentions),
      }),
    health: async () => (await (await fetch(`${baseUrl}/healthz`)).json()) as Awaited<ReturnType<Supervisor['health']>>,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
