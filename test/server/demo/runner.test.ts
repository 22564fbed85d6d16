import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Mention } from '../../../shared/contracts/mention.js';
import { demoMentionsForSecond } from '../../../server/demo/generator.js';
import type { DemoRunnerOptions } from '../../../server/demo/runner.js';
import { startDemoFeed } from '../../../server/demo/runner.js';
import { MAX_MENTIONS_PER_JOB } from '../../../shared/contracts/queue.js';

// A fake wall clock the tests move by hand; the runner's own sleeps are short real timers.
const T0 = 1_700_002_800_000;

function expectedIds(seed: number, rate: number, fromSecond: number, toSecond: number): string[] {
  const ids: string[] = [];
  for (let s = fromSecond; s < toSecond; s++) for (const m of demoMentionsForSecond({ seed, ratePerMinute: rate }, s)) ids.push(m.id);
  return ids;
}

interface Harness {
  batches: Mention[][];
  ids: () => string[];
  maxInFlight: () => number;
  enqueue: (m: Mention[]) => Promise<void>;
}

function harness(behaviour: (call: number, batch: Mention[]) => Promise<void> = async () => {}): Harness {
  const batches: Mention[][] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let calls = 0;
  return {
    batches,
    ids: () => batches.flat().map((m) => m.id),
    maxInFlight: () => maxInFlight,
    enqueue: async (batch) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        await behaviour(++calls, batch);
        batches.push(batch);
      } finally {
        inFlight--;
      }
    },
  };
}

const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(stops.splice(0).map((s) => s()));
});

function start(opts: Partial<DemoRunnerOptions>, h: Harness, log?: (msg: string, fields?: object) => void) {
  const feed = startDemoFeed({ seed: 1, ratePerMinute: 120, speed: 1, backfillMinutes: 2, tickMs: 2, retryDelayMs: 2, ...opts }, h.enqueue, log);
  stops.push(() => feed.stop());
  return feed;
}

describe('startDemoFeed', () => {
  it('backfills, then emits each completed second once, in order, retrying a failed enqueue', async () => {
    let wall = T0;
    const logs: string[] = [];
    const h = harness(async (call) => {
      if (call === 1) throw new Error('redis down');
    });
    start({ now: () => wall }, h, (msg) => logs.push(msg));
    const s0 = T0 / 1000;

    const backfill = expectedIds(1, 120, s0 - 120, s0);
    await vi.waitFor(() => expect(h.ids()).toEqual(backfill), { timeout: 10_000, interval: 5 });
    expect(logs.some((l) => l.includes('enqueue failed'))).toBe(true);

    wall += 3_500; // seconds s0, s0+1, s0+2 are now complete; s0+3 is not
    await vi.waitFor(() => expect(h.ids()).toEqual(expectedIds(1, 120, s0 - 120, s0 + 3)), { timeout: 10_000, interval: 5 });

    expect(new Set(h.ids()).size).toBe(h.ids().length);
    expect(h.maxInFlight()).toBe(1);
    for (const b of h.batches) expect(b.length).toBeLessThanOrEqual(500);
    const last = h.batches.flat().at(-1);
    expect(Date.parse(last?.createdAt ?? '')).toBeLessThanOrEqual(wall);
  });

  it('loses nothing across a longer outage and delivers in chunks of at most one job', async () => {
    let wall = T0;
    let down = true;
    const h = harness(async () => {
      if (down) throw new Error('connection refused');
    });
    start({ now: () => wall, ratePerMinute: 3000, backfillMinutes: 1 }, h);
    await new Promise((r) => setTimeout(r, 30)); // several failed attempts
    wall += 4_000;
    down = false;
    const s0 = T0 / 1000;
    const expected = expectedIds(1, 3000, s0 - 60, s0 + 4);
    await vi.waitFor(() => expect(h.ids()).toEqual(expected), { timeout: 10_000, interval: 5 });
    // Full chunks once everything is available: the outage did not fragment delivery.
    expect(h.batches.length).toBe(Math.ceil(expected.length / MAX_MENTIONS_PER_JOB));
    for (const b of h.batches) expect(b.length).toBeLessThanOrEqual(MAX_MENTIONS_PER_JOB);
    expect(h.maxInFlight()).toBe(1);
  });

  it('replays faster than real time without running ahead of the wall clock, then goes live', async () => {
    let wall = T0;
    const h = harness();
    start({ now: () => wall, speed: 10, replayMinutes: 1, backfillMinutes: 0 }, h);
    const s0 = T0 / 1000;

    wall += 2_000; // 20 simulated seconds of the replay
    await vi.waitFor(() => expect(h.ids()).toEqual(expectedIds(1, 120, s0 - 60, s0 - 40)), { timeout: 10_000, interval: 5 });

    wall += 60_000; // the replay has caught up: simulated time is wall time again
    await vi.waitFor(() => expect(h.ids()).toEqual(expectedIds(1, 120, s0 - 60, s0 + 62)), { timeout: 10_000, interval: 5 });
    for (const m of h.batches.flat()) expect(Date.parse(m.createdAt)).toBeLessThan(wall);
  });

  it('stop() resolves only after the in-flight enqueue has finished', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const events: string[] = [];
    const h = harness(async () => {
      events.push('enqueue started');
      await gate;
      events.push('enqueue finished');
    });
    const feed = start({ now: () => T0 }, h);
    await vi.waitFor(() => expect(events).toContain('enqueue started'), { timeout: 10_000, interval: 2 });

    let stopped = false;
    const stopping = feed.stop().then(() => {
      stopped = true;
      events.push('stopped');
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(events).toEqual(['enqueue started', 'enqueue finished', 'stopped']);
    expect(h.batches.length).toBe(1); // nothing more after stop
  });

  it('rejects impossible options', () => {
    const h = harness();
    expect(() => startDemoFeed({ seed: 1, ratePerMinute: 120, speed: 0, backfillMinutes: 1 }, h.enqueue)).toThrow(RangeError);
    expect(() => startDemoFeed({ seed: 1, ratePerMinute: -1, speed: 1, backfillMinutes: 1 }, h.enqueue)).toThrow(RangeError);
  });
});
