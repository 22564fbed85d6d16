import type { Redis } from 'ioredis';
import type { Server } from 'socket.io';
import { LIVE_ROOM, type ClientToServerEvents, type InterServerEvents, type LiveSnapshot, type ServerToClientEvents } from '../../shared/contracts/live.js';
import type { IncidentLiveEvent } from '../../shared/contracts/incidents.js';
import type { Executor } from '../../shared/store/store.js';
import { within } from '../../shared/util/within.js';
import { liveIncidents } from '../incidents/read.js';
import type { Logger } from '../log.js';
import { createIncidentFeed } from './incident-feed.js';
import { diffLiveState, readLiveState, type LiveState } from './live-state.js';

export interface LiveHubOptions {
  db: Executor;
  io: Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents>;
  /** Subscribed connection; workers publish on `channel` after every committed batch. */
  subscriber: Redis;
  channel: string;
  log: Logger;
  tickMs?: number;
  now?: () => number;
}

const NO_CHANGE: ReturnType<typeof diffLiveState> = {
  series: [],
  topics: [],
  totals: { total: 0, negative: 0, critical: 0 },
  critical: [],
  criticalGone: [],
  rumours: [],
};

/**
 * Merges the workers' batch notifications into one update per second for every dashboard of this
 * server (each server runs one, so each reaches its own sockets; none depends on another).
 * Each tick re-reads the live state from the store and sends the difference from the last tick,
 * so many batches in a second cost one small query set and a lost notification costs nothing.
 * Reads are awaited (the store answers from other threads or PostgreSQL); what is sent is decided
 * after they return, in one synchronous step, so `seq` and the state sent always match.
 */
export async function startLiveHub(opts: LiveHubOptions) {
  const now = opts.now ?? Date.now;
  let seq = 0;
  let state: LiveState = await readLiveState(opts.db, now());
  let dirty = false;
  let lastRead = now();

  const onMessage = (channel: string) => {
    if (channel === opts.channel) dirty = true;
  };
  opts.subscriber.on('message', onMessage);
  void opts.subscriber.subscribe(opts.channel).catch((err: Error) => opts.log.error({ error: err.message }, 'live subscribe failed'));

  const incidents = await createIncidentFeed(opts.db);
  const openIncidents = async (t: number): Promise<LiveSnapshot['incidents']> => {
    try {
      return await liveIncidents(opts.db, t);
    } catch (err) {
      opts.log.warn({ error: (err as Error).message }, 'live incidents read failed');
      return [];
    }
  };

  const tick = async () => {
    const t = now();
    // Incidents are checked every tick (one indexed range), so a new one reaches dashboards within
    // a tick or two whoever wrote it, with or without a worker's notification.
    let events: IncidentLiveEvent[] = [];
    try {
      events = await incidents.poll(t);
    } catch (err) {
      opts.log.warn({ error: (err as Error).message }, 'live incident poll failed');
    }
    // Re-read when something was written, when the minute rolls, and every 5 s as a safety net.
    const rolled = Math.floor(t / 60_000) !== Math.floor(lastRead / 60_000);
    let next: LiveState | null = null;
    if (dirty || rolled || t - lastRead >= 5000) {
      dirty = false;
      lastRead = t;
      try {
        next = await readLiveState(opts.db, t);
      } catch (err) {
        opts.log.warn({ error: (err as Error).message }, 'live state read failed');
      }
    }
    // Local only: every server runs its own hub over the same store, and its deltas carry its own
    // seq against the snapshots it sent; broadcast through the Redis adapter they would reach the
    // other servers' sockets twice and out of sequence.
    const here = opts.io.local.to(LIVE_ROOM);
    for (const e of events) here.emit('incident', e);
    const change = next ? diffLiveState(state, next) : NO_CHANGE;
    if (next) state = next;
    seq++;
    here.emit('delta', { seq, now: t, ...change });
  };
  // One tick at a time: a slow read skips a beat instead of piling reads up.
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = tick().finally(() => (running = null));
  }, opts.tickMs ?? 1000);

  const sendSnapshot = async (socket: { emit: (ev: 'snapshot', s: LiveSnapshot) => unknown }, join?: () => unknown) => {
    const t = now();
    const open = await openIncidents(t);
    // Joined and sent in one step: the first delta this socket gets follows this snapshot's seq.
    join?.();
    socket.emit('snapshot', { seq, now: t, ...state, incidents: open });
  };

  opts.io.on('connection', (socket) => {
    void sendSnapshot(socket, () => socket.join(LIVE_ROOM));
    socket.on('resync', () => void sendSnapshot(socket));
    // The only message a client may send is `resync`; anything else gets a reason, not silence.
    socket.onAny((event: string) => {
      if (event !== 'resync') socket.emit('problem', { error: `unknown event "${event}"; the live channel accepts only "resync"` });
    });
  });

  return {
    stop: async () => {
      clearInterval(timer);
      await running;
      opts.subscriber.off('message', onMessage);
      if (opts.subscriber.status === 'ready') await within(opts.subscriber.unsubscribe(opts.channel), 1000);
    },
  };
}
