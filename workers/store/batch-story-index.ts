import { addStoryBands, addStoryRoots, BAND_CANDIDATES, storiesOfBands, storiesOfRoots, type BandEntry } from '../../shared/store/repos/stories.js';
import type { Executor } from '../../shared/store/store.js';
import type { StoryIndex, StoryIndexEntry } from '../stories/index.js';


/**
 * The store's story index for one batch, in memory: assignment (workers/stories/assign.ts) is
 * synchronous and asks per mention, so everything it can ask is fetched up front in two queries
 * (story_roots for every uid the batch names, story_bands for every band of its signatures), what
 * it adds is served from memory for the rest of the batch and written in bulk by `flush`. Used
 * inside the batch transaction only, which keeps it consistent with the store.
 */
export class BatchStoryIndex implements StoryIndex {
  private readonly roots = new Map<string, string>();
  private readonly bands = new Map<string, BandEntry[]>();
  /** Stories closed to new posts during this batch (the stored ones are left out by storiesOfBands). */
  private readonly closed = new Set<string>();
  private readonly newRoots: { root_uid: string; story_id: string }[] = [];
  private readonly newBands: { band: string; story_id: string; hash: string }[] = [];

  static async load(db: Executor, uids: Iterable<string>, bands: Iterable<string>): Promise<BatchStoryIndex> {
    const index = new BatchStoryIndex();
    for (const [uid, story] of await storiesOfRoots(db, [...new Set(uids)])) index.roots.set(uid, story);
    for (const b of await storiesOfBands(db, [...new Set(bands)])) index.fileBand(b);
    return index;
  }

  private fileBand(b: BandEntry): void {
    let list = this.bands.get(b.band);
    if (!list) this.bands.set(b.band, (list = []));
    list.push(b);
  }

  storyOfRoot(rootUid: string): string | undefined {
    return this.roots.get(rootUid);
  }

  candidates(bands: string[]): { storyId: string; hash: string }[] {
    const seen = new Set<string>();
    const out: { storyId: string; hash: string }[] = [];
    for (const band of bands) {
      for (const b of this.bands.get(band) ?? []) {
        // Closed to new posts (see storiesOfBands).
        if (this.closed.has(b.story_id)) continue;
        const k = `${b.story_id}\u0000${b.hash}`;
        if (seen.has(k)) continue;
        seen.add(k);
        out.push({ storyId: b.story_id, hash: b.hash });
        if (out.length >= BAND_CANDIDATES) return out;
      }
    }
    return out;
  }

  add(entry: StoryIndexEntry): void {
    if (!this.roots.has(entry.rootUid)) {
      this.roots.set(entry.rootUid, entry.storyId);
      this.newRoots.push({ root_uid: entry.rootUid, story_id: entry.storyId });
    }
    if (entry.hash === null) return;
    for (const band of entry.bands) {
      const list = this.bands.get(band);
      if (list?.some((b) => b.story_id === entry.storyId)) continue;
      this.fileBand({ band, story_id: entry.storyId, hash: entry.hash });
      this.newBands.push({ band, story_id: entry.storyId, hash: entry.hash });
    }
  }

  /**
   * An official account replied in a story during this batch: if the story was already a flagged
   * candidate, it is closed to new posts from the next mention on, as the per-row writer saw it.
   */
  officialReplied(storyId: string, candidate: boolean): void {
    if (candidate) this.closed.add(storyId);
  }

  /** Writes what the batch registered (roots, then signature bands), in bulk. */
  async flush(db: Executor): Promise<void> {
    await addStoryRoots(db, this.newRoots);
    await addStoryBands(db, this.newBands);
  }
}
