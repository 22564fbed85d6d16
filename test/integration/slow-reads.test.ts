import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientToServerEvents, LiveSnapshot, ServerToClientEvents } from '../../shared/contracts/live.js';
import type { DailySummary } from '../../shared/contracts/views.js';
import { zonedDayRange } from '../../shared/time/zoned-day.js';
import { seedMentions, seedRow } from '../support/seed.js';
import { BACKENDS, createTestDatabase, stopTestCluster } from '../support/stores.js';
import { eventually, startSystem, type TestSystem } from '../support/system.js';

const DAYS = ['2026-03-07', '2026-03-08', '2026-03-09'];
const PER_DAY = 30_000;

afterAll(() => stopTestCluster());

describe.each(BACKENDS)('slow reads never hold up the quick ones (%s)', (backend) => {
  let sys: TestSystem;
  let socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  beforeAll(async () => {
    const databaseUrl = backend === 'postgres' ? await createTestDatabase() : undefined;
    sys = await startSystem({ workers: 0, ...(databaseUrl ? { databaseUrl } : { backend: 'sqlite' as const }) });
    // Big days written straight into the store (tagging 90,000 posts is not what this test is about).
    for (const [d, date] of DAYS.entries()) {
      const day = zonedDayRange(date, 'Asia/Shanghai');
      const step = (day.to - day.from) / PER_DAY;
      await seedMentions(sys.store, Array.from({ length: PER_DAY }, (_, i) => seedRow(d * PER_DAY + i, Math.floor(day.from + i * step), 'big')));
    }
  }, 300_000);
  afterAll(async () => {
    socket?.close();
    await sys?.stop();
  });

  it('answers /healthz and a live snapshot while three daily summaries and a large export are in flight', async () => {
    socket = connect(sys.baseUrl, sys.socketOptions());
    const snapshots: LiveSnapshot[] = [];
    socket.on('snapshot', (s) => snapshots.push(s));
    await eventually(() => snapshots[0], 'the first snapshot');

    const finished: string[] = [];
    const done = <T,>(name: string, p: Promise<T>) => p.then((v) => (finished.push(name), v));
    // The export: started, first chunk read, then left waiting (the server is mid-export on backpressure).
    const exportRes = await sys.fetch('/api/v1/mentions/export.csv');
    const reader = exportRes.body!.getReader();
    expect((await reader.read()).done).toBe(false);
    const exported = done(
      'export',
      (async () => {
        let bytes = 0;
        for (let r = await reader.read(); !r.done; r = await reader.read()) bytes += r.value.length;
        return bytes;
      })(),
    );
    // Three summaries of big days, and right behind them the quick requests.
    const summaries = DAYS.map((date, i) =>
      done(`summary${i}`, sys.fetch(`/api/v1/summary?date=${date}`).then((r) => r.json() as Promise<DailySummary>)),
    );
    const health = done('healthz', fetch(`${sys.baseUrl}/healthz`).then((r) => r.json() as Promise<{ status: string; mentions: number }>));
    const snapshot = done('snapshot', new Promise<LiveSnapshot>((resolve) => socket.once('snapshot', resolve)));
    socket.emit('resync');

    expect(await health).toMatchObject({ status: 'ok', mentions: DAYS.length * PER_DAY });
    expect((await snapshot).series).toHaveLength(60);
    // Both answered while the export was still waiting for its reader, and before any summary finished.
    expect(finished.slice(0, 2).sort()).toEqual(['healthz', 'snapshot']);

    const days = await Promise.all(summaries);
    expect(days.map((s) => s.totals.total)).toEqual(DAYS.map(() => PER_DAY));
    expect(await exported).toBeGreaterThan(10 * 2 ** 20);
    expect(finished.at(-1)).toBe('export');
  });
});
