import type { Mention } from '../../shared/contracts/mention.js';
import type { Tags } from '../../shared/contracts/tags.js';
import type { Normalised } from '../nlp/normalise.js';
import type { RumourObservation } from './accumulate.js';

/**
 * The scorer's view of a tagged mention, built the same way by the live store writer and by
 * `yuqing rumours`. `startsThread`: see `startsThread` below.
 */
export function observationOf(
  m: Mention,
  uid: string,
  tags: Pick<Tags, 'stance' | 'emotion'>,
  n: Pick<Normalised, 'own' | 'chain'>,
  startsThread: boolean,
): RumourObservation {
  const metrics = m.metrics;
  return {
    uid,
    kind: m.kind,
    startsThread,
    text: m.text,
    own: n.own,
    quoted: n.chain.length ? n.chain[n.chain.length - 1]!.text : '',
    at: Date.parse(m.createdAt),
    author: {
      name: m.author?.name ?? null,
      followers: m.author?.followers ?? null,
      verified: m.author?.verified ?? null,
      official: m.author?.official === true,
    },
    engagement: metrics && (metrics.reposts !== undefined || metrics.comments !== undefined) ? (metrics.reposts ?? 0) + (metrics.comments ?? 0) : null,
    stance: tags.stance,
    emotion: tags.emotion,
  };
}

/**
 * Whether a mention opens a thread of its own, as the store decides it: a post, or a repost that
 * names neither root nor parent. A reply never does (without a root it is an orphan).
 */
export function startsThread(m: Pick<Mention, 'kind' | 'rootId' | 'parentId'>): boolean {
  return m.kind === 'post' || (m.kind === 'repost' && m.rootId === undefined && m.parentId === undefined);
}
