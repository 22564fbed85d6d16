import { criticalFeatures, type CriticalView } from './model/critical-features.js';
import { FeatureVector } from './model/feature-vector.js';
import { softmax, type LinearModel } from './model/linear-model.js';
import { judgedByRule, modelMayDecide } from './critical-view.js';
import { RULE_CONFIDENCE, roundProbability } from './confidence.js';

/** P(critical) of a view under a binary model whose classes are ['no', 'yes']. */
export function criticalProbability(model: LinearModel, fv: FeatureVector, v: CriticalView, out: Float64Array): number {
  criticalFeatures(fv, v);
  model.logits(fv, out);
  softmax(out, 2);
  return out[model.header.classes.indexOf('yes')]!;
}

/**
 * The learned `critical` decision for one language: for texts that name an authority (or answer an
 * official post) and fall under none of the rules' exceptions (critical-view.ts), the model's
 * probability against the threshold stored in its file (chosen in training for the best F1 out of
 * fold). Without a model file the cue rules decide.
 */
export class CriticalModel {
  private readonly fv: FeatureVector;
  private readonly p = new Float64Array(2);
  private readonly threshold: number;
  /** For texts where the rules find a judgement of a named authority (critical-view.ts `judgedByRule`). */
  private readonly judgedThreshold: number;

  constructor(private readonly model: LinearModel | null) {
    this.fv = new FeatureVector(model?.header.bits ?? 16, 512);
    const t = model?.header.meta?.['threshold'];
    const tj = model?.header.meta?.['judgedThreshold'];
    this.threshold = typeof t === 'number' ? t : 0.5;
    this.judgedThreshold = typeof tj === 'number' ? tj : this.threshold;
  }

  /** The verdict and its confidence (the model's probability of it; RULE_CONFIDENCE where a rule decides). */
  judge(v: CriticalView): { critical: boolean; confidence: number } {
    if (this.model === null || !modelMayDecide(v)) return { critical: this.model === null ? v.rule : false, confidence: RULE_CONFIDENCE };
    const p = criticalProbability(this.model, this.fv, v, this.p);
    const critical = p >= (judgedByRule(v) ? this.judgedThreshold : this.threshold);
    return { critical, confidence: roundProbability(critical ? p : 1 - p) };
  }
}
