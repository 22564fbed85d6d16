import { describe, expect, it } from 'vitest';
import { normalise } from '../../../workers/nlp/normalise.js';
import { SAME_STORY_DISTANCE, signatureDistance, storySignature } from '../../../workers/stories/index.js';
import { STORY_GROUPS } from '../../fixtures/nlp/story-texts.js';

const sig = (text: string) => {
  const s = storySignature(normalise(text).own);
  if (!s) throw new Error(`no signature for ${text}`);
  return s;
};

describe('storySignature', () => {
  it('has a 16-hex hash and band keys', () => {
    const s = sig(STORY_GROUPS[0]!.original);
    expect(s.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(s.bands.length).toBeGreaterThan(1);
    for (const b of s.bands) expect(b).toMatch(/^b\d+:[0-9a-f]{8}$/);
  });

  it('is null for texts too short to cluster', () => {
    expect(storySignature('真的假的？')).toBeNull();
    expect(storySignature('!!! ??? 123')).toBeNull();
  });

  it('is deterministic', () => {
    expect(storySignature('网传东湖区有人抢孩子请注意安全')).toEqual(storySignature('网传东湖区有人抢孩子请注意安全'));
  });

  it.each(STORY_GROUPS.map((g, i) => [i, g] as const))('group %i: variants near, others far', (_i, g) => {
    const o = sig(g.original);
    for (const t of g.joins) {
      const s = sig(t);
      expect(signatureDistance(o.hash, s.hash), t).toBeLessThanOrEqual(SAME_STORY_DISTANCE);
      expect(s.bands.some((b) => o.bands.includes(b)), t).toBe(true);
    }
    for (const t of g.separate) expect(signatureDistance(o.hash, sig(t).hash), t).toBeGreaterThan(SAME_STORY_DISTANCE);
  });
});

describe('signatureDistance', () => {
  it('is the Hamming distance', () => {
    expect(signatureDistance('0000000000000000', '0000000000000000')).toBe(0);
    expect(signatureDistance('0000000000000000', 'ffffffffffffffff')).toBe(64);
    expect(signatureDistance('0000000000000001', '8000000000000000')).toBe(2);
  });
  it('treats malformed hashes as far apart', () => {
    expect(signatureDistance('zz', '0000000000000000')).toBe(64);
  });
});
