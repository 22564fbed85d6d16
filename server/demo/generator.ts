import type { Mention } from '../../shared/contracts/mention.js';
import { backgroundDraft } from './background.js';
import type { Draft } from './draft.js';
import { toMention } from './draft.js';
import { poisson, rngFor } from './random.js';
import { RUMOUR_SHARE, rumourDraft, rumourMean, rumourScheduledAt } from './rumour-cycle.js';
import { scheduledPostsAt } from './scheduled-posts.js';

/**
 * The demo feed's traffic, as a pure function of (options, second): no I/O, no clock, no global
 * randomness. Regenerating a second yields the same mentions with the same ids, so restarts and
 * backfills are idempotent downstream (the store keys mentions by platform and id).
 *
 * What a second holds:
 * - background: Poisson-many ordinary mentions (posts on everyday themes, replies and reposts under
 *   the latest official or big-V post), ~85% Chinese on 'weibo', ~15% English ('twitter' for
 *   standalone posts, 'weibo' inside Weibo threads);
 * - rumour threads: Poisson-many replies and reposts whose mean follows the outbreak cycle of
 *   rumour-cycle.ts (growth, clarification, decay);
 * - scheduled posts: the rumour root, its hub reposts, the clarification, one official post every
 *   10 minutes and one big-V post every 7 minutes (about one extra mention every two minutes).
 *
 * Ids: `demo<seed>-<second>-<index>` for random items (index = rank by time within the second);
 * scheduled items have ids derived from their cycle or slot (`demo<seed>-r<cycle>` is the rumour
 * root of a cycle) so later seconds can reference them. `lang` is left unset: detecting it is the
 * pipeline's job. `createdAt` is in +08:00.
 */
export interface DemoOptions {
  /** Seed of every random choice; two seeds give unrelated traffic. Default 1. */
  seed: number;
  /** Mean mentions per simulated minute, over a 30-minute rumour cycle. Default 120. */
  ratePerMinute: number;
}

export const DEFAULT_DEMO_OPTIONS: DemoOptions = { seed: 1, ratePerMinute: 120 };

export function demoMentionsForSecond(opts: DemoOptions, epochSecond: number): Mention[] {
  if (!Number.isInteger(epochSecond)) throw new RangeError(`epochSecond must be an integer, got ${epochSecond}`);
  const { seed } = opts;
  const perSecond = Math.max(0, opts.ratePerMinute) / 60;
  const rng = rngFor(seed, 'second', epochSecond);

  const drafts: Draft[] = [];
  const background = poisson(rng, perSecond * (1 - RUMOUR_SHARE));
  for (let i = 0; i < background; i++) drafts.push(backgroundDraft(rng, seed, epochSecond));
  const rumour = poisson(rng, rumourMean(perSecond, epochSecond));
  for (let i = 0; i < rumour; i++) drafts.push(rumourDraft(rng, seed, epochSecond));

  // Scheduled items carry ms 0: they come first in their second, before anything answering them.
  const scheduled: Array<Draft & { id: string }> = [
    ...rumourScheduledAt(seed, epochSecond).map((s) => s.draft),
    ...scheduledPostsAt(seed, epochSecond).map((s) => ({ ...s.draft, id: s.id })),
  ];

  drafts.sort((a, b) => a.ms - b.ms);
  const mentions = scheduled.map((d) => toMention(d, d.id, epochSecond));
  drafts.forEach((d, index) => mentions.push(toMention(d, `demo${seed}-${epochSecond}-${index}`, epochSecond)));
  return mentions;
}
