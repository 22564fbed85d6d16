import { Router } from 'express';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { storedMentionCount } from '../../shared/store/repos/rollups.js';
import type { Executor } from '../../shared/store/store.js';

async function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<never>((_, rej) => (timer = setTimeout(() => rej(new Error('timeout')), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/** GET /healthz: 200 when Redis and the store answer, else 503 naming the part that is down. */
export function healthRouter(db: Executor, redis: Redis, queue: Queue): Router {
  const r = Router();
  r.get('/healthz', async (_req, res) => {
    let redisOk = false;
    let queueCounts = { waiting: 0, active: 0, failed: 0 };
    try {
      redisOk = (await withTimeout(redis.ping(), 1000)) === 'PONG';
      const c = await withTimeout(queue.getJobCounts('waiting', 'active', 'failed', 'prioritized', 'delayed'), 1000);
      queueCounts = { waiting: (c.waiting ?? 0) + (c.prioritized ?? 0) + (c.delayed ?? 0), active: c.active ?? 0, failed: c.failed ?? 0 };
    } catch {
      redisOk = false;
    }
    let mentions = 0;
    let storeOk = false;
    try {
      // From the counters, not COUNT(*): cheap at any size (see storedMentionCount).
      mentions = await withTimeout(storedMentionCount(db), 2000);
      storeOk = true;
    } catch {
      storeOk = false;
    }
    const down = [!redisOk && 'redis', !storeOk && 'store'].filter(Boolean);
    res.status(down.length ? 503 : 200).json({
      status: down.length ? `down: ${down.join(', ')}` : 'ok',
      redis: redisOk ? 'ok' : 'down',
      store: storeOk ? 'ok' : 'down',
      queue: queueCounts,
      mentions,
    });
  });
  return r;
}
