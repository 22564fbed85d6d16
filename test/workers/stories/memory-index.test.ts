import { describe, expect, it } from 'vitest';
import { MemoryStoryIndex } from '../../../workers/stories/index.js';

describe('MemoryStoryIndex', () => {
  it('remembers roots and returns band candidates', () => {
    const index = new MemoryStoryIndex();
    index.add({ storyId: 's1', rootUid: 'weibo:1', hash: 'aaaaaaaaaaaaaaaa', bands: ['b0:1', 'b1:2'] });
    index.add({ storyId: 's2', rootUid: 'weibo:2', hash: 'bbbbbbbbbbbbbbbb', bands: ['b0:9', 'b1:2'] });
    expect(index.storyOfRoot('weibo:1')).toBe('s1');
    expect(index.storyOfRoot('weibo:3')).toBeUndefined();
    expect(index.candidates(['b0:1'])).toEqual([{ storyId: 's1', hash: 'aaaaaaaaaaaaaaaa' }]);
    expect(index.candidates(['b1:2', 'b0:1'])).toHaveLength(2);
    expect(index.candidates([])).toEqual([]);
  });

  it('keeps the first story registered for a root', () => {
    const index = new MemoryStoryIndex();
    index.add({ storyId: 's1', rootUid: 'weibo:1', hash: null, bands: [] });
    index.add({ storyId: 's2', rootUid: 'weibo:1', hash: null, bands: [] });
    expect(index.storyOfRoot('weibo:1')).toBe('s1');
  });

  it('stays bounded, dropping least recently used entries', () => {
    const index = new MemoryStoryIndex(100);
    index.add({ storyId: 'keep', rootUid: 'weibo:keep', hash: null, bands: [] });
    for (let i = 0; i < 1000; i++) {
      index.add({ storyId: `s${i}`, rootUid: `weibo:${i}`, hash: '0000000000000000', bands: [`b0:${i}`] });
      if (i % 10 === 0) index.storyOfRoot('weibo:keep'); // used often: survives
    }
    expect(index.size).toBeLessThanOrEqual(200);
    expect(index.storyOfRoot('weibo:keep')).toBe('keep');
    expect(index.storyOfRoot('weibo:0')).toBeUndefined();
    expect(index.storyOfRoot('weibo:999')).toBe('s999');
  });
});
