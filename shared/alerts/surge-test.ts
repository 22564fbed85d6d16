/**
 * The surge tests. Why a Poisson tail against an hour-of-week baseline (and not EWMA):
 *
 * - Posts about a topic arrive from many independent authors, so a window's count is close to
 *   Poisson; its upper tail P(X ≥ observed | λ) is an honest "how surprising" with a known false
 *   alarm rate per test (alpha), where an EWMA's k·σ band needs a variance estimate that is poor at
 *   low counts (most topics, most minutes).
 * - Volume follows the clock: commuting hours, nights, weekends. The baseline λ is the mean count of
 *   the same window at the same time of the week in each of the last 4 weeks (read from the
 *   per-minute aggregates), so 08:00 on a Monday is compared with Mondays at 08:00, not with the
 *   quiet night before, which an EWMA would carry into the morning rush.
 * - An EWMA also adapts into a slow surge and lags after one; the 4-week baseline does not move
 *   with today's story.
 * - Real counts are over-dispersed (one story → bursts of reposts), which makes tiny p-values
 *   cheap; so a surge must also reach `minCount` and `minRatio` × λ. `minCount` also covers a new
 *   install with no history (λ then falls back to a floor).
 */

/** ln Γ(x) (Lanczos, g = 7), accurate to ~1e-13 for x > 0. */
function lnGamma(x: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  x -= 1;
  let a = c[0]!;
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** P(X ≥ k) for X ~ Poisson(λ): the sum of the tail terms, from k up until they vanish. */
export function poissonTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  if (lambda <= 0) return 0;
  let term = Math.exp(k * Math.log(lambda) - lambda - lnGamma(k + 1));
  let sum = 0;
  for (let i = k; i < k + 10_000; i++) {
    sum += term;
    term *= lambda / (i + 1);
    if (term < sum * 1e-15) break;
  }
  return Math.min(1, sum);
}

/** P(X ≥ k) for X ~ Binomial(n, p), summed in log space (n is a window's total: small). */
export function binomialTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const lnC = (i: number) => lnGamma(n + 1) - lnGamma(i + 1) - lnGamma(n - i + 1);
  let sum = 0;
  for (let i = k; i <= n; i++) sum += Math.exp(lnC(i) + i * Math.log(p) + (n - i) * Math.log(1 - p));
  return Math.min(1, sum);
}

export const BASELINE_WEEKS = 4;
const WEEK_MS = 7 * 86_400_000;
/** λ never below this, so a topic never seen before is judged by minCount and minRatio alone. */
export const LAMBDA_FLOOR = 0.5;

/** The window now and the same window 1…4 weeks ago, as [from, to) minute ranges. */
export function baselineRanges(now: number, windowMinutes: number): { current: { from: number; to: number }; past: { from: number; to: number }[] } {
  const to = Math.floor(now / 60_000) + 1;
  const current = { from: to - windowMinutes, to };
  const past = Array.from({ length: BASELINE_WEEKS }, (_, i) => ({ from: current.from - ((i + 1) * WEEK_MS) / 60_000, to: current.to - ((i + 1) * WEEK_MS) / 60_000 }));
  return { current, past };
}

export interface VolumeVerdict {
  surge: boolean;
  observed: number;
  expected: number;
  p: number;
}

export function volumeSurge(observed: number, pastCounts: readonly number[], o: { alpha: number; minCount: number; minRatio: number }): VolumeVerdict {
  const mean = pastCounts.length ? pastCounts.reduce((a, b) => a + b, 0) / pastCounts.length : 0;
  const expected = Math.max(LAMBDA_FLOOR, mean);
  const p = poissonTail(observed, expected);
  return { surge: observed >= o.minCount && observed >= o.minRatio * expected && p < o.alpha, observed, expected, p };
}

export interface ShareVerdict {
  surge: boolean;
  share: number;
  baselineShare: number;
  p: number;
}

/**
 * The share of negative (critical) mentions now against the pooled share of the same windows in the
 * last 4 weeks: P(X ≥ hits | Binomial(total, p0)). With no history p0 falls back to 0.2, a typical
 * negative share of a police account's feed.
 */
export function shareSurge(hits: number, total: number, pastHits: number, pastTotal: number, o: { alpha: number; minTotal: number; minRise: number }): ShareVerdict {
  const baselineShare = pastTotal > 0 ? pastHits / pastTotal : 0.2;
  const share = total > 0 ? hits / total : 0;
  const p = binomialTail(hits, total, Math.min(0.99, Math.max(0.01, baselineShare)));
  return { surge: total >= o.minTotal && share - baselineShare >= o.minRise && p < o.alpha, share, baselineShare, p };
}
