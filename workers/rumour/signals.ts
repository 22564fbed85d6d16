import type { z } from 'zod';
import type {
  examplesSchema, growthCurveSchema, officialAnswerSchema, phaseCountsSchema, responseCountsSchema, rootInfoSchema, StorySignals,
} from '../../shared/contracts/rumour-signals.js';
import type { ExamplePostView, RumourReasonView, RumourSignalKey, SpreaderView } from '../../shared/contracts/views.js';

/**
 * The JSON kept in `stories.signals` (the scorer's running state for one story, updated in O(1) per
 * mention, and its latest assessment with reasons) is a contract with the server and the store:
 * its schema and types are defined once, in shared/contracts/rumour-signals.ts. The same object is
 * built by `yuqing rumours` for each thread.
 */
export type RumourSignal = RumourSignalKey;
export type RumourReason = RumourReasonView;
export type ExamplePost = ExamplePostView;
export type Spreader = SpreaderView;
export type { StorySignals };
export type RootInfo = z.infer<typeof rootInfoSchema>;
export type ResponseCounts = z.infer<typeof responseCountsSchema>;
export type PhaseCounts = z.infer<typeof phaseCountsSchema>;
export type GrowthCurve = z.infer<typeof growthCurveSchema>;
export type Examples = z.infer<typeof examplesSchema>;
export type OfficialAnswer = z.infer<typeof officialAnswerSchema>;

/** How many earliest responses the delay and pace features look at (CED keeps 40 replies). */
export const EARLY_WINDOW = 40;
export const EXAMPLES_PER_SIGNAL = 2;
export const TOP_SPREADERS = 5;
export const EXAMPLE_TEXT_MAX = 80;
export const GROWTH_BUCKETS_MAX = 64;
export const VELOCITY_WINDOW_MINUTES = 10;
