import type { Normalised } from '../nlp/normalise.js';
import { SAME_STORY_DISTANCE, shortHash, signatureDistance, storySignature, type StorySignature } from './signature.js';
import type { StoryIndex } from './story-index.js';

export interface StoryInput {
  /** `${platform}:${id}` of the mention. */
  uid: string;
  platform: string;
  kind: 'post' | 'repost' | 'reply';
  rootId?: string | undefined;
  parentId?: string | undefined;
  text: Normalised;
}

/** Own words shorter than this (in letters/digits/Han) add little to a repost: cluster on what it quotes. */
const SHORT_OWN_WORDS = 20;

/** The story id a root uid gets when it starts a story: deterministic, so every process agrees. */
export function storyIdFor(rootUid: string): string {
  return `st_${shortHash(rootUid)}`;
}

/**
 * Puts a mention into a story (near-duplicate cluster):
 * 1. A reply or repost naming its root (or, failing that, its parent) joins that root's story. When
 *    the root has not been seen, the story id is made from the root's uid and registered, so the
 *    root adopts it when it arrives.
 * 2. Anything else (posts, root-less reposts and replies) first takes a story already registered for
 *    its own uid, then the nearest near-duplicate among the LSH candidates within
 *    SAME_STORY_DISTANCE (ties to the smaller story id), else starts a story of its own.
 *    A repost with only a short comment is clustered on the text it quotes (the last chain segment).
 * Ids depend only on the input order, never on time or randomness.
 */
export function assignStory(input: StoryInput, index: StoryIndex, signature = clusterSignature(input)): string {
  if (input.kind !== 'post') {
    const rootUid = input.rootId !== undefined ? `${input.platform}:${input.rootId}` : undefined;
    const parentUid = input.parentId !== undefined ? `${input.platform}:${input.parentId}` : undefined;
    const anchor = rootUid ?? parentUid;
    if (anchor !== undefined) {
      let story = index.storyOfRoot(anchor);
      if (story === undefined && rootUid !== undefined && parentUid !== undefined) story = index.storyOfRoot(parentUid);
      if (story === undefined) {
        story = storyIdFor(anchor);
        index.add({ storyId: story, rootUid: anchor, hash: null, bands: [] });
      }
      index.add({ storyId: story, rootUid: input.uid, hash: null, bands: [] });
      return story;
    }
  }

  let story = index.storyOfRoot(input.uid);
  if (story === undefined && signature) {
    let bestDistance = SAME_STORY_DISTANCE + 1;
    for (const c of index.candidates(signature.bands)) {
      const d = signatureDistance(signature.hash, c.hash);
      if (d < bestDistance || (d === bestDistance && story !== undefined && c.storyId < story)) {
        bestDistance = d;
        story = c.storyId;
      }
    }
  }
  story ??= storyIdFor(input.uid);
  index.add({ storyId: story, rootUid: input.uid, hash: signature?.hash ?? null, bands: signature?.bands ?? [] });
  return story;
}

/**
 * The signature a mention is clustered on, when it is clustered by text at all (step 2 above);
 * computed once by a caller that needs the bands ahead (the store prefetches their candidates).
 */
export function clusterSignature(input: StoryInput): StorySignature | null {
  if (input.kind !== 'post' && (input.rootId !== undefined || input.parentId !== undefined)) return null;
  return storySignature(clusterText(input.text));
}

function clusterText(n: Normalised): string {
  if (n.chain.length === 0) return n.own;
  const ownChars = n.own.replace(/[^\p{L}\p{N}]+/gu, '').length;
  return ownChars < SHORT_OWN_WORDS ? n.chain[n.chain.length - 1]!.text : n.own;
}
