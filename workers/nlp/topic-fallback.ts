import type { FeatureVector } from './model/feature-vector.js';
import type { LinearModel } from './model/linear-model.js';

/** The class a topic model uses for "no topic". */
export const NO_TOPIC = 'none';

/**
 * The learned topic fallback for mentions that match no keyword rule: a logistic model over the
 * tone features of the text (task-features.ts; so tagging extracts them once), trained on corpus
 * texts labelled by the default rules with the rule keywords masked out, so that it learns the
 * company a topic keeps rather than the keywords the rules already catch. It
 * proposes its most probable topic when that probability clears the model's threshold (chosen at
 * training time for precision on a dev split) and the topic exists in the current configuration.
 */
export class TopicFallback {
  private p = new Float64Array(32);

  /** A model whose features were hashed differently from the tone features is not used. */
  constructor(model: LinearModel | null, toneBits: number) {
    this.model = model && model.header.bits === toneBits ? model : null;
    if (this.model && this.model.k > this.p.length) this.p = new Float64Array(this.model.k);
  }

  private readonly model: LinearModel | null;

  get threshold(): number {
    const t = this.model?.header.meta.threshold;
    return typeof t === 'number' ? t : 1;
  }

  /** Most probable topic and its probability (for evaluation), or null without a model. */
  best(fv: FeatureVector): { topic: string; p: number } | null {
    const m = this.model;
    if (!m) return null;
    m.probabilities(fv, this.p);
    let best = -1;
    for (let c = 0; c < m.k; c++) {
      if (m.header.classes[c] === NO_TOPIC) continue;
      if (best < 0 || this.p[c]! > this.p[best]!) best = c;
    }
    if (best < 0) return null;
    return { topic: m.header.classes[best]!, p: this.p[best]! };
  }

  /** [topic] when the model is confident and the topic is configured, else []. */
  predict(fv: FeatureVector, configured: ReadonlySet<string>): string[] {
    const b = this.best(fv);
    return b && b.p >= this.threshold && configured.has(b.topic) ? [b.topic] : [];
  }
}
