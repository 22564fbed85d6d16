import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_MENTIONS_PER_JOB } from '../../shared/contracts/queue.js';
import { makeMentions } from '../fixtures/mentions.js';
import { isRunning, startSupervisor, type Supervisor } from '../support/supervisor.js';
import { eventually } from '../support/system.js';

const started: Supervisor[] = [];
afterAll(async () => {
  for (const s of started) {
    if (s.process.exitCode === null && s.process.signalCode === null) await s.stop();
    rmSync(s.dataDir, { recursive: true, force: true });
  }
});

async function start(opts: Parameters<typeof startSupervisor>[0]) {
  const s = await startSupervisor(opts);
  started.push(s);
  return s;
}

const stored = (s: Supervisor, n: number) =>
  eventually(async () => ((await s.health()).mentions === n ? true : undefined), `${n} stored`, 90_000);

describe('yuqing start', () => {
  it('restarts a local redis-server killed with -9 on the same port, and ingest recovers by itself', async () => {
    const sup = await start({ workers: 1 });
    expect((await sup.postMentions(makeMentions(300, 'before'))).status).toBe(202);
    await stored(sup, 300);

    const killed = sup.redis();
    process.kill(killed.pid, 'SIGKILL');
    const back = await eventually(() => {
      const now = sup.redis();
      return now.pid !== killed.pid && isRunning(now.pid) ? now : undefined;
    }, 'a new redis-server');
    expect(back.port).toBe(killed.port);

    // Nothing is restarted by hand: the same server and worker take and store new mentions.
    const batch = makeMentions(300, 'after');
    await eventually(async () => ((await sup.postMentions(batch)).status === 202 ? true : undefined), 'ingest accepted again');
    await stored(sup, 600);
    expect(await sup.health()).toMatchObject({ status: 'ok', redis: 'ok' });
    expect(sup.stderr()).toMatch(/local redis-server exited unexpectedly; restarting it/);
    expect(sup.process.exitCode).toBeNull();
  });

  it('keeps queued mentions through a Redis kill and a supervisor kill, leaves no Redis behind, and resumes on the next start', async () => {
    const first = await start({ workers: 0 });
    // Two and a half jobs' worth: three jobs; no worker takes them.
    expect((await first.postMentions(makeMentions(MAX_MENTIONS_PER_JOB * 2.5, 'queued'))).status).toBe(202);
    expect((await first.health()).queue.waiting).toBe(3);

    const killed = first.redis();
    process.kill(killed.pid, 'SIGKILL');
    // The restarted Redis read its AOF back: the three acknowledged jobs are still queued.
    const health = await eventually(async () => {
      const h = await first.health().catch(() => undefined);
      return h?.redis === 'ok' && first.redis().pid !== killed.pid ? h : undefined;
    }, 'Redis back');
    expect(health.queue.waiting).toBe(3);

    // A supervisor killed with -9 cannot stop its children: Redis must notice and stop by itself.
    const orphan = first.redis();
    first.process.kill('SIGKILL');
    await first.exited;
    await eventually(() => (isRunning(orphan.pid) ? undefined : true), 'the orphaned redis-server to exit');

    const next = await start({ workers: 1, dataDir: first.dataDir, token: first.token });
    expect(next.stderr()).not.toMatch(/left running by an earlier start/);
    await stored(next, MAX_MENTIONS_PER_JOB * 2.5);

    // Ctrl-C / SIGTERM: everything stops in order and the supervisor exits cleanly, Redis included.
    const redis = next.redis();
    expect(await next.stop()).toEqual({ code: 0, signal: null });
    expect(isRunning(redis.pid)).toBe(false);
  });
});
