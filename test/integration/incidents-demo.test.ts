import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentDetail, IncidentList } from '../../shared/contracts/incidents.js';
import type { Mention } from '../../shared/contracts/mention.js';
import { demoMentionsForSecond } from '../../server/demo/generator.js';
import { CLARIFY_AT, CYCLE_SECONDS, clarificationId, cycleIndex, rumourRootId } from '../../server/demo/rumour-cycle.js';
import { eventually, startSystem, type TestSystem } from '../support/system.js';

const SEED = 7;
const RATE = 60;

let sys: TestSystem;
beforeAll(async () => {
  sys = await startSystem();
});
afterAll(async () => {
  await sys?.stop();
});


// The demo feed's outbreak, replayed minute by minute through the API: its incident must open before
// the official clarification arrives (and before the outbreak reaches half its size), and then show
// the clarification's effect.
describe('the demo outbreak as an incident', () => {
  it('is flagged before the clarification and then shows its effect', async () => {
    // The last complete cycle: all of it lies in the past, as replayed history.
    const cycle = cycleIndex(Math.floor(Date.now() / 1000)) - 1;
    const start = cycle * CYCLE_SECONDS;
    const minutes: Mention[][] = [];
    for (let m = 0; m < CYCLE_SECONDS / 60; m++) {
      const batch: Mention[] = [];
      for (let s = start + m * 60; s < start + (m + 1) * 60; s++) batch.push(...demoMentionsForSecond({ seed: SEED, ratePerMinute: RATE }, s));
      minutes.push(batch);
    }
    const rootId = rumourRootId(SEED, cycle);
    const inOutbreak = (m: Mention) => m.id === rootId || m.rootId === rootId;
    const outbreakSize = minutes.flat().filter(inOutbreak).length;

    let sent = 0;
    let sentOutbreak = 0;
    let flagged: { minute: number; outbreakSoFar: number; id: number } | null = null;
    for (let minute = 0; minute < minutes.length; minute++) {
      const batch = minutes[minute]!;
      expect((await sys.postMentions(batch)).status).toBe(202);
      sent += batch.length;
      sentOutbreak += batch.filter(inOutbreak).length;
      await eventually(async () => ((await sys.storedCount()) >= sent ? true : undefined), `minute ${minute} stored`);
      if (!flagged) {
        const list = (await (await sys.fetch(`/api/v1/incidents?status=open`)).json()) as IncidentList;
        const inc = list.items.find((i) => i.story?.rootUid === `weibo:${rootId}`);
        if (inc) flagged = { minute, outbreakSoFar: sentOutbreak, id: inc.id };
      }
    }
    expect(flagged, 'the outbreak was never flagged').not.toBeNull();
    // Flagged before the clarification (posted at CLARIFY_AT seconds into the cycle) …
    expect(flagged!.minute).toBeLessThan(CLARIFY_AT / 60);
    // … and before the outbreak reached half its final size.
    expect(flagged!.outbreakSoFar).toBeLessThan(outbreakSize / 2);

    // Exactly one incident for it.
    const all = (await (await sys.fetch(`/api/v1/incidents?limit=200`)).json()) as IncidentList;
    expect(all.items.filter((i) => i.story?.rootUid === `weibo:${rootId}`)).toHaveLength(1);

    // The official clarification is detected on the story (or, failing that, linked by an officer), and
    // the incident shows its effect: spread slows and denial rises after it.
    let detail = (await (await sys.fetch(`/api/v1/incidents/${flagged!.id}`)).json()) as IncidentDetail;
    if (!detail.effect) {
      const res = await sys.fetch(`/api/v1/incidents/${flagged!.id}/clarification`, {
        method: 'POST',
        body: JSON.stringify({ uid: `weibo:${clarificationId(SEED, cycle)}` }),
      });
      expect(res.status).toBe(200);
      detail = (await (await sys.fetch(`/api/v1/incidents/${flagged!.id}`)).json()) as IncidentDetail;
    }
    const effect = detail.effect!;
    expect(effect.clarificationUid).toBe(`weibo:${clarificationId(SEED, cycle)}`);
    expect(effect.velocity.after).toBeLessThan(effect.velocity.before);
    expect(effect.denyShare.after!).toBeGreaterThan(effect.denyShare.before!);
    expect(effect.reach.clarification).toBeGreaterThan(0);
  });
});
