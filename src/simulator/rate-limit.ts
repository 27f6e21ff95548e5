/**
 * An account-like request limit over a sliding one-second window of the simulator's clock.
 */

/** Admits at most `max` requests in any window of `windowMs`. Internal. */
export class SlidingWindowLimiter {
  readonly #max: number;
  readonly #windowMs: number;
  /** Times of admitted requests; `#head` skips the expired ones without shifting the array. */
  #times: number[] = [];
  #head = 0;

  constructor(max: number, windowMs = 1000) {
    this.#max = max;
    this.#windowMs = windowMs;
  }

  /** Admits the request at `now` (and counts it), or refuses it (not counted). */
  tryAcquire(now: number): boolean {
    const times = this.#times;
    while (this.#head < times.length && (times[this.#head] as number) <= now - this.#windowMs) this.#head += 1;
    if (this.#head > 1024 && this.#head * 2 > times.length) {
      this.#times = times.slice(this.#head);
      this.#head = 0;
    }
    if (this.#times.length - this.#head >= this.#max) return false;
    this.#times.push(now);
    return true;
  }
}
