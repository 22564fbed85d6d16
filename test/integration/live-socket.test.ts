import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientToServerEvents, LiveDelta, LiveSnapshot, ServerToClientEvents } from '../../shared/contracts/live.js';
import { makeMentions } from '../fixtures/mentions.js';
import { eventually, startSystem, type TestSystem } from '../support/system.js';

let sys: TestSystem;
let socket: Socket<ServerToClientEvents, ClientToServerEvents>;
beforeAll(async () => {
  sys = await startSystem();
});
afterAll(async () => {
  socket?.close();
  await sys?.stop();
});

describe('Socket.IO live channel', () => {
  it('sends a snapshot, then sequenced deltas that carry newly stored mentions', async () => {
    socket = connect(sys.baseUrl, sys.socketOptions());
    const snapshots: LiveSnapshot[] = [];
    const deltas: LiveDelta[] = [];
    const problems: string[] = [];
    socket.on('snapshot', (s) => snapshots.push(s));
    socket.on('delta', (d) => deltas.push(d));
    socket.on('problem', (p) => problems.push(p.error));
    const first = await eventually(() => snapshots[0], 'a snapshot');
    expect(first.totals.total).toBe(0);
    expect(first.series).toHaveLength(60);

    const batch = makeMentions(12, 'live');
    expect((await sys.postMentions(batch)).status).toBe(202);
    await eventually(() => {
      const sum = deltas.reduce((s, d) => s + d.totals.total, 0);
      return sum === 12 ? true : undefined;
    }, 'deltas adding up to the 12 new mentions');
    // Sequence numbers follow the snapshot without gaps.
    deltas.forEach((d, i) => expect(d.seq).toBe(first.seq + i + 1));
    const critical = deltas.flatMap((d) => d.critical);
    expect(critical.length).toBeGreaterThan(0);
    expect(critical.every((m) => m.tags.critical)).toBe(true);

    // Reconnect-style resync: a fresh snapshot equals the old one plus the deltas.
    socket.emit('resync');
    const again = await eventually(() => snapshots[1], 'a second snapshot');
    expect(again.totals.total).toBe(12);

    // An unknown message gets a reason back.
    (socket as unknown as Socket).emit('bogus', 1);
    await eventually(() => problems[0], 'a problem report');
    expect(problems[0]).toMatch(/resync/);
  });
});
