import { criticalFeatures, type CriticalView } from './model/critical-features.js';
import { FeatureVector } from './model/feature-vector.js';
import { softmax, type LinearModel } from './model/linear-model.js';
import { modelMayDecide } from './critical-view.js';

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

  constructor(private readonly model: LinearModel | null) {
    this.fv = new FeatureVector(model?.header.bits ?? 16, 512);
    const t = model?.header.meta?.['threshold'];
    this.threshold = typeof t === 'number' ? t : 0.5;
  }

  decide(v: CriticalView): boolean {
    if (this.model === null) return v.rule;
    if (!modelMayDecide(v)) return false;
    return criticalProbability(this.model, this.fv, v, this.p) >= this.threshold;
  }
}
