import type { Mention } from '../../shared/contracts/mention.js';
import type { Tags } from '../../shared/contracts/tags.js';
import { topicConfigSchema, type TopicConfig } from '../../shared/contracts/topics.js';
import { DEFAULT_TOPICS } from '../../shared/topics/defaults.js';
import { isCritical } from './critical.js';
import { classifyEmotion } from './emotion.js';
import { analysisLang, detectLang, reportedLang } from './lang.js';
import { normalise, type Normalised } from './normalise.js';
import { tokenize } from './segment.js';
import { scoreSentiment } from './sentiment.js';
import { classifyStance, needsThreadContext } from './stance.js';
import { compileTopics, type TopicMatcher } from './topics.js';

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
}

/** Own words that only say "this is a forward" (Weibo fills them in for an empty repost). */
const FORWARD_ONLY = new Set(['', '转发微博', '转发', '转', '轉發微博', 'repost', 'rt']);

/**
 * The lexicon-and-cue tagger. Models (segmenter, lexicons, cue automata) load once per process on
 * first use; tagging is synchronous, deterministic and allocation-light.
 * Sentiment, emotion and criticism read the commenter's own words — or, for a plain forward with
 * none, the forwarded text, since forwarding spreads it. Stance reads only the own words. Topics
 * read everything: own words, the quoted chain and the hashtags.
 */
export function createTagger(opts: { topics?: TopicConfig } = {}): Tagger {
  let topics: TopicMatcher = compileTopics(opts.topics ?? topicConfigSchema.parse(DEFAULT_TOPICS));

  return {
    setTopics(cfg) {
      topics = compileTopics(cfg);
    },

    tag(m, ctx = {}) {
      const n = normalise(m.text);
      const forwardOnly = FORWARD_ONLY.has(n.own.replace(/[\s,.!?;:。~…]+/g, ''));
      const lastQuoted = n.chain.length ? n.chain[n.chain.length - 1]!.text : '';
      const text = forwardOnly && lastQuoted ? lastQuoted : n.own;

      const detected = detectLang(text || lastQuoted || m.text);
      const lang = reportedLang(m.lang, detected);
      const tokens = tokenize(text, analysisLang(lang, detected));
      const sentiment = scoreSentiment(tokens, n.emoticons, n.emoji);
      const emotion = classifyEmotion(tokens, n.emoticons, n.emoji);
      const isReply = m.kind !== 'post';
      // An official account's own notices (酒驾整治, 网警提示…) name police and wrongdoing but criticise no one.
      const critical =
        m.author?.official !== true && isCritical({ text, sentiment, repliesToOfficial: isReply && ctx.root?.official === true });

      const own = forwardOnly ? '' : n.own;
      const withContext = isReply && needsThreadContext(own, ctx.root?.official === true);
      const stance = classifyStance({
        kind: m.kind,
        own,
        ...(withContext && ctx.root ? { root: { own: normalise(ctx.root.text).own, official: ctx.root.official === true } } : {}),
        ...(withContext && ctx.parent && ctx.parent.text !== ctx.root?.text
          ? { parent: { own: normalise(ctx.parent.text).own } }
          : {}),
      });

      let topicText = n.own;
      for (const c of n.chain) topicText += '\n' + c.text;
      for (const h of n.hashtags) topicText += '\n' + h;

      return { lang, sentiment, emotion, critical, stance, topics: topics.match(topicText), normalised: n };
    },
  };
}
