import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MENTIONS_QUEUE } from '../../shared/contracts/queue.js';
import { makeMentions } from '../fixtures/mentions.js';
import { eventually, startSystem, type TestSystem } from '../support/system.js';

let sys: TestSystem;
let connection: Redis;
let queue: Queue;
beforeAll(async () => {
  sys = await startSystem();
  connection = new Redis(sys.env.REDIS_URL as string, { maxRetriesPerRequest: null });
  queue = new Queue(MENTIONS_QUEUE, { connection, prefix: sys.env.YUQING_REDIS_PREFIX });
});
afterAll(async () => {
  await queue?.close();
  connection?.disconnect();
  await sys?.stop();
});

describe('a job whose payload can never be processed', () => {
  it('fails once, without retries, and does not hold up the jobs behind it', async () => {
    // Written straight to the queue as a faulty connector might, bypassing the API's validation.
    const bad = await queue.add('connector', { v: 99, mentions: 'nothing here' }, { attempts: 5, backoff: { type: 'fixed', delay: 100 } });
    expect((await sys.postMentions(makeMentions(5, 'after-bad'))).status).toBe(202);
    const failed = await eventually(async () => {
      const job = await queue.getJob(bad.id as string);
      return (await job?.isFailed()) ? job : undefined;
    }, 'the bad job to fail');
    expect(failed?.attemptsMade).toBe(1);
    expect(failed?.failedReason).toMatch(/no valid mention batch/);
    const health = await eventually(async () => {
      const h = (await (await fetch(`${sys.baseUrl}/healthz`)).json()) as { mentions: number; queue: { failed: number } };
      return h.mentions === 5 ? h : undefined;
    }, 'the good batch stored');
    expect(health.queue.failed).toBe(1);
  });
});
