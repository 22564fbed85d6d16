import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Redis } from 'ioredis';
import type { Logger } from '../log.js';
import { underParentWatchdog } from './parent-watchdog.js';
import { isRunning } from './process-alive.js';

export interface LocalRedis {
  url: string;
  stop(): Promise<void>;
}

interface RedisInfoFile {
  pid: number;
  port: number;
}

function infoPath(dataDir: string): string {
  return path.join(path.resolve(dataDir), 'redis', 'redis.json');
}

function passwordPath(dataDir: string): string {
  return path.join(path.resolve(dataDir), 'redis', 'password');
}

/**
 * The local Redis's password: generated on first start and kept in DATA_DIR/redis/password (0600),
 * so a job cannot be queued into BullMQ by anyone who merely reaches the port.
 */
function localRedisPassword(dataDir: string): string {
  const file = passwordPath(dataDir);
  if (existsSync(file)) {
    const saved = readFileSync(file, 'utf8').trim();
    if (/^[A-Za-z0-9_-]{32,}$/.test(saved)) return saved;
  }
  const password = randomBytes(32).toString('base64url');
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return password;
}

function urlWith(password: string, port: number): string {
  return `redis://:${password}@127.0.0.1:${port}`;
}

/** A Redis URL without its password, for logs. */
export function redactRedisUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'redis://(unparsable URL)';
  }
}

/** URL of the Redis a running `yuqing start` manages for this data directory, if any. */
export function localRedisUrl(dataDir: string): string | undefined {
  const file = infoPath(dataDir);
  if (!existsSync(file)) return undefined;
  const info = JSON.parse(readFileSync(file, 'utf8')) as RedisInfoFile;
  if (!isRunning(info.pid)) return undefined;
  const pw = existsSync(passwordPath(dataDir)) ? readFileSync(passwordPath(dataDir), 'utf8').trim() : '';
  return pw ? urlWith(pw, info.port) : `redis://127.0.0.1:${info.port}`;
}


export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export function findRedisServer(): string | undefined {
  const r = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  const found = r.stdout.trim();
  return found || undefined;
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

async function waitForPing(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited(child)) throw new Error(`redis-server exited (${child.exitCode ?? child.signalCode})`);
    const c = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    c.on('error', () => undefined);
    try {
      await c.connect();
      if ((await c.ping()) === 'PONG') return;
    } catch {
      // not up yet
    } finally {
      c.disconnect();
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('redis-server did not answer within the start-up time');
}

/** A Redis left behind by an earlier start that could not stop it is stopped (it flushes its AOF first). */
async function stopLeftover(file: string, log: Logger): Promise<void> {
  if (!existsSync(file)) return;
  const old = JSON.parse(readFileSync(file, 'utf8')) as RedisInfoFile;
  if (!isRunning(old.pid)) return;
  log.warn({ pid: old.pid }, 'stopping a Redis left running by an earlier start');
  process.kill(old.pid, 'SIGTERM');
  for (let i = 0; i < 100 && isRunning(old.pid); i++) await new Promise((r) => setTimeout(r, 100));
}

/** Restart back-off: 0.5 s, 1 s, 2 s … up to 30 s; a Redis that stayed up this long starts the count again. */
const RESTART_MAX_MS = 30_000;
const STABLE_AFTER_MS = 60_000;

/**
 * Starts Debian's redis-server as a child with its data (AOF, fsync on every write) under
 * DATA_DIR/redis, so a mention acknowledged with 202 survives a crash of the whole machine.
 * A redis-server that dies is restarted with back-off on the same port and data (its AOF gives
 * back the queue), so the server's and workers' connections, which retry on their own, find it
 * again. It runs under a watchdog that stops it when this supervisor is gone, so a supervisor
 * killed with -9 leaves no Redis behind for long; one that is still there at the next start
 * (watchdog killed too) is stopped then.
 */
export async function startLocalRedis(dataDir: string, log: Logger): Promise<LocalRedis> {
  const bin = findRedisServer();
  if (!bin) {
    throw new Error('redis-server is not installed: run `npm run setup` (installs Debian\'s redis-server) or set REDIS_URL');
  }
  const dir = path.join(path.resolve(dataDir), 'redis');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const file = infoPath(dataDir);
  await stopLeftover(file, log);
  const port = await freePort();
  const password = localRedisPassword(dataDir);
  const url = urlWith(password, port);
  // The password goes in an owner-only config file, not on the command line (`ps` shows arguments to everyone).
  const conf = path.join(dir, 'redis.conf');
  writeFileSync(conf, `requirepass "${password}"\n`, { mode: 0o600 });
  chmodSync(conf, 0o600);
  const args = [conf, '--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'always',
    '--save', '', '--protected-mode', 'yes', '--daemonize', 'no', '--loglevel', 'warning'];

  let stopping = false;
  let restarts = 0;
  let restartTimer: NodeJS.Timeout | undefined;
  let stableTimer: NodeJS.Timeout | undefined;

  const launch = (): ChildProcess => {
    const [cmd, argv] = underParentWatchdog(bin, args);
    // Own process group: Ctrl-C reaches only the supervisor, which stops Redis last.
    const c = spawn(cmd, argv, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    c.stdout?.on('data', (d: Buffer) => log.debug({ redis: d.toString().trim() }, 'redis-server'));
    c.stderr?.on('data', (d: Buffer) => log.warn({ redis: d.toString().trim() }, 'redis-server'));
    c.once('exit', (code, signal) => {
      clearTimeout(stableTimer);
      if (stopping) return;
      const delay = Math.min(RESTART_MAX_MS, 500 * 2 ** restarts++);
      log.error({ code, signal, restartInMs: delay, url: redactRedisUrl(url) }, 'local redis-server exited unexpectedly; restarting it on the same port and data');
      restartTimer = setTimeout(() => void relaunch(), delay);
    });
    return c;
  };
  const up = (c: ChildProcess) => {
    writeFileSync(file, JSON.stringify({ pid: c.pid as number, port } satisfies RedisInfoFile));
    stableTimer = setTimeout(() => (restarts = 0), STABLE_AFTER_MS);
    stableTimer.unref();
  };
  const relaunch = async () => {
    if (stopping) return;
    child = launch();
    const c = child;
    try {
      await waitForPing(url, c, 15_000);
      up(c);
      log.info({ url: redactRedisUrl(url), pid: c.pid }, 'local redis-server restarted');
    } catch (err) {
      if (stopping) return; // stopped by shutdown while starting up
      log.error({ error: (err as Error).message }, 'restarted redis-server does not answer');
      // A hung one is killed so its exit schedules the next attempt; a dead one already has.
      if (!exited(c)) c.kill('SIGKILL');
    }
  };

  let child = launch();
  try {
    if (child.pid === undefined) throw new Error(`could not start ${bin}`);
    await waitForPing(url, child, 15_000);
  } catch (err) {
    // A Redis that cannot start at all is the user's to fix (the error says why), not to retry.
    stopping = true;
    clearTimeout(restartTimer);
    if (!exited(child)) child.kill('SIGKILL');
    throw err;
  }
  up(child);
  log.info({ url: redactRedisUrl(url), dir }, 'started a local redis-server (REDIS_URL not set)');
  return {
    url,
    stop: async () => {
      stopping = true;
      clearTimeout(restartTimer);
      clearTimeout(stableTimer);
      if (exited(child)) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM'); // redis flushes the AOF and exits
      await gone;
    },
  };
}
