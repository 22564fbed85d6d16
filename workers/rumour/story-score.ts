/**
 * First rumour signal for a story: how much of the conversation questions or denies it
 * (Zhao, Resnick & Mei 2015, "Enquiring Minds"). The rumour issue replaces this with a richer,
 * explained score; both the live pipeline and `yuqing rumours` call this one function.
 */
export interface StoryCounts {
  replies: number;
  posts: number;
  queries: number;
  denies: number;
  /** The story starts with an official account's own post (e.g. its clarification): not a rumour. */
  rootOfficial: boolean;
}

/** Pseudo-count that keeps two early "真的假的？" on a tiny thread from scoring like fifty. */
const PRIOR = 4;
export const CANDIDATE_MIN_SIGNALS = 3;
export const CANDIDATE_MIN_SCORE = 0.15;

export function enquiryScore(c: StoryCounts): { score: number; candidate: boolean } {
  const signals = c.queries + c.denies;
  const conversation = c.replies + Math.max(0, c.posts - 1);
  const score = signals / (conversation + PRIOR);
  return {
    score: Math.round(score * 1000) / 1000,
    candidate: !c.rootOfficial && signals >= CANDIDATE_MIN_SIGNALS && score >= CANDIDATE_MIN_SCORE,
  };
}
