import type { Redis } from 'ioredis';
import type { Server } from 'socket.io';
import { LIVE_ROOM, type ClientToServerEvents, type LiveSnapshot, type ServerToClientEvents } from '../../shared/contracts/live.js';
import type { Logger } from '../log.js';
import { within } from '../../shared/util/within.js';
import type { Db } from '../store/open.js';
import { liveIncidents } from '../incidents/read.js';
import { createIncidentFeed } from './incident-feed.js';
import { diffLiveState, readLiveState, type LiveState } from './live-state.js';

export interface LiveHubOptions {
  db: Db;
  io: Server<ClientToServerEvents, ServerToClientEvents>;
  /** Subscribed connection; workers publish on `channel` after every committed batch. */
  subscriber: Redis;
  channel: string;
  log: Logger;
  tickMs?: number;
  now?: () => number;
}

/**
 * Merges the workers' batch notifications into one update per second for every dashboard.
 * Each tick re-reads the live state from the store and sends the difference from the last tick,
 * so many batches in a second cost one small query set and a lost notification costs nothing.
 */
export function startLiveHub(opts: LiveHubOptions) {
  const now = opts.now ?? Date.now;
  let seq = 0;
  let state: LiveState = readLiveState(opts.db, now());
  let dirty = false;
  let lastRead = now();

  const onMessage = (channel: string) => {
    if (channel === opts.channel) dirty = true;
  };
  opts.subscriber.on('message', onMessage);
  void opts.subscriber.subscribe(opts.channel).catch((err: Error) => opts.log.error({ error: err.message }, 'live subscribe failed'));

  const incidents = createIncidentFeed(opts.db);
  const snapshot = (): LiveSnapshot => {
    const t = now();
    let open: LiveSnapshot['incidents'] = [];
    try {
      open = liveIncidents(opts.db, t);
    } catch (err) {
      opts.log.warn({ error: (err as Error).message }, 'live incidents read failed');
    }
    return { seq, now: t, ...state, incidents: open };
  };
  const tick = () => {
    const t = now();
    // Incidents are checked every tick (one indexed lookup), so a new one reaches dashboards within
    // a tick or two whoever wrote it, with or without a worker's notification.
    try {
      for (const e of incidents.poll(t)) opts.io.to(LIVE_ROOM).emit('incident', e);
    } catch (err) {
      opts.log.warn({ error: (err as Error).message }, 'live incident poll failed');
    }
    // Re-read when something was written, when the minute rolls, and every 5 s as a safety net.
    const rolled = Math.floor(t / 60_000) !== Math.floor(lastRead / 60_000);
    let change = { series: [], topics: [], totals: { total: 0, negative: 0, critical: 0 }, critical: [], criticalGone: [], rumours: [] } as ReturnType<typeof diffLiveState>;
    if (dirty || rolled || t - lastRead >= 5000) {
      dirty = false;
      lastRead = t;
      try {
        const next = readLiveState(opts.db, t);
        change = diffLiveState(state, next);
        state = next;
      } catch (err) {
        opts.log.warn({ error: (err as Error).message }, 'live state read failed');
      }
    }
    seq++;
    opts.io.to(LIVE_ROOM).emit('delta', { seq, now: t, ...change });
  };
  const timer = setInterval(tick, opts.tickMs ?? 1000);

  opts.io.on('connection', (socket) => {
    void socket.join(LIVE_ROOM);
    socket.emit('snapshot', snapshot());
    socket.on('resync', () => socket.emit('snapshot', snapshot()));
    // The only message a client may send is `resync`; anything else gets a reason, not silence.
    socket.onAny((event: string) => {
      if (event !== 'resync') socket.emit('problem', { error: `unknown event "${event}"; the live channel accepts only "resync"` });
    });
  });

  return {
    stop: async () => {
      clearInterval(timer);
      opts.subscriber.off('message', onMessage);
      if (opts.subscriber.status === 'ready') await within(opts.subscriber.unsubscribe(opts.channel), 1000);
    },
  };
}
