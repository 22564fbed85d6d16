import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import { closeRedis } from '../../shared/util/within.js';
import type { Logger } from '../log.js';

/**
 * A client whose promise-returning commands are never left with an unhandled rejection: the
 * adapter fires `publish`, `psubscribe` and friends without awaiting them, and a command that
 * fails while Redis is away (or one still queued when the connection is closed at shutdown)
 * would otherwise end the process. The failure is logged; the caller that awaits still sees it.
 */
function guarded(client: Redis, log: Logger, role: string): Redis {
  return new Proxy(client, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const out: unknown = (value as (...a: unknown[]) => unknown).apply(target, args);
        if (out instanceof Promise) out.catch((err: Error) => log.debug({ error: err.message, command: String(prop), role }, 'socket adapter command failed'));
        return out;
      };
    },
  });
}

export interface SocketAdapter {
  /** For `new Server(…, { adapter })`. */
  adapter: ReturnType<typeof createAdapter>;
  /** After io.close() (which closes the adapter's subscriptions): closes its two connections. */
  close(): Promise<void>;
}

/**
 * The Socket.IO Redis adapter on two connections of its own (one subscribed), under the
 * deployment's prefix so deployments sharing a Redis never see each other's packets. With it, a
 * broadcast on one server reaches the matching sockets on every server and `serverSideEmit`
 * reaches the other servers. Commands wait in ioredis's offline queue while Redis is away
 * (maxRetriesPerRequest: null), so a broadcast during a short outage is sent once it is back.
 */
export function redisSocketAdapter(redisUrl: string, prefix: string, log: Logger): SocketAdapter {
  const pub = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const sub = new Redis(redisUrl, { maxRetriesPerRequest: null });
  pub.on('error', (err) => log.warn({ error: err.message }, 'socket adapter connection problem'));
  sub.on('error', (err) => log.warn({ error: err.message }, 'socket adapter subscriber problem'));
  return {
    adapter: createAdapter(guarded(pub, log, 'pub'), guarded(sub, log, 'sub'), { key: `${prefix}:socket.io`, publishOnSpecificResponseChannel: true }),
    async close() {
      await closeRedis(sub);
      await closeRedis(pub);
    },
  };
}
