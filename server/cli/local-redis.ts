import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Redis } from 'ioredis';
import type { Logger } from '../log.js';

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

/** URL of the Redis a running `yuqing start` manages for this data directory, if any. */
export function localRedisUrl(dataDir: string): string | undefined {
  const file = infoPath(dataDir);
  if (!existsSync(file)) return undefined;
  const info = JSON.parse(readFileSync(file, 'utf8')) as RedisInfoFile;
  return isAlive(info.pid) ? `redis://127.0.0.1:${info.port}` : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
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

async function waitForPing(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode}`);
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

/**
 * Starts Debian's redis-server as a child with its data (AOF, fsync on every write) under
 * DATA_DIR/redis, so a mention acknowledged with 202 survives a crash of the whole machine.
 * A Redis left behind by a previous run that was killed is stopped first.
 */
export async function startLocalRedis(dataDir: string, log: Logger): Promise<LocalRedis> {
  const bin = findRedisServer();
  if (!bin) {
    throw new Error('redis-server is not installed: run `npm run setup` (installs Debian\'s redis-server) or set REDIS_URL');
  }
  const dir = path.join(path.resolve(dataDir), 'redis');
  mkdirSync(dir, { recursive: true });
  const file = infoPath(dataDir);
  if (existsSync(file)) {
    const old = JSON.parse(readFileSync(file, 'utf8')) as RedisInfoFile;
    if (isAlive(old.pid)) {
      log.warn({ pid: old.pid }, 'stopping a Redis left running by an earlier start');
      process.kill(old.pid, 'SIGTERM');
      for (let i = 0; i < 100 && isAlive(old.pid); i++) await new Promise((r) => setTimeout(r, 100));
    }
  }
  const port = await freePort();
  const child = spawn(
    bin,
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'always',
      '--save', '', '--protected-mode', 'yes', '--daemonize', 'no', '--loglevel', 'warning'],
    // Own process group: Ctrl-C reaches only the supervisor, which stops Redis last.
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.on('data', (d: Buffer) => log.debug({ redis: d.toString().trim() }, 'redis-server'));
  child.stderr?.on('data', (d: Buffer) => log.warn({ redis: d.toString().trim() }, 'redis-server'));
  if (child.pid === undefined) throw new Error(`could not start ${bin}`);
  const url = `redis://127.0.0.1:${port}`;
  await waitForPing(url, child, 15_000);
  writeFileSync(file, JSON.stringify({ pid: child.pid as number, port } satisfies RedisInfoFile));
  log.info({ url, dir }, 'started a local redis-server (REDIS_URL not set)');
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM'); // redis flushes the AOF and exits
      await exited;
    },
  };
}
