/**
 * The confidence reported for a label that a rule or the hand lexicon chose rather than a model
 * (no probability exists for it). Below 1 so that such tags are not taken as certain; above the
 * dashboard's "uncertain" marks (shared/contracts/tags.ts) so that they do not flood the review queue.
 */
export const RULE_CONFIDENCE = 0.8;

/** A probability as tags carry it: three decimals. */
export const roundProbability = (p: number): number => Math.round(p * 1000) / 1000;
