import { HORIZON_S } from './duration-belief.js';

/**
 * The Bayes-optimal poll times for a belief about a wait's duration `D`, by dynamic programming.
 * Time is seconds since the wait's origin (the operation's `createdAt`). After a poll at `t` saw
 * the wait still running, the expected cost still to pay, times `S(t) = P(D > t)`, is
 *
 *   W(t) = min over s in [t + minDelay, t + maxDelay] of  c·S(t) + ∫ₜˢ (F(u) − F(t)) du + W(s)
 *
 * (a call for every wait still running, the detection latency of those that end in (t, s], and
 * the rest), where `c` is what a call is worth in seconds of latency. Solved once per belief and
 * pair of delays on a grid 0.1 s apart up to 10 s, then 1 % apart up to {@link HORIZON_S}.
 */
export class PollPlan {
  readonly #t: Float64Array;
  readonly #G: Float64Array;
  readonly #W: Float64Array;
  readonly #cdf: (t: number) => number;
  readonly #min: number;
  readonly #max: number;

  constructor(cdf: (t: number) => number, callCostS: number, minDelayS: number, maxDelayS: number) {
    const times: number[] = [];
    for (let i = 0; i < 100; i++) times.push(i / 10);
    for (let t = 10; t < HORIZON_S; t *= 1.01) times.push(t);
    times.push(HORIZON_S);
    const t = Float64Array.from(times);
    const n = t.length;
    const F = t.map(cdf);
    const G = new Float64Array(n);
    for (let i = 1; i < n; i++) {
      const a = t[i - 1] as number;
      const b = t[i] as number;
      G[i] = (G[i - 1] as number) + ((b - a) * ((F[i - 1] as number) + 4 * cdf((a + b) / 2) + (F[i] as number))) / 6;
    }
    const W = new Float64Array(n);
    // Past the horizon, one more call for whatever is still running.
    W[n - 1] = callCostS * (1 - (F[n - 1] as number));
    for (let i = n - 2; i >= 0; i--) {
      const ti = t[i] as number;
      const Fi = F[i] as number;
      let best = Number.POSITIVE_INFINITY;
      for (let j = i + 1; j < n; j++) {
        const d = (t[j] as number) - ti;
        if (d < minDelayS - 1e-9) continue;
        if (d > maxDelayS + 1e-9 && best < Number.POSITIVE_INFINITY) break;
        best = Math.min(best, (G[j] as number) + (W[j] as number) - (t[j] as number) * Fi);
      }
      W[i] = callCostS * (1 - Fi) - (G[i] as number) + ti * Fi + best;
    }
    this.#t = t;
    this.#G = G;
    this.#W = W;
    this.#cdf = cdf;
    this.#min = minDelayS;
    this.#max = maxDelayS;
  }

  /** The largest grid index whose time is <= x. */
  #index(x: number): number {
    const t = this.#t;
    let lo = 0;
    let hi = t.length - 1;
    if (x >= (t[hi] as number)) return hi;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if ((t[mid] as number) <= x) lo = mid;
      else hi = mid;
    }
    return lo;
  }

  /** G and W at any time up to the horizon: G integrated from the grid point below, W interpolated. */
  #at(x: number): { G: number; W: number } {
    const i = this.#index(x);
    const a = this.#t[i] as number;
    const G = (this.#G[i] as number) + ((x - a) * (this.#cdf(a) + 4 * this.#cdf((a + x) / 2) + this.#cdf(x))) / 6;
    const b = this.#t[i + 1];
    if (b === undefined) return { G, W: this.#W[i] as number };
    const f = (x - a) / (b - a);
    return { G, W: (this.#W[i] as number) * (1 - f) + (this.#W[i + 1] as number) * f };
  }

  /**
   * The best time for the next poll, at time `now`, the wait last seen running at `seen` (<= now):
   * at once when `now` is allowed, else at least `minDelay` later; never more than `maxDelay`
   * later. Past the horizon, or once the belief is spent, `now + maxDelay`.
   */
  next(now: number, seen: number, pollNowAllowed: boolean): number {
    const Fs = this.#cdf(seen);
    const earliest = now + (pollNowAllowed ? 0 : this.#min);
    const latest = now + this.#max;
    if (latest >= HORIZON_S || 1 - Fs < 1e-9) return latest;
    const Gnow = this.#at(now).G;
    let bestAt = latest;
    let best = Number.POSITIVE_INFINITY;
    const consider = (s: number, G: number, W: number): void => {
      const cost = G - Gnow - (s - now) * Fs + W;
      if (cost < best) {
        best = cost;
        bestAt = s;
      }
    };
    for (const s of [earliest, latest]) {
      const { G, W } = this.#at(s);
      consider(s, G, W);
    }
    const t = this.#t;
    for (let j = this.#index(earliest) + 1; j < t.length && (t[j] as number) < latest; j++) {
      consider(t[j] as number, this.#G[j] as number, this.#W[j] as number);
    }
    return bestAt;
  }
}
