import { type Clock, systemClock } from './clock.js';
import { assertNumber, describeValue } from './validate.js';

/** How a {@link Poller} paces `GetOperation` calls. */
export interface PollerOptions {
  /**
   * The hard cap on requests started in any one-second window, across every waiter sharing this
   * poller. Requests are spaced evenly, at least `1000 / maxRequestsPerSecond` ms apart. @default 10
   */
  readonly maxRequestsPerSecond?: number;
  /** The slowest pace the poller falls to while Lightsail throttles, in requests per second. @default 0.5 (or the cap, when lower) */
  readonly minRequestsPerSecond?: number;
  /** Time, for tests and simulations in virtual time. @default the system clock */
  readonly clock?: Clock;
}

interface Ticket {
  readonly resolve: () => void;
  readonly signal: AbortSignal | undefined;
  readonly onAbort: (() => void) | undefined;
  cancelled: boolean;
}

/**
 * A rate-capped scheduler that waiters ask for permission before each `GetOperation`. Requests
 * are granted in the order they became due (first come, first served, so none starves), never
 * closer together than the current pace allows. On throttling the pace halves; each success
 * speeds it up again (additive increase, multiplicative decrease) until the cap.
 *
 * Share one poller between waiters to hold one cap across all of them. Holds no timer while idle.
 */
export class Poller {
  /** The hard cap, in requests per second. */
  readonly maxRequestsPerSecond: number;
  /** The floor the pace falls to while throttled, in requests per second. */
  readonly minRequestsPerSecond: number;
  #rate: number;
  #nextFreeAt = Number.NEGATIVE_INFINITY;
  readonly #clock: Clock;
  readonly #queue: Ticket[] = [];
  #head = 0;
  #live = 0;
  #timer: AbortController | undefined;
  #granted = 0;
  #throttled = 0;

  constructor(options: PollerOptions = {}) {
    if (typeof options !== 'object' || options === null) {
      throw new TypeError(`Expected \`options\` to be an object, got ${describeValue(options)}`);
    }
    const max = options.maxRequestsPerSecond ?? 10;
    const min = options.minRequestsPerSecond ?? Math.min(0.5, max);
    assertNumber('maxRequestsPerSecond', max, 0, true);
    assertNumber('minRequestsPerSecond', min, 0, true);
    if (min > max) {
      throw new RangeError(`Expected \`minRequestsPerSecond\` (${min}) to be <= \`maxRequestsPerSecond\` (${max})`);
    }
    this.maxRequestsPerSecond = max;
    this.minRequestsPerSecond = min;
    this.#rate = max;
    this.#clock = options.clock ?? systemClock;
  }

  /** The current pace, in requests per second (below the cap after throttling). */
  get currentRate(): number {
    return this.#rate;
  }

  /** Requests waiting for their turn. */
  get pending(): number {
    return this.#live;
  }

  /** Counters since the poller was made: requests granted, throttling reports received. */
  get stats(): {
    /** Requests allowed to start, counting retries. */
    readonly granted: number;
    /** Calls to {@link Poller.reportThrottled}, each of which halved the pace (down to the floor). */
    readonly throttled: number;
  } {
    return { granted: this.#granted, throttled: this.#throttled };
  }

  /** Resolves when the caller may send one request; rejects with `signal.reason` if it aborts first. */
  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.#live === 0 && this.#clock.now() >= this.#nextFreeAt) {
      this.#grant();
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const onAbort = signal
        ? () => {
            ticket.cancelled = true;
            this.#live -= 1;
            if (this.#live === 0) this.#reset();
            reject(signal.reason);
          }
        : undefined;
      const ticket: Ticket = { resolve, signal, onAbort, cancelled: false };
      if (onAbort) signal?.addEventListener('abort', onAbort, { once: true });
      this.#queue.push(ticket);
      this.#live += 1;
      this.#arm();
    });
  }

  /** Tells the poller a request was throttled: halves the pace and pushes the next grant back. */
  reportThrottled(): void {
    this.#throttled += 1;
    this.#rate = Math.max(this.minRequestsPerSecond, this.#rate / 2);
    this.#nextFreeAt = Math.max(this.#nextFreeAt, this.#clock.now() + 1000 / this.#rate);
  }

  /** Tells the poller a request succeeded: speeds the pace up by about one request per second, each second. */
  reportSuccess(): void {
    if (this.#rate < this.maxRequestsPerSecond) {
      this.#rate = Math.min(this.maxRequestsPerSecond, this.#rate + 1 / this.#rate);
    }
  }

  #grant(): void {
    const now = this.#clock.now();
    this.#granted += 1;
    this.#nextFreeAt = Math.max(now, this.#nextFreeAt) + 1000 / this.#rate;
  }

  #arm(): void {
    if (this.#timer !== undefined) return;
    const controller = new AbortController();
    this.#timer = controller;
    const wait = Math.max(0, this.#nextFreeAt - this.#clock.now());
    this.#clock.sleep(Math.ceil(wait), controller.signal).then(
      () => {
        this.#timer = undefined;
        this.#drain();
      },
      () => {},
    );
  }

  #drain(): void {
    while (this.#live > 0 && this.#clock.now() >= this.#nextFreeAt) {
      const ticket = this.#queue[this.#head] as Ticket;
      this.#head += 1;
      if (ticket.cancelled) continue;
      this.#live -= 1;
      if (ticket.onAbort) ticket.signal?.removeEventListener('abort', ticket.onAbort);
      this.#grant();
      ticket.resolve();
    }
    if (this.#live === 0) this.#reset();
    else {
      // Drop spent tickets now and then, so a long queue does not keep them all.
      if (this.#head > 1024 && this.#head * 2 > this.#queue.length) {
        this.#queue.splice(0, this.#head);
        this.#head = 0;
      }
      this.#arm();
    }
  }

  /** Nothing live is waiting: forget the queue and clear the timer. */
  #reset(): void {
    this.#queue.length = 0;
    this.#head = 0;
    this.#timer?.abort();
    this.#timer = undefined;
  }
}
