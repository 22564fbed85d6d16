import { describe, expect, it } from 'vitest';
import { fillTemplate } from '../../../server/demo/fill.js';
import { rngFor } from '../../../server/demo/random.js';
import { SCENARIOS } from '../../../server/demo/rumour-scenarios.js';
import { EN_POSTS } from '../../../server/demo/texts-en.js';
import { ZH_POSTS, ZH_REPLIES_TO_OFFICIAL, ZH_REPOST_COMMENTS } from '../../../server/demo/texts-zh.js';

const templates = [
  ...Object.values(ZH_POSTS).flat(),
  ...Object.values(EN_POSTS).flat(),
  ...Object.values(ZH_REPLIES_TO_OFFICIAL).flat(),
  ...ZH_REPOST_COMMENTS,
];

describe('demo templates', () => {
  it('fill every slot they use', () => {
    const rng = rngFor('templates');
    for (const t of templates) expect(fillTemplate(t, rng)).not.toMatch(/[{}]/);
  });

  it('fill rumour scenarios with one value per slot across a cycle', () => {
    for (const sc of SCENARIOS) {
      const rng = rngFor('scenario', sc.key);
      const slots: Record<string, string> = { ...sc.cycleSlots(rng), surname: '王', age: '33' };
      const texts = [...sc.roots, ...sc.clarification, ...sc.support, ...sc.query, ...sc.deny, ...sc.spreaderComments, ...sc.afterClarification, ...sc.stubborn];
      for (const t of texts) expect(fillTemplate(t, rng, slots)).not.toMatch(/[{}]/);
      // The clarification must name the same district as the root it answers.
      const district = slots.district;
      if (district) {
        for (const t of [...sc.roots, ...sc.clarification]) expect(fillTemplate(t, rng, slots)).toContain(district);
      }
    }
  });

  it('rejects a template with an unknown slot', () => {
    expect(() => fillTemplate('{nosuchslot}', rngFor('x'))).toThrow(/unknown slot/);
  });

  it('keeps a repeated slot consistent within one text', () => {
    const rng = rngFor('repeat');
    for (let i = 0; i < 20; i++) {
      const [a, b] = fillTemplate('{district}|{district}', rng).split('|');
      expect(a).toBe(b);
    }
  });
});
