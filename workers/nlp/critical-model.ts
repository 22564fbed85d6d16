import { criticalFeatures, type CriticalView } from './model/critical-features.js';
import { FeatureVector } from './model/feature-vector.js';
import { softmax, type LinearModel } from './model/linear-model.js';
import { modelMayDecide, tierOf, type CriticalTier } from './critical-view.js';
import { RULE_CONFIDENCE, roundProbability } from './confidence.js';

/** P(critical) of a view under a binary model whose classes are ['no', 'yes']. */
export function criticalProbability(model: LinearModel, fv: FeatureVector, v: CriticalView, out: Float64Array): number {
  criticalFeatures(fv, v);
  model.logits(fv, out);
  softmax(out, 2);
  return out[model.header.classes.indexOf('yes')]!;
}

/**
 * The learned `critical` decision for one language: for texts that fall under none of the rules'
 * exceptions (critical-view.ts), the model's probability against the threshold of the text's tier
 * stored in its file (chosen in training for precision first): lowest where the rules find a
 * judgement of a named authority, highest where no authority is named at all. Without a model
 * file the cue rules decide.
 */
export class CriticalModel {
  private readonly fv: FeatureVector;
  private readonly p = new Float64Array(2);
  private readonly thresholds: Record<CriticalTier, number>;

  constructor(private readonly model: LinearModel | null) {
    this.fv = new FeatureVector(model?.header.bits ?? 16, 512);
    const num = (k: string, d: number) => {
      const v = model?.header.meta?.[k];
      return typeof v === 'number' ? v : d;
    };
    const named = num('threshold', 0.5);
    // No unnamed threshold: training found none that keeps the precision (never critical there).
    this.thresholds = { judged: num('judgedThreshold', named), named, unnamed: num('unnamedThreshold', Infinity) };
  }

  /** The verdict and its confidence (the model's probability of it; RULE_CONFIDENCE where a rule decides). */
  judge(v: CriticalView): { critical: boolean; confidence: number } {
    if (this.model === null || !modelMayDecide(v)) return { critical: this.model === null ? v.rule : false, confidence: RULE_CONFIDENCE };
    const p = criticalProbability(this.model, this.fv, v, this.p);
    const critical = p >= this.thresholds[tierOf(v)];
    return { critical, confidence: roundProbability(critical ? p : 1 - p) };
  }
}
