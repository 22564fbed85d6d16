import type { Mention } from '../../shared/contracts/mention.js';
import { detectLang, reportedLang } from './lang.js';
import { normalise } from './normalise.js';
import type { TagResult, Tagger } from './tagger.js';

/**
 * The benchmark's ceiling (`bench --system` runs the pipeline once more with YUQING_BENCH_UNTAGGED=1):
 * every mention gets the same neutral tags after only the normalisation that story clustering
 * needs, so the run measures everything but tagging (API, queue, store, stories, live delta).
 * Never for real use: nothing it stores means anything.
 */
export function createUntaggedTagger(): Tagger {
  return {
    tag(m: Mention): TagResult {
      const normalised = normalise(m.text);
      return {
        lang: reportedLang(m.lang, detectLang(normalised.own)),
        sentiment: { label: 'neutral', score: 0 },
        emotion: 'none',
        critical: false,
        stance: 'comment',
        topics: [],
        normalised,
      };
    },
    setTopics: () => undefined,
    placeOf: () => undefined,
  };
}
