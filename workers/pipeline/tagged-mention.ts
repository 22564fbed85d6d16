import type { Mention } from '../../shared/contracts/mention.js';
import type { Tags } from '../../shared/contracts/tags.js';
import type { Normalised } from '../nlp/normalise.js';

/** A validated mention with its tags, ready for the store (storyId is assigned inside the write transaction). */
export interface TaggedMention {
  mention: Mention;
  uid: string;
  parentUid: string | null;
  rootUid: string | null;
  /** uid of the thread's root post (itself for a post). */
  threadUid: string;
  tags: Omit<Tags, 'storyId'>;
  normalised: Normalised;
}
