import { CYCLE_SECONDS } from './rumour-cycle.js';
import type { Mention } from '../../shared/contracts/mention.js';
import { MAX_MENTIONS_PER_JOB } from '../../shared/contracts/queue.js';
import type { DemoOptions } from './generator.js';
import { DEFAULT_DEMO_OPTIONS, demoMentionsForSecond } from './generator.js';

/**
 * Drives the demo generator against a clock and hands its mentions to `enqueue`.
 *
 * The simulated clock never runs ahead of the wall clock, so no demo mention is ever "from the future":
 * - speed 1 (real time): simulated time is wall-clock time. On start the last `backfillMinutes` are
 *   generated at once; after that each second is emitted once it is complete (about 1 s after it began),
 *   with its real timestamps.
 * - speed > 1 (replay): the simulated clock starts `replayMinutes` behind the wall clock (after a
 *   backfill of `backfillMinutes` before that point) and runs `speed` times faster until it catches
 *   up with the wall clock; from then on it is real time, as above. A replay of 60 minutes at speed 10
 *   catches up after 60 / 9 ≈ 6.7 real minutes.
 * - 0 < speed < 1: simulated time starts at now and falls further behind it.
 *
 * Delivery: calls to `enqueue` never overlap. A failed call is logged and the same mentions are
 * retried (backoff from `retryDelayMs` doubling to 30 s) while the clock keeps running, so an outage
 * loses nothing: once it ends, the missed seconds are delivered in order, in chunks of at most
 * MAX_MENTIONS_PER_JOB. Because ids are deterministic, a restart's backfill re-sends seconds that
 * were already delivered, which the store ignores.
 */
export interface DemoRunnerOptions extends DemoOptions {
  /** Simulated seconds per real second. Default 1. */
  speed: number;
  /** Minutes of history generated at start so charts are full at once. Default 60. */
  backfillMinutes: number;
  /** Start the backfill earlier, on a rumour-cycle boundary, so an outbreak under way has its root post (default false). */
  alignBackfillToCycle?: boolean;
  /** Wall clock in epoch ms. Default Date.now. */
  now?: () => number;
  /** With speed > 1: how many simulated minutes behind the wall clock the replay starts. Default 60. */
  replayMinutes?: number;
  /** Real ms between looks for newly completed seconds. Default: at the next second boundary (real time), 250 (replay). */
  tickMs?: number;
  /** Real ms before the first retry of a failed enqueue; doubles per failure up to 30 s. Default 1000. */
  retryDelayMs?: number;
}

export const DEFAULT_DEMO_RUNNER_OPTIONS: DemoRunnerOptions = { ...DEFAULT_DEMO_OPTIONS, speed: 1, backfillMinutes: 60 };

const MAX_RETRY_DELAY_MS = 30_000;
const REPLAY_TICK_MS = 250;

export type DemoLog = (msg: string, fields?: object) => void;

function check(opts: DemoRunnerOptions): void {
  const bad = (name: string, v: unknown) => new RangeError(`demo feed: ${name} must be a finite number ≥ 0, got ${String(v)}`);
  if (!(Number.isFinite(opts.speed) && opts.speed > 0)) throw new RangeError(`demo feed: speed must be > 0, got ${opts.speed}`);
  for (const [name, v] of [
    ['ratePerMinute', opts.ratePerMinute],
    ['backfillMinutes', opts.backfillMinutes],
    ['replayMinutes', opts.replayMinutes ?? 0],
    ['seed', Math.abs(opts.seed)],
  ] as const) {
    if (!(Number.isFinite(v) && v >= 0)) throw bad(name, v);
  }
}

export function startDemoFeed(
  opts: DemoRunnerOptions,
  enqueue: (mentions: Mention[]) => Promise<void>,
  log: DemoLog = () => {},
): { stop(): Promise<void> } {
  check(opts);
  const now = opts.now ?? Date.now;
  const { speed } = opts;
  const generator: DemoOptions = { seed: opts.seed, ratePerMinute: opts.ratePerMinute };
  const startedAt = now();
  const simStart = speed > 1 ? startedAt - (opts.replayMinutes ?? 60) * 60_000 : startedAt;
  const retryDelayMs = opts.retryDelayMs ?? 1000;

  const simNow = (): { sim: number; wall: number } => {
    const wall = now();
    return { sim: Math.min(wall, simStart + (wall - startedAt) * speed), wall };
  };

  /** Next second to generate; every second before it is generated (in `pending` or delivered). */
  // A backfill starts on a rumour-cycle boundary, so an outbreak under way has its root post too.
  const backfillFrom = Math.floor(simStart / 1000) - Math.round(opts.backfillMinutes * 60);
  let cursor = opts.alignBackfillToCycle && opts.backfillMinutes > 0 ? Math.floor(backfillFrom / CYCLE_SECONDS) * CYCLE_SECONDS : backfillFrom;
  const pending: Mention[] = [];
  let failures = 0;
  let stopped = false;
  let wake: (() => void) | undefined;

  const idleDelay = (): number => {
    if (opts.tickMs !== undefined) return opts.tickMs;
    const { sim, wall } = simNow();
    // Caught up (or real time): wake just after the next second completes.
    return sim >= wall || speed <= 1 ? Math.ceil((1000 - (sim % 1000)) / Math.min(speed, 1)) + 5 : REPLAY_TICK_MS;
  };

  /** One delivery attempt; returns how long to wait before the next. */
  const step = async (): Promise<number> => {
    const completeBefore = Math.floor(simNow().sim / 1000);
    while (pending.length < MAX_MENTIONS_PER_JOB && cursor < completeBefore) {
      try {
        for (const m of demoMentionsForSecond(generator, cursor)) pending.push(m);
      } catch (err) {
        // A generator bug would fail the same second forever: skip it rather than stall the feed.
        log('demo feed: could not generate a second; skipped', { second: cursor, error: String(err) });
      }
      cursor++;
    }
    if (pending.length === 0) return idleDelay();

    const batch = pending.slice(0, MAX_MENTIONS_PER_JOB);
    try {
      await enqueue(batch);
    } catch (err) {
      failures++;
      const delay = Math.min(MAX_RETRY_DELAY_MS, retryDelayMs * 2 ** (failures - 1));
      log('demo feed: enqueue failed; will retry', { error: err instanceof Error ? err.message : String(err), mentions: batch.length, failures, retryInMs: delay });
      return delay;
    }
    if (failures > 0) log('demo feed: enqueue recovered', { failures });
    failures = 0;
    pending.splice(0, batch.length);
    return pending.length > 0 || cursor < Math.floor(simNow().sim / 1000) ? 0 : idleDelay();
  };

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });

  log('demo feed started', {
    seed: opts.seed,
    ratePerMinute: opts.ratePerMinute,
    speed,
    backfillFrom: new Date(cursor * 1000).toISOString(),
    simulatedStart: new Date(simStart).toISOString(),
  });

  const loop = (async () => {
    while (!stopped) {
      const delay = await step();
      if (stopped) break;
      await sleep(delay);
    }
    log('demo feed stopped', { nextSecond: new Date(cursor * 1000).toISOString(), undelivered: pending.length });
  })();

  return {
    async stop() {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}
