import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMentions } from '../fixtures/mentions.js';
import { eventually, startSystem, type TestSystem } from '../support/system.js';

let sys: TestSystem;
beforeAll(async () => {
  // Short lock so the job held by the killed worker is taken over quickly.
  sys = await startSystem({ jobLockMs: 2000 });
});
afterAll(async () => sys?.stop());


describe('a worker killed mid-run', () => {
  it('loses nothing and counts nothing twice once another worker takes over', async () => {
    const total = 6000;
    const batch = makeMentions(total, 'crash');
    const res = await sys.postMentions(batch);
    expect(res.status).toBe(202);
    const [worker] = sys.workers;
    // Kill as soon as the first batches are stored: later ones are queued or in hand.
    const seen = await eventually(async () => {
      const n = await sys.storedCount();
      return n > 0 ? n : undefined;
    }, 'the first stored batch', 60_000);
    worker?.process.kill('SIGKILL');
    await worker?.exited;
    const atKill = await sys.storedCount();
    expect(seen).toBeGreaterThan(0);

    const replacement = sys.startWorker();
    await replacement.ready;
    await eventually(async () => ((await sys.storedCount()) === total ? true : undefined), `all ${total} stored`, 90_000);
    // Drained queue, and the aggregates agree with the rows: every mention counted exactly once.
    const from = new Date(Date.now() - 3600_000).toISOString();
    const to = new Date(Date.now() + 600_000).toISOString();
    const b = await sys.fetch(`/api/v1/stats/breakdown?from=${from}&to=${to}&dim=platform`);
    const counted = ((await b.json()) as { items: { n: number }[] }).items.reduce((s, i) => s + i.n, 0);
    expect(counted).toBe(total);
    expect(await sys.storedCount()).toBe(total);
    // The kill did land before the work was finished (otherwise this test proved nothing).
    expect(atKill).toBeLessThan(total);
  });
});
