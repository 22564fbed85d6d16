import { fork, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LAUNCHER = path.join(ROOT, 'bin/yuqing.mjs');

export interface ServerProcess {
  process: ChildProcess;
  baseUrl: string;
  stderr(): string;
  /** SIGTERM (as a service manager stops it) and wait for the exit code. */
  stop(): Promise<number | null>;
}

export interface WorkerProcess {
  process: ChildProcess;
  stop(): Promise<number | null>;
}

const exitOf = (c: ChildProcess) =>
  new Promise<number | null>((resolve) => (c.exitCode !== null || c.signalCode !== null ? resolve(c.exitCode) : c.once('exit', (code) => resolve(code))));

async function stopChild(c: ChildProcess): Promise<number | null> {
  const exited = exitOf(c);
  if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
  return exited;
}

/** The port a `yuqing server|start` child prints ("open http://localhost:PORT/live"); rejects if it exits first. */
export function announcedPort(child: ChildProcess, stderr: () => string, exited: Promise<{ code: number | null }>, what: string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const onData = () => {
      const m = /open http:\/\/localhost:(\d+)\/live/.exec(stderr());
      if (m) {
        child.stderr?.off('data', onData);
        resolve(Number(m[1]));
      }
    };
    child.stderr?.on('data', onData);
    void exited.then(({ code }) => reject(new Error(`${what} exited (${code}) before it was running:\n${stderr()}`)));
  });
}

/**
 * `yuqing server` as an operator starts one for scale-out (its own process, REDIS_URL and
 * DATABASE_URL from `env`), on a free port (PORT=0). Resolves once it prints where it runs.
 */
export async function startServerProcess(env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const child = spawn(process.execPath, [LAUNCHER, 'server'], { cwd: ROOT, env: { ...env, PORT: '0', HOST: '127.0.0.1' }, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  const exited = new Promise<{ code: number | null }>((resolve) => child.once('exit', (code) => resolve({ code })));
  const port = await announcedPort(child, () => err, exited, 'yuqing server');
  return { process: child, baseUrl: `http://127.0.0.1:${port}`, stderr: () => err, stop: () => stopChild(child) };
}

/** `yuqing worker`, forked as the supervisor forks it (its IPC channel says when it is ready). */
export async function startWorkerProcess(env: NodeJS.ProcessEnv): Promise<WorkerProcess> {
  const child = fork(LAUNCHER, ['worker'], { cwd: ROOT, env, stdio: 'inherit' });
  await new Promise<void>((resolve, reject) => {
    child.on('message', (m: { type?: string }) => m?.type === 'ready' && resolve());
    child.once('exit', (code) => reject(new Error(`worker exited before ready (code ${code})`)));
  });
  return { process: child, stop: () => stopChild(child) };
}
