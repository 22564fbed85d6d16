export { assignStory, clusterSignature, storyIdFor, type StoryInput } from './assign.js';
export { MemoryStoryIndex } from './memory-index.js';
export {
  MIN_CLUSTER_CHARS,
  SAME_STORY_DISTANCE,
  signatureDistance,
  storySignature,
  type StorySignature,
} from './signature.js';
export type { StoryIndex, StoryIndexEntry } from './story-index.js';
