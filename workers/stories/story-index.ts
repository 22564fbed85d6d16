/** What story assignment needs from wherever stories are kept (memory for the CLI, the store live). */
export interface StoryIndex {
  /** The story a thread root (or any clustered mention), by uid, belongs to. */
  storyOfRoot(rootUid: string): string | undefined;
  /** Stories holding a signature that shares at least one LSH band with these. */
  candidates(bands: string[]): { storyId: string; hash: string }[];
  /** Registers a mention (or a not-yet-seen root) with its story, and its signature when it has one. */
  add(entry: StoryIndexEntry): void;
}

export interface StoryIndexEntry {
  storyId: string;
  rootUid: string;
  hash: string | null;
  bands: string[];
}
