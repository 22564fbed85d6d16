import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { Redis } from 'ioredis';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import { sha256hex } from '../auth/secrets.js';

/**
 * Rate limits counted in the app's Redis, so they hold across every server behind a load balancer.
 * While Redis is away the limit is not enforced (the request itself then fails or succeeds on its
 * own merits) rather than turning every sign-in into a 500.
 */
function store(redis: Redis, prefix: string): RedisStore {
  return new RedisStore({
    prefix,
    sendCommand: (command: string, ...args: string[]) => redis.call(command, ...args) as Promise<RedisReply>,
  });
}

const common = { windowMs: 60_000, standardHeaders: 'draft-8', legacyHeaders: false, passOnStoreError: true } as const;

/** Sign-in attempts per client IP per minute (the lock-out per name is separate, in the store). */
export function loginRateLimit(redis: Redis, keyPrefix: string, perMinute: number): RequestHandler {
  return rateLimit({
    ...common,
    limit: perMinute,
    store: store(redis, `${keyPrefix}:rl:login:`),
    message: { error: 'too many sign-in attempts from this address; wait a minute' },
  });
}

/** Ingest requests per token (or per IP without one) per minute. The key is a digest: no token in Redis. */
export function ingestRateLimit(redis: Redis, keyPrefix: string, perMinute: number): RequestHandler {
  return rateLimit({
    ...common,
    limit: perMinute,
    store: store(redis, `${keyPrefix}:rl:ingest:`),
    keyGenerator: (req) => {
      const auth = req.get('authorization') ?? req.get('x-yuqing-token');
      return auth ? `t:${sha256hex(auth).slice(0, 32)}` : `ip:${ipKeyGenerator(req.ip ?? '')}`;
    },
    message: { error: 'too many ingest requests for this token; slow down and send larger batches' },
  });
}
