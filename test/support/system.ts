import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, inject } from 'vitest';
import { parseEnv } from '../../shared/config/env.js';
import { createApplication, type Application } from '../../server/app.js';
import type { NotifyOptions } from '../../server/notify/mount.js';
import { createLogger } from '../../server/log.js';
import { backendOf, openStore, type Backend, type Store } from '../../shared/store/store.js';
import { ROLES } from '../../shared/contracts/roles.js';
import { closeTestStore, signInAs, useTestStore, type Credentials } from './accounts.js';
import { createTestDatabase, stopTestCluster } from './stores.js';

/**
 * YUQING_TEST_BACKEND=postgres (or a postgres:// DATABASE_URL in the environment) runs the
 * integration tests that take the default store on PostgreSQL instead of the embedded SQLite
 * (README, Test); tests that choose a backend keep theirs.
 */
export function defaultTestBackend(): Backend {
  // `DATABASE_URL=postgres://… npm test` means "on PostgreSQL": throwaway databases, never that one.
  const b = process.env.YUQING_TEST_BACKEND ?? backendOf(process.env.DATABASE_URL);
  if (b !== 'sqlite' && b !== 'postgres') throw new Error(`YUQING_TEST_BACKEND must be sqlite or postgres, not ${b}`);
  return b;
}

let systemsOnCluster = 0;

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LAUNCHER = path.join(ROOT, 'bin/yuqing.mjs');

export interface WorkerHandle {
  process: ChildProcess;
  ready: Promise<void>;
  exited: Promise<number | null>;
}

export interface TestSystem {
  baseUrl: string;
  token: string;
  dataDir: string;
  env: NodeJS.ProcessEnv;
  workers: WorkerHandle[];
  /** The server's store (mode 'read'), for tests that look at what is stored. */
  store: Store;
  /** The running application (its declared routes, its ingestor). */
  app: Application;
  /** Signed in with every role (the tests of features, not of permissions, act as this user). */
  auth: Credentials;
  /** fetch() as `auth` (cookie + CSRF); a path is taken relative to baseUrl. */
  fetch(pathOrUrl: string, init?: RequestInit): Promise<Response>;
  /** Socket.IO client options that carry `auth`'s session cookie. */
  socketOptions(): { transports: ['websocket']; extraHeaders: Record<string, string> };
  postMentions(mentions: unknown[] | string, contentType?: string): Promise<Response>;
  /** GET a JSON answer, failing the test unless it is 200. */
  getJson<T>(path: string): Promise<T>;
  /** Mentions in the store, as /healthz reports them. */
  storedCount(): Promise<number>;
  /** Waits until no job is waiting or in hand, so counts are final. */
  drained(): Promise<void>;
  startWorker(extraEnv?: NodeJS.ProcessEnv): WorkerHandle;
  /** Stops the server (and optionally restarts it on the same port), to test the dashboard's offline state. */
  stopServer(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A real yuqing on free ports: the HTTP + Socket.IO server in this process (serving the built
 * dashboard) and worker processes launched exactly as `yuqing start` does, all on the test run's
 * real Redis under a unique key prefix and a fresh data directory.
 */
export async function startSystem(
  opts: {
    workers?: number;
    jobLockMs?: number;
    redisUrl?: string;
    /** Kept on stop: the caller owns it. */
    dataDir?: string;
    /** DATABASE_URL: a PostgreSQL store (the caller owns the database). */
    databaseUrl?: string;
    /**
     * The store when no databaseUrl is given: 'sqlite' (DATA_DIR/yuqing.db), or 'postgres' (a fresh
     * database on this test file's throwaway cluster). Default: YUQING_TEST_BACKEND, else 'sqlite'.
     */
    backend?: Backend;
    /** More settings for the server and workers (e.g. a short YUQING_SESSION_IDLE_MINUTES). */
    env?: NodeJS.ProcessEnv;
    /** Alert evaluation and delivery settings (the clock, the tick, retries). */
    notify?: Partial<NotifyOptions>;
  } = {},
): Promise<TestSystem> {
  const redisUrl = opts.redisUrl ?? inject('redisUrl');
  const backend = opts.backend ?? defaultTestBackend();
  // A database of our own on the file's cluster, when the caller gave none: stopped with the last system using it.
  const ownDatabase = !opts.databaseUrl && backend === 'postgres';
  const databaseUrl = opts.databaseUrl ?? (ownDatabase ? await createTestDatabase() : undefined);
  if (ownDatabase) systemsOnCluster++;
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(tmpdir(), 'yuqing-test-data-'));
  const token = randomBytes(12).toString('hex');
  // The caller's own DATABASE_URL never reaches a test system (see defaultTestBackend).
  const { DATABASE_URL: _callers, ...inherited } = process.env;
  const envVars: NodeJS.ProcessEnv = {
    ...inherited,
    NODE_ENV: 'test',
    REDIS_URL: redisUrl,
    DATA_DIR: dataDir,
    YUQING_REDIS_PREFIX: `t${randomBytes(5).toString('hex')}`,
    YUQING_INGEST_TOKEN: token,
    YUQING_JOB_LOCK_MS: String(opts.jobLockMs ?? 4000),
    YUQING_DEMO: '0',
    // Many sign-ins from 127.0.0.1 in one test; the rate-limit test sets its own.
    YUQING_LOGIN_RATE_PER_MINUTE: '100000',
    YUQING_SESSION_CHECK_SECONDS: '0.5',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...opts.env,
  };
  const env = parseEnv(envVars);
  const log = createLogger('test-server', env.LOG_LEVEL);
  const store = await openStore({ dataDir, databaseUrl: env.DATABASE_URL, mode: 'read' });
  useTestStore(dataDir, store);
  const httpServer: Server = createServer();
  const app: Application = await createApplication(httpServer, {
    store,
    env: { ...env, REDIS_URL: redisUrl },
    ingestToken: token,
    log,
    clientDir: path.join(ROOT, 'dist/client'),
    notify: opts.notify ?? { intervalMs: 1000 },
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', () => resolve()));
  const port = (httpServer.address() as AddressInfo).port;
  const baseUrl = `http://127.0.0.1:${port}`;
  let serverUp = true;

  const workers: WorkerHandle[] = [];
  const startWorker = (extraEnv: NodeJS.ProcessEnv = {}): WorkerHandle => {
    const child = fork(LAUNCHER, ['worker'], { env: { ...envVars, ...extraEnv }, stdio: 'inherit' });
    const ready = new Promise<void>((resolve, reject) => {
      child.on('message', (m: { type?: string }) => m?.type === 'ready' && resolve());
      child.once('exit', (code) => reject(new Error(`worker exited before ready (code ${code})`)));
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    ready.catch(() => undefined);
    const handle = { process: child, ready, exited };
    workers.push(handle);
    return handle;
  };
  for (let i = 0; i < (opts.workers ?? 1); i++) startWorker();
  await Promise.all(workers.map((w) => w.ready));

  const auth = await signInAs(baseUrl, dataDir, ROLES);
  const authedFetch = (p: string, init: RequestInit = {}) =>
    fetch(p.startsWith('http') ? p : `${baseUrl}${p}`, { ...init, headers: { ...auth.headers(), ...(init.headers as Record<string, string> | undefined) } });

  const getJson = async <T,>(p: string): Promise<T> => {
    const res = await authedFetch(p);
    expect(res.status, `${p} → ${res.status}`).toBe(200);
    return (await res.json()) as T;
  };

  return {
    baseUrl,
    token,
    auth,
    app,
    fetch: authedFetch,
    socketOptions: () => ({ transports: ['websocket'], extraHeaders: { cookie: auth.cookie } }),
    getJson,
    storedCount: async () => (await getJson<{ mentions: number }>('/healthz')).mentions,
    drained: async () => {
      await eventually(async () => {
        const h = await getJson<{ queue: { waiting: number; active: number } }>('/healthz');
        return h.queue.waiting + h.queue.active === 0 ? true : undefined;
      }, 'queue drained');
    },
    dataDir,
    store,
    env: envVars,
    workers,
    startWorker,
    postMentions: (mentions, contentType = 'application/json') =>
      fetch(`${baseUrl}/api/v1/mentions`, {
        method: 'POST',
        headers: { 'content-type': contentType, authorization: `Bearer ${token}` },
        body: typeof mentions === 'string' ? mentions : JSON.stringify(mentions),
      }),
    async stopServer() {
      if (!serverUp) return;
      serverUp = false;
      await app.stopAccepting();
      await app.close();
      await store.close();
    },
    async stop() {
      for (const w of workers) if (w.process.exitCode === null && w.process.signalCode === null) w.process.kill('SIGTERM');
      await Promise.all(workers.map((w) => w.exited));
      if (serverUp) {
        serverUp = false;
        await app.stopAccepting();
        await app.close();
        await store.close();
      }
      await closeTestStore(dataDir);
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
      if (ownDatabase && --systemsOnCluster === 0) await stopTestCluster();
    },
  };
}

/** Polls until `check` returns a value that is not undefined (tests wait on behaviour, not on time). */
export async function eventually<T>(check: () => Promise<T | undefined> | T | undefined, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await check();
      if (v !== undefined) return v;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}
