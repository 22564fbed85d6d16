import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from '../../server/cli/local-redis.js';

/** The superuser initdb creates; trust authentication, so URLs carry no password. */
const SUPERUSER = 'yuqing';
const START_TIMEOUT_MS = 30_000;

export interface PostgresCluster {
  /** URL of the cluster's `postgres` maintenance database (use createDatabase for a test's own). */
  url: string;
  port: number;
  /** Creates an empty database, one per test file so files never see each other's rows; returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Fast shutdown (SIGINT: running transactions are cut), waits for the server to exit, removes its files. */
  stop(): Promise<void>;
}

const isPgBin = (dir: string) => ['initdb', 'postgres'].every((b) => existsSync(path.join(dir, b)));

/**
 * The directory holding initdb and postgres: the one of `initdb` on PATH (symlinks resolved, so a
 * /usr/local/bin link leads to the real bin directory beside postgres and pg_ctl), else Debian's
 * /usr/lib/postgresql/<version>/bin of the highest version, which the postgresql package does not
 * put on PATH.
 */
export function findPostgresBinDir(): string | undefined {
  const r = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  const onPath = r.status === 0 ? r.stdout.trim() : '';
  if (onPath) {
    for (const dir of [path.dirname(realpathSync(onPath)), path.dirname(onPath)]) if (isPgBin(dir)) return dir;
  }
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => /^\d+(\.\d+)?$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  for (const v of versions) {
    const dir = path.join(root, v, 'bin');
    if (isPgBin(dir)) return dir;
  }
  return undefined;
}

/** PostgreSQL's server binaries are installed (tests that need them skip, with a message, otherwise). */
export function postgresAvailable(): boolean {
  return findPostgresBinDir() !== undefined;
}

interface RunAs {
  uid: number;
  gid: number;
  name: string;
}

function lookupUser(name: string): RunAs | undefined {
  const r = spawnSync('getent', ['passwd', name], { encoding: 'utf8' });
  const line = r.status === 0 ? r.stdout.trim() : readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith(`${name}:`));
  const f = line?.split(':');
  if (!f || f.length < 4) return undefined;
  return { name, uid: Number(f[2]), gid: Number(f[3]) };
}

/**
 * initdb and postgres refuse to run as root. As root, run them as Debian's `postgres` system user
 * when the package created it, else as `nobody` (tests never create users); otherwise as ourselves.
 */
function unprivilegedUser(): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const user = lookupUser('postgres') ?? lookupUser('nobody');
  if (!user) throw new Error('running as root, but there is neither a `postgres` nor a `nobody` user to run PostgreSQL as');
  return user;
}

/** Our environment without PG* variables (PGDATA, PGPORT… would override what we pass) and with C messages. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('PG')) env[k] = v;
  return { ...env, LC_ALL: 'C', LANG: 'C' };
}

/** Runs a command to completion (so it is reaped: PID 1 here reaps no zombies), failing with its output. */
function run(cmd: string, args: string[], opts: { cwd: string; as?: RunAs }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: opts.cwd,
      env: cleanEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(opts.as ? { uid: opts.as.uid, gid: opts.as.gid } : {}),
    });
    let out = '';
    const keep = (d: Buffer) => (out = (out + d.toString()).slice(-8000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', reject);
    child.once('close', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(cmd)} failed (${code ?? signal}):\n${out.trim()}`)),
    );
  });
}

const exited = (c: ChildProcess) => c.exitCode !== null || c.signalCode !== null;

async function acceptsQueries(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const DB_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * A throwaway PostgreSQL cluster in a fresh temp dir: initdb (trust auth, superuser `yuqing`, UTF8,
 * C locale so text sorts byte-wise like SQLite), then postgres on a free port on 127.0.0.1 only,
 * its unix socket inside the temp dir, with durability off (fsync, synchronous_commit,
 * full_page_writes) for speed. Resolves once `SELECT 1` answers.
 *
 * Call stop() (afterAll): it waits for the postmaster's exit, so it is reaped (PID 1 on our test
 * machines reaps no zombies). A process exiting without stop() still shuts the server down (SIGQUIT
 * from an exit hook, which cannot wait: the postmaster then ends as a zombie of PID 1); one killed
 * with SIGKILL leaves it running, as any test child would.
 */
export async function startPostgres(): Promise<PostgresCluster> {
  const bin = findPostgresBinDir();
  if (!bin) {
    throw new Error('PostgreSQL is not installed: `apt-get install postgresql` (bash .ci/run does it); its binaries go to /usr/lib/postgresql/<version>/bin');
  }
  const as = unprivilegedUser();
  const dir = mkdtempSync(path.join(tmpdir(), 'yuqing-test-pg-'));
  const data = path.join(dir, 'data');
  const sockets = path.join(dir, 'sock');
  const logFile = path.join(dir, 'postgres.log');
  let child: ChildProcess | undefined;
  const onExit = () => {
    // Last resort for a process exiting without stop(): immediate shutdown, which ends the backends too.
    if (child && !exited(child)) child.kill('SIGQUIT');
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    mkdirSync(sockets);
    if (as) {
      for (const p of [dir, sockets]) chownSync(p, as.uid, as.gid);
      const probe = spawnSync('test', ['-w', dir], { uid: as.uid, gid: as.gid });
      if (probe.status !== 0) throw new Error(`user ${as.name} cannot write ${dir} (is ${tmpdir()} reachable by it? set TMPDIR)`);
    }
    await run(
      path.join(bin, 'initdb'),
      ['-D', data, '-A', 'trust', '-U', SUPERUSER, '--encoding', 'UTF8', '--locale', 'C', '--no-sync', '--no-instructions'],
      { cwd: dir, as },
    );

    // A port taken between freePort() and postgres binding it: try again on another.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const url = `postgres://${SUPERUSER}@127.0.0.1:${port}/postgres`;
      const log = openSync(logFile, 'w');
      if (as) chownSync(logFile, as.uid, as.gid);
      const args = ['-D', data, '-p', String(port),
        '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${sockets}`,
        '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off',
        '-c', 'autovacuum=off', '-c', 'shared_buffers=32MB', '-c', 'logging_collector=off'];
      const c = spawn(path.join(bin, 'postgres'), args, {
        cwd: dir,
        env: cleanEnv(),
        stdio: ['ignore', log, log],
        ...(as ? { uid: as.uid, gid: as.gid } : {}),
      });
      closeSync(log);
      child = c;
      if (attempt === 1) process.once('exit', onExit);
      // 'exit' is what reaps it; a spawn failure ('error') may come without one.
      let gone = false;
      const exit = new Promise<void>((resolve) => {
        const done = () => ((gone = true), resolve());
        c.once('exit', done);
        c.once('error', done);
      });

      const deadline = Date.now() + START_TIMEOUT_MS;
      let up = false;
      while (!up && !gone && Date.now() < deadline) {
        up = await acceptsQueries(url);
        if (!up) await new Promise((r) => setTimeout(r, 50));
      }
      if (up) {
        return {
          url,
          port,
          createDatabase: async (name) => {
            if (!DB_NAME.test(name)) throw new Error(`database name must match ${DB_NAME}: ${name}`);
            const admin = new pg.Client({ connectionString: url });
            await admin.connect();
            try {
              await admin.query(`CREATE DATABASE "${name}"`);
            } finally {
              await admin.end();
            }
            return `postgres://${SUPERUSER}@127.0.0.1:${port}/${name}`;
          },
          stop: async () => {
            process.removeListener('exit', onExit);
            if (!gone) {
              c.kill('SIGINT'); // fast shutdown: disconnects clients, checkpoints, exits
              await exit;
            }
            rmSync(dir, { recursive: true, force: true });
          },
        };
      }
      const text = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
      if (!gone) {
        // Immediate shutdown lets the postmaster reap its backends (SIGKILL would orphan them).
        c.kill('SIGQUIT');
        const kill = setTimeout(() => c.kill('SIGKILL'), 5000);
        await exit;
        clearTimeout(kill);
        throw new Error(`postgres did not accept connections within ${START_TIMEOUT_MS} ms:\n${text.slice(-4000)}`);
      }
      await exit;
      if (attempt < 3 && /could not bind|already in use/i.test(text)) continue;
      throw new Error(`postgres exited (${c.exitCode ?? c.signalCode}) while starting:\n${text.slice(-4000)}`);
    }
  } catch (err) {
    process.removeListener('exit', onExit);
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}
