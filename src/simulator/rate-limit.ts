/**
 * Account-like request limits on the simulator's clock: a sliding one-second window, or a token
 * bucket (the algorithm EC2 and ECS document for their API throttling).
 */

/** Admits or refuses each request. Internal. */
export interface RequestLimiter {
  /** Admits the request at `now` (and counts it), or refuses it (not counted). */
  tryAcquire(now: number): boolean;
}

/** Admits at most `max` requests in any window of `windowMs`. Internal. */
export class SlidingWindowLimiter implements RequestLimiter {
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

/**
 * A token bucket: it holds at most `burst` tokens and starts full; tokens come back at `perSecond`
 * a second, continuously; a request takes one, and one that finds less than a whole token is
 * refused (and takes none). EC2 documents this for its API ("a bucket that holds a specific number
 * of tokens", refilled "at a set rate"; DescribeHosts: 100 tokens, 20 a second), ECS the same with
 * sustained and burst rates. Internal.
 */
export class TokenBucketLimiter implements RequestLimiter {
  readonly #perSecond: number;
  /** The bucket's size and what it holds, both in thousandths of a token: exact for whole milliseconds. */
  readonly #capacity: number;
  #held: number;
  #at: number | undefined;

  constructor(perSecond: number, burst: number) {
    this.#perSecond = perSecond;
    this.#capacity = burst * 1000;
    this.#held = this.#capacity;
  }

  tryAcquire(now: number): boolean {
    if (this.#at !== undefined && now > this.#at) this.#held = Math.min(this.#capacity, this.#held + (now - this.#at) * this.#perSecond);
    if (this.#at === undefined || now > this.#at) this.#at = now;
    if (this.#held < 1000) return false;
    this.#held -= 1000;
    return true;
  }
}
