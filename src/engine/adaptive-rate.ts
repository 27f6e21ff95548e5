/**
 * The pace of a {@link Poller}, adapted to what the account allows, which Lightsail does not
 * publish. Like the AWS SDKs' adaptive retry mode and TCP congestion control: start at a safe
 * rate; while requests queue up and succeed, raise it; on throttling, cut it. Pure: time comes in
 * as arguments, so the rule is tested without timers.
 *
 * - **Start**: the safe rate, held while a burst lasts less than {@link WARM_UP_MS}, so that a
 *   short burst never probes the account's limit.
 * - **Slow start**: once requests have queued for that long, ×(1 + {@link SLOW_START_STEP}) per
 *   success, doubling in about 35 requests, until the first throttle.
 * - **Probing**: after a throttle, ×(1 + {@link PROBE_STEP}) per success while requests queue:
 *   the rate regains a cut in about 200 requests, so that at most a few throttles fall on every
 *   200 requests, whatever the limit (an increase per second, as TCP's, would throttle 16 times
 *   as often at 5 requests a second as at 20).
 * - **Cut**: on a throttle, at most once per {@link CUT_EVERY_MS} (the throttles of requests sent
 *   before a cut say nothing new), never below the floor: down to what the last second answered
 *   when that is below ×{@link CUT} (a second process joined, or the start was too high), at most
 *   to ×{@link DEEPEST_CUT}; else ×{@link CUT}. In its first {@link WARM_UP_MS} a poller that
 *   sends less than half its rate cuts by ×{@link CUT} only: its last second is the start of its
 *   work, too short a record to measure the account by.
 *
 * It rises only while requests queue and the answers of the last second reach {@link USED_SHARE}
 * of the rate: a rate nobody uses proves nothing about the account. Two processes sharing an
 * account each find a share of it (each cut falls on the one whose request was throttled); the
 * shares need not be equal: growth and cuts are both proportional, so a lead is kept, not lost.
 */
export class AdaptiveRate {
  /** Requests per second now. */
  rate: number;
  readonly #min: number;
  readonly #max: number;
  #throttledOnce = false;
  /** When the first request was answered or throttled. */
  #firstAt: number | undefined;
  #lastCutAt = Number.NEGATIVE_INFINITY;
  /** Times of the answers (successes) and throttles of the last {@link CUT_EVERY_MS}. */
  readonly #answers: number[] = [];
  readonly #throttles: number[] = [];

  constructor(initial: number, min: number, max: number) {
    this.rate = initial;
    this.#min = min;
    this.#max = max;
  }

  /**
   * A request succeeded at `now`. `queuedSince` is when requests began to wait for their turn
   * without a break, or `undefined` when none waits (the rate is not what holds them back).
   * Returns true when the rate rose.
   */
  succeeded(now: number, queuedSince: number | undefined): boolean {
    this.#firstAt ??= now;
    remember(this.#answers, now);
    // Raise only when requests wait for their turn and the rate is used: answers of the last
    // second at 80 % of it or more (a rate nobody uses proves nothing about the account).
    const used = count(this.#answers, now) >= (USED_SHARE * this.rate * CUT_EVERY_MS) / 1000;
    if (queuedSince === undefined || !used || this.rate >= this.#max) return false;
    let step = PROBE_STEP;
    if (!this.#throttledOnce) {
      if (now - queuedSince < WARM_UP_MS) return false;
      step = SLOW_START_STEP;
    }
    this.rate = Math.min(this.#max, this.rate * (1 + step));
    return true;
  }

  /** A request was throttled at `now`. Returns true when the rate was cut. */
  throttled(now: number): boolean {
    this.#firstAt ??= now;
    this.#throttledOnce = true;
    remember(this.#throttles, now);
    if (now - this.#lastCutAt < CUT_EVERY_MS || this.rate <= this.#min) return false;
    this.#lastCutAt = now;
    // Far above the limit (others share it, or the start was too high), the answers of the last
    // second measure what the account gives this poller: go there at once rather than by cuts.
    // So too when this poller sends in bursts (a GetOperations listing) and another process
    // fills the account between them: cutting by a fifth a burst would be throttled burst after
    // burst. Only a poller that has just begun and is not yet busy has no measure to go by.
    const answers = count(this.#answers, now);
    const busy = answers + count(this.#throttles, now) >= (this.rate * CUT_EVERY_MS) / 1000 / 2;
    const measurable = busy || now - this.#firstAt >= WARM_UP_MS;
    const measured = (answers * 1000) / CUT_EVERY_MS;
    const target = measurable ? Math.min(this.rate * CUT, Math.max(measured, this.rate * DEEPEST_CUT)) : this.rate * CUT;
    this.rate = Math.max(this.#min, target);
    return true;
  }
}

/** Adds `now` to a list of recent times, dropping those older than the window. */
function remember(times: number[], now: number): void {
  times.push(now);
  let stale = 0;
  while (stale < times.length && (times[stale] as number) <= now - CUT_EVERY_MS) stale += 1;
  if (stale > 0) times.splice(0, stale);
}

/** How many of `times` fall in the window ending at `now`. */
function count(times: readonly number[], now: number): number {
  let n = 0;
  for (let i = times.length - 1; i >= 0 && (times[i] as number) > now - CUT_EVERY_MS; i--) n += 1;
  return n;
}

/** How long requests must keep queuing before the rate rises above the start; and how long a poller that is not busy cuts by {@link CUT} only. */
export const WARM_UP_MS = 5_000;
/** Growth per success before the first throttle. */
export const SLOW_START_STEP = 0.02;
/** Growth per success after a throttle: (1 + step)^200 = 1 / CUT. */
export const PROBE_STEP = 0.0011;
/** The share of the rate the answers of the last second must reach for the rate to rise. */
export const USED_SHARE = 0.8;
/** The factor a throttle cuts the rate by. */
export const CUT = 0.8;
/** The deepest one cut goes, when the answers of the last second say the rate is far too high. */
export const DEEPEST_CUT = 0.25;
/** At most one cut in this long: the account's window (Lightsail's, like most AWS APIs', is taken as 1 s). */
export const CUT_EVERY_MS = 1_000;
