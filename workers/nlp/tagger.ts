import type { Mention } from '../../shared/contracts/mention.js';
import type { Stance, Tags } from '../../shared/contracts/tags.js';
import { topicConfigSchema, type TopicConfig } from '../../shared/contracts/topics.js';
import { DEFAULT_TOPICS } from '../../shared/topics/defaults.js';
import { CriticalModel } from './critical-model.js';
import { criticalViewOf, passesOn, rootCuesOf } from './critical-view.js';
import { FeatureVector } from './model/feature-vector.js';
import { argmax, softmax, type LinearModel } from './model/linear-model.js';
import { loadModels, type LoadedModels } from './model/registry.js';
import { stanceFeatures } from './model/stance-features.js';
import { normalise, type Normalised } from './normalise.js';
import { classifyStance, needsThreadContext, withStrongCues } from './stance.js';
import { stanceViewOf } from './stance-view.js';
import { prepareText } from './tone-input.js';
import type { ToneView } from './model/task-features.js';
import type { SentimentResult } from './sentiment.js';
import { RULE_CONFIDENCE, roundProbability } from './confidence.js';
import { ToneClassifier } from './tone.js';
import { TopicFallback } from './topic-fallback.js';
import { topicTextOf } from './topic-text.js';
import { PhraseMatcher } from './phrase-matcher.js';
import { compileTopics, normaliseKeyword, type TopicMatcher } from './topics.js';

/** What a reply is judged against: its thread's root and the message it answers, when known. */
export interface TagContext {
  root?: { text: string; official?: boolean };
  parent?: { text: string };
}

export type TagResult = Omit<Tags, 'storyId'> & { normalised: Normalised };

export interface Tagger {
  tag(m: Mention, ctx?: TagContext): TagResult;
  /** Replaces the topic configuration (e.g. after admins saved a new one). */
  setTopics(cfg: TopicConfig): void;
  /**
   * The first place of the configuration's `places` list that a normalised text names (own words
   * first, then the quoted chain), for a mention that has no `region`; undefined when none.
   */
  placeOf(n: Normalised): string | undefined;
}

export interface TaggerOptions {
  topics?: TopicConfig;
  /** Models to use; default: the shipped files in workers/models (loaded once per process). */
  models?: LoadedModels;
}

/**
 * The tagger: learned models (workers/models, see `npm run train`) combined with the lexicon and
 * cue knowledge. Models load once per process on first use; tagging is synchronous and deterministic.
 * - Sentiment and emotion read the commenter's own words (or, for a plain forward with none, the
 *   forwarded text) with the quoted chain as context; emoticons and emoji add their evidence.
 * - Criticism of the authorities: target and judgement cues, with the model's sentiment.
 * - Stance: English replies use the RumourEval-trained model over the reply, its root and parent;
 *   Chinese replies (no labelled corpus) use the cue rules. Both apply the thread rules (agreeing
 *   with a parent; replies under an official debunk).
 * - Topics: the configured keyword rules over own words, chain and hashtags; when none matches, the
 *   learned fallback may propose one configured topic.
 */
export function createTagger(opts: TaggerOptions = {}): Tagger {
  const models = opts.models ?? loadModels();
  const tone = new ToneClassifier(models);
  const stanceModels = { zh: new StanceModel(models.stanceZh, 'zh'), en: new StanceModel(models.stanceEn, 'en') };
  const criticalModels = { zh: new CriticalModel(models.criticalZh), en: new CriticalModel(models.criticalEn), und: new CriticalModel(null) };
  const fallback = { zh: new TopicFallback(models.topicsZh, tone.bits), en: new TopicFallback(models.topicsEn, tone.bits) };
  let topics: TopicMatcher;
  let configured: Set<string>;
  let places: { matcher: PhraseMatcher; names: string[] } | null = null;
  const setTopics = (cfg: TopicConfig) => {
    topics = compileTopics(cfg);
    configured = new Set(cfg.topics.map((t) => t.id));
    places = cfg.places.length ? { matcher: new PhraseMatcher(cfg.places.map(normaliseKeyword)), names: cfg.places } : null;
  };
  setTopics(opts.topics ?? topicConfigSchema.parse(DEFAULT_TOPICS));

  return {
    setTopics,

    placeOf(n) {
      if (!places) return undefined;
      const p = places;
      for (const text of [n.own, ...n.chain.map((c) => c.text)]) {
        let first = -1;
        let at = Infinity;
        p.matcher.scan(text, (id, start) => {
          if (start < at) {
            at = start;
            first = id;
          }
        });
        if (first >= 0) return p.names[first];
      }
      return undefined;
    },

    tag(m, ctx = {}) {
      const prep = prepareText(m.text, m.lang);
      const { n, view, lang, analysis, forwardOnly } = prep;
      const { sentiment, emotion, confidence: toneConfidence } = tone.classify(view, analysis !== 'und');
      const isReply = m.kind !== 'post';
      // An official account's own notices (酒驾整治, 网警提示…) name police and wrongdoing but criticise no one.
      const own = forwardOnly ? '' : n.own;
      const { critical, confidence: criticalConfidence } =
        m.author?.official === true ? { critical: false, confidence: 1 } : criticalModels[analysis].judge(criticalViewInThread(view, sentiment, own, isReply ? ctx.root : undefined, m.lang));

      let stance: Stance;
      // A root supports itself by definition; a reply's stance is the model's (or the cue rules').
      let stanceConfidence = m.kind === 'post' ? 1 : RULE_CONFIDENCE;
      const model = analysis === 'und' ? undefined : stanceModels[analysis];
      if (isReply && own !== '' && model?.ready) {
        const parentText = ctx.parent && ctx.parent.text !== ctx.root?.text ? ctx.parent.text : undefined;
        const verdict = model.classify(own, n.urls.length, ctx.root?.text, parentText);
        stance = classifyStance({ kind: m.kind, own, ...threadContext(own, ctx, isReply) }, verdict.stance);
        if (stance === verdict.stance) stanceConfidence = verdict.confidence;
      } else {
        stance = classifyStance({ kind: m.kind, own, ...threadContext(own, ctx, isReply) });
      }
      const confidence = { ...toneConfidence, critical: criticalConfidence, stance: stanceConfidence };

      const topicText = topicTextOf(n);
      let matched = topics.match(topicText);
      if (matched.length === 0 && analysis !== 'und') {
        matched = fallback[view.lang].predict(tone.baseFeatures(view), configured);
      }
      return { lang, sentiment, emotion, critical, stance, topics: matched, confidence, normalised: n };
    },
  };
}

/**
 * What the critical model reads of a mention in its thread. A reply that only agrees passes its
 * root's criticism on, so the root's words are judged; a reply also reads its root's cues, except an
 * official account's root, whose notice names wrongdoing, not blame.
 */
function criticalViewInThread(view: ToneView, sentiment: SentimentResult, own: string, root: TagContext['root'], lang: string | undefined) {
  if (!root) return criticalViewOf(view, sentiment, false);
  const judged = passesOn(own) ? prepareText(root.text, lang).view : view;
  return criticalViewOf(judged, sentiment, root.official === true, root.official ? 0 : rootCuesOf(root.text));
}

/** Root and parent own words for the stance rules, normalised only when the rules will read them. */
function threadContext(own: string, ctx: TagContext, isReply: boolean) {
  if (!isReply || !needsThreadContext(own, ctx.root?.official === true)) return {};
  return {
    ...(ctx.root ? { root: { own: normalise(ctx.root.text).own, official: ctx.root.official === true } } : {}),
    ...(ctx.parent && ctx.parent.text !== ctx.root?.text ? { parent: { own: normalise(ctx.parent.text).own } } : {}),
  };
}

class StanceModel {
  private readonly fv: FeatureVector;
  private readonly p = new Float64Array(4);

  constructor(
    private readonly model: LinearModel | null,
    private readonly lang: 'zh' | 'en',
  ) {
    this.fv = new FeatureVector(model?.header.bits ?? 17, 512);
  }

  get ready(): boolean {
    return this.model !== null;
  }

  classify(own: string, urls: number, rootText: string | undefined, parentText: string | undefined): { stance: Stance; confidence: number } {
    const m = this.model!;
    stanceFeatures(this.fv, stanceViewOf(own, urls, rootText, parentText, this.lang));
    m.logits(this.fv, this.p);
    const best = argmax(this.p, m.k);
    const verdict = m.header.classes[best] as Stance;
    softmax(this.p, m.k);
    const confidence = roundProbability(this.p[best]!);
    // Strong question, denial or affirmation forms the model reads otherwise: the cue rules win
    // (English: +0.005 macro-F1 in cross-validation over the training threads; Chinese: see training).
    const stance = withStrongCues(verdict, own);
    return { stance, confidence: stance === verdict ? confidence : RULE_CONFIDENCE };
  }
}
