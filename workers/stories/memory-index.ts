import { BoundedMap } from './bounded-map.js';
import type { StoryIndex, StoryIndexEntry } from './story-index.js';

/** Stories kept per band: a band shared by very many stories says little, so only the latest few count. */
const PER_BAND = 8;

/**
 * In-memory story index for the CLI and tests, bounded to about `capacity` roots and as many band
 * keys (least recently used dropped first). The store keeps the live pipeline's index.
 */
export class MemoryStoryIndex implements StoryIndex {
  private readonly roots: BoundedMap<string>;
  private readonly bands: BoundedMap<{ storyId: string; hash: string }[]>;

  constructor(capacity = 200_000) {
    const generation = Math.max(1, Math.floor(capacity / 2));
    this.roots = new BoundedMap(generation);
    this.bands = new BoundedMap(generation);
  }

  storyOfRoot(rootUid: string): string | undefined {
    return this.roots.get(rootUid);
  }

  candidates(bands: string[]): { storyId: string; hash: string }[] {
    const out: { storyId: string; hash: string }[] = [];
    const seen = new Set<string>();
    for (const b of bands) {
      const list = this.bands.get(b);
      if (!list) continue;
      for (const c of list) {
        const key = c.storyId + c.hash;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(c);
      }
    }
    return out;
  }

  add(entry: StoryIndexEntry): void {
    if (this.roots.get(entry.rootUid) === undefined) this.roots.set(entry.rootUid, entry.storyId);
    if (entry.hash === null) return;
    for (const b of entry.bands) {
      const list = this.bands.get(b);
      const item = { storyId: entry.storyId, hash: entry.hash };
      if (!list) {
        this.bands.set(b, [item]);
        continue;
      }
      // One entry per story and band, its latest signature: a viral story fills no band alone.
      const at = list.findIndex((c) => c.storyId === item.storyId);
      if (at >= 0) list[at] = item;
      else {
        list.push(item);
        if (list.length > PER_BAND) list.shift();
      }
    }
  }

  /** Roots plus band keys currently held (for tests and metrics). */
  get size(): number {
    return this.roots.size + this.bands.size;
  }
}
