import { type Dist, MAX_S } from './distributions.js';

/**
 * The Bayes-optimal poll schedule for a known duration distribution, by dynamic programming over
 * poll times: the floor no schedule can beat on average, for the panel's cost `latency_s + calls`.
 *
 * Times are seconds since the operation's `createdAt`; `D` is its duration. After a poll at `t`
 * found it running, the expected cost still to pay, times `S(t) = P(D > t)`, is
 *
 *   W(t) = min over s > t of  S(t) + ∫ₜˢ (F(u) − F(t)) du + W(s),
 *
 * one call for every operation still running, the latency of those that finish in (t, s], and
 * the rest. Polls may fall on a grid: 0.05 s apart up to 10 s, then 0.2 % apart up to MAX_S.
 */
export class OptimalSchedule {
  readonly #t: Float64Array;
  readonly #F: Float64Array;
  /** G(t) = ∫₀ᵗ F(u) du. */
  readonly #G: Float64Array;
  readonly #W: Float64Array;
  /** The grid index of the next poll after a poll at index i that found the operation running; −1 when none is worth it. */
  readonly #next: Int32Array;
  readonly #dist: Dist;

  constructor(dist: Dist) {
    this.#dist = dist;
    const times: number[] = [];
    for (let t = 0; t < 10; t += 0.05) times.push(Math.round(t * 100) / 100);
    for (let t = 10; t < MAX_S; t *= 1.002) times.push(t);
    times.push(MAX_S);
    const n = times.length;
    const t = Float64Array.from(times);
    const F = t.map((x) => dist.cdf(x));
    const G = new Float64Array(n);
    for (let i = 1; i < n; i++) {
      const a = t[i - 1] as number;
      const b = t[i] as number;
      // Simpson's rule on each interval; F is right-continuous, so a jump at b is counted from b on.
      G[i] = (G[i - 1] as number) + ((b - a) * ((F[i - 1] as number) + 4 * dist.cdf((a + b) / 2) + dist.cdf(b - 1e-9))) / 6;
    }
    const W = new Float64Array(n);
    const next = new Int32Array(n).fill(-1);
    const B = new Float64Array(n);
    for (let i = n - 1; i >= 0; i--) {
      const Fi = F[i] as number;
      if (1 - Fi > 1e-12) {
        let best = Number.POSITIVE_INFINITY;
        let arg = -1;
        for (let j = i + 1; j < n; j++) {
          const v = (B[j] as number) - (t[j] as number) * Fi;
          if (v < best) {
            best = v;
            arg = j;
          }
        }
        // At the last grid point (a distribution not bounded by MAX_S): one more call, no latency counted.
        W[i] = arg < 0 ? 1 - Fi : 1 - Fi - (G[i] as number) + (t[i] as number) * Fi + best;
        next[i] = arg;
      }
      B[i] = (G[i] as number) + (W[i] as number);
    }
    this.#t = t;
    this.#F = F;
    this.#G = G;
    this.#W = W;
    this.#next = next;
  }

  /** G at any t ≤ MAX_S, linear between grid points. */
  #g(x: number): number {
    const t = this.#t;
    let lo = 0;
    let hi = t.length - 1;
    if (x >= (t[hi] as number)) return (this.#G[hi] as number) + (x - (t[hi] as number));
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if ((t[mid] as number) <= x) lo = mid;
      else hi = mid;
    }
    const f = (x - (t[lo] as number)) / ((t[hi] as number) - (t[lo] as number));
    return (this.#G[lo] as number) * (1 - f) + (this.#G[hi] as number) * f;
  }

  /**
   * The best next poll at age `a`, the operation last seen running at age `seen` (≤ a): at once
   * (when `now` allows) or at a grid time after `a`. `cost` is the expected cost from here, times
   * P(D > seen). `index` is the grid index, or −1 for "at once".
   */
  #best(a: number, seen: number, now: boolean): { at: number; index: number; cost: number } {
    const Fs = this.#dist.cdf(seen);
    const Ga = this.#g(a);
    let best = { at: a, index: -1, cost: Number.POSITIVE_INFINITY };
    if (now) best.cost = 1 - Fs + (1 - this.#dist.cdf(a) > 1e-12 ? this.#best(a, a, false).cost : 0);
    const t = this.#t;
    for (let j = 0; j < t.length; j++) {
      const s = t[j] as number;
      if (s <= a) continue;
      const cost = 1 - Fs + (this.#G[j] as number) - Ga - (s - a) * Fs + (this.#W[j] as number);
      if (cost < best.cost) best = { at: s, index: j, cost };
    }
    return best;
  }

  /**
   * The optimal poll ages (s since `createdAt`) for a wait that starts at age `startAge`, the
   * operation last seen running at age `seenAge`; and the expected cost of following them.
   */
  plan(startAge: number, seenAge = 0): { polls: number[]; expectedCost: number } {
    const first = this.#best(startAge, seenAge, true);
    const polls = [first.at];
    let index = first.index;
    if (index < 0 && 1 - this.#dist.cdf(startAge) > 1e-12) {
      const second = this.#best(startAge, startAge, false);
      polls.push(second.at);
      index = second.index;
    }
    for (; index >= 0 && this.#next[index] !== -1; index = this.#next[index] as number)
      polls.push(this.#t[this.#next[index] as number] as number);
    return { polls, expectedCost: first.cost / (1 - this.#dist.cdf(seenAge)) };
  }

  /**
   * The expected cost when the first poll comes at age `firstAge` (≥ `startAge`), whatever the
   * distribution says, and the optimal schedule after it: the floor for a waiter that must choose
   * its first poll blind (given only an id, it cannot see the age before polling).
   */
  costWithFirstPollAt(startAge: number, firstAge: number): number {
    if (firstAge < startAge) throw new RangeError(`firstAge ${firstAge} is before startAge ${startAge}`);
    // Every operation pays the first call; those done by then wait from the start (or their end) to it.
    const rest = 1 - this.#dist.cdf(firstAge) > 1e-12 ? this.#best(firstAge, firstAge, false).cost : 0;
    return 1 + this.latencyUntil(startAge, firstAge) + rest;
  }

  /** ∫ from `startAge` to `t` of P(D ≤ u) du: the expected latency, up to `t`, of those done by `t`, counted from `startAge`. */
  latencyUntil(startAge: number, t: number): number {
    return this.#g(t) - this.#g(startAge);
  }

  /** The expected cost of any schedule (poll ages ascending) for a wait starting at `startAge`: to check the solver. */
  costOf(polls: readonly number[], startAge: number): number {
    let cost = 0;
    let last = startAge;
    let lastF = 0;
    for (const s of polls) {
      const F = this.#dist.cdf(Math.max(s, startAge));
      cost += 1 - lastF + this.#g(s) - this.#g(last) - (s - last) * lastF;
      last = s;
      lastF = F;
      if (1 - F < 1e-12) break;
    }
    return cost;
  }

  /** P(D ≤ t), for checks. */
  get grid(): { readonly t: Float64Array; readonly F: Float64Array } {
    return { t: this.#t, F: this.#F };
  }
}
