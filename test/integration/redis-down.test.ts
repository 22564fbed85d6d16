import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMentions } from '../fixtures/mentions.js';
import { startPrivateRedis } from '../support/redis-process.js';
import { eventually, startSystem, type TestSystem } from '../support/system.js';

let sys: TestSystem;
let redis: Awaited<ReturnType<typeof startPrivateRedis>>;
beforeAll(async () => {
  redis = await startPrivateRedis();
  sys = await startSystem({ redisUrl: redis.url, workers: 0 });
});
afterAll(async () => {
  await sys?.stop();
  await redis?.stop();
});

describe('when Redis is down', () => {
  it('answers 503 with nothing accepted, and health names Redis', async () => {
    expect((await sys.postMentions(makeMentions(3, 'before'))).status).toBe(202);
    await redis.stop();
    const res = await eventually(async () => {
      const r = await sys.postMentions(makeMentions(600, 'during'));
      return r.status === 503 ? r : undefined;
    }, 'a 503');
    const body = (await res.json()) as { error: string };
    expect(body.error).toMatch(/nothing from this request was accepted/);
    expect(res.headers.get('retry-after')).toBe('5');
    const health = await fetch(`${sys.baseUrl}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ redis: 'down', store: 'ok' });
  });
});
