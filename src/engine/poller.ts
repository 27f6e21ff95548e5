import { EventEmitter } from 'eventemitter3';
import { AdaptiveRate } from './adaptive-rate.js';
import { CANCELLED, type Clock, systemClock } from './clock.js';
import type { PollerEvents, PollerRateEvent } from './poller-events.js';
import { assertNumber, describeValue, MAX_TIMER_MS } from './validate.js';

/** How a {@link Poller} paces Lightsail requests. */
export interface PollerOptions {
  /**
   * The hard cap on the pace, in requests per second across every waiter sharing this poller:
   * requests are spaced evenly, at least `1000 / maxRequestsPerSecond` ms apart, and the pace
   * never rises above it. Set it when you know your account's limit; the poller then starts there.
   * @default Infinity (no cap: the pace starts at 10 a second and adapts to the account's limit)
   */
  readonly maxRequestsPerSecond?: number;
  /**
   * The pace to start at, in requests per second. @default `maxRequestsPerSecond` when that is
   * set, else 10 (or the floor, when higher)
   */
  readonly initialRequestsPerSecond?: number;
  /** The slowest pace the poller falls to while Lightsail throttles, in requests per second. @default 0.5 (or the start, when lower) */
  readonly minRequestsPerSecond?: number;
  /** Time, for tests and simulations in virtual time. @default the system clock */
  readonly clock?: Clock;
}

/** The start when no cap is given: what many AWS APIs allow a second, and this library's old fixed cap. */
const DEFAULT_START = 10;

/** The most requests one timer turn grants; the rest wait for the next turn (a 0 ms timer). */
const GRANTS_PER_TURN = 256;

interface Ticket {
  readonly resolve: () => void;
  readonly signal: AbortSignal | undefined;
  readonly onAbort: (() => void) | undefined;
  cancelled: boolean;
}

/**
 * A scheduler that waiters ask for permission before each Lightsail request. Requests are granted
 * in the order they became due (first come, first served, so none starves), never closer together
 * than the current pace allows. The pace adapts to the account's limit, which Lightsail does not
 * publish: it starts at a safe rate (10 a second), rises while requests queue up and succeed, and
 * is cut when Lightsail throttles, as the AWS SDKs' adaptive retry mode does. Each cut, and each
 * rise by a tenth, is a `rate` event.
 *
 * Share one poller between waiters to pace all of them together. Holds no timer while idle.
 *
 * @example
 * ```ts
 * const poller = new Poller();
 * poller.on('rate', (e) => console.log(`${e.reason}: ${e.requestsPerSecond.toFixed(1)} requests/s`));
 * await waitForOperations(client, operations, { poller });
 * ```
 */
export class Poller extends EventEmitter<PollerEvents> {
  /** The hard cap, in requests per second (`Infinity` when none was given). */
  readonly maxRequestsPerSecond: number;
  /** The floor the pace falls to while throttled, in requests per second. */
  readonly minRequestsPerSecond: number;
  readonly #pace: AdaptiveRate;
  /** The pace of the last `rate` event (or the start). */
  #announced: number;
  /** When requests began to queue without a break; undefined while none waits. */
  #queuedSince: number | undefined;
  #nextFreeAt = Number.NEGATIVE_INFINITY;
  readonly #clock: Clock;
  readonly #queue: Ticket[] = [];
  #head = 0;
  #live = 0;
  #timer: AbortController | undefined;
  #granted = 0;
  #throttled = 0;

  constructor(options: PollerOptions = {}) {
    super();
    if (typeof options !== 'object' || options === null) {
      throw new TypeError(`Expected \`options\` to be an object, got ${describeValue(options)}`);
    }
    const { initialRequestsPerSecond, minRequestsPerSecond } = options;
    // Infinity, the documented default, given as such: no cap.
    const maxRequestsPerSecond = options.maxRequestsPerSecond === Number.POSITIVE_INFINITY ? undefined : options.maxRequestsPerSecond;
    if (maxRequestsPerSecond !== undefined) assertNumber('maxRequestsPerSecond', maxRequestsPerSecond, 0, true);
    if (initialRequestsPerSecond !== undefined) assertNumber('initialRequestsPerSecond', initialRequestsPerSecond, 0, true);
    const max = maxRequestsPerSecond ?? Number.POSITIVE_INFINITY;
    const min = minRequestsPerSecond ?? Math.min(0.5, initialRequestsPerSecond ?? max);
    assertNumber('minRequestsPerSecond', min, 0, true);
    if (min > max) {
      throw new RangeError(`Expected \`minRequestsPerSecond\` (${min}) to be <= \`maxRequestsPerSecond\` (${max})`);
    }
    const start = initialRequestsPerSecond ?? maxRequestsPerSecond ?? Math.max(min, DEFAULT_START);
    if (start < min || start > max) {
      throw new RangeError(
        `Expected \`initialRequestsPerSecond\` (${start}) to be between \`minRequestsPerSecond\` (${min}) and \`maxRequestsPerSecond\` (${max})`,
      );
    }
    this.maxRequestsPerSecond = max;
    this.minRequestsPerSecond = min;
    this.#pace = new AdaptiveRate(start, min, max);
    this.#announced = start;
    this.#clock = options.clock ?? systemClock;
  }

  /** The current pace, in requests per second. */
  get currentRate(): number {
    return this.#pace.rate;
  }

  /** Requests waiting for their turn. */
  get pending(): number {
    return this.#live;
  }

  /** Counters since the poller was made: requests granted, throttling reports received. */
  get stats(): {
    /** Requests allowed to start, counting retries. */
    readonly granted: number;
    /** Calls to {@link Poller.reportThrottled} (at most one a second cuts the pace). */
    readonly throttled: number;
  } {
    return { granted: this.#granted, throttled: this.#throttled };
  }

  /** Resolves when the caller may send one request; rejects with `signal.reason` if it aborts first. */
  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.#live === 0 && this.#clock.now() >= this.#nextFreeAt) {
      this.#grant(false);
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
      this.#queuedSince ??= this.#clock.now();
      this.#arm();
    });
  }

  /** Tells the poller a request was throttled: cuts the pace (at most once a second) and pushes the next grant back. */
  reportThrottled(): void {
    this.#throttled += 1;
    const now = this.#clock.now();
    if (this.#pace.throttled(now)) this.#announce('throttled');
    this.#nextFreeAt = Math.max(this.#nextFreeAt, now + 1000 / this.#pace.rate);
  }

  /** Tells the poller a request succeeded: while requests queue up, the pace rises. */
  reportSuccess(): void {
    if (this.#pace.succeeded(this.#clock.now(), this.#queuedSince) && this.#pace.rate >= this.#announced * 1.1) this.#announce('raised');
  }

  #announce(reason: PollerRateEvent['reason']): void {
    const previous = this.#announced;
    this.#announced = this.#pace.rate;
    this.emit('rate', Object.freeze({ requestsPerSecond: this.#pace.rate, previous, reason }));
  }

  /**
   * Counts a grant and sets the earliest next one. A queued grant whose timer fired late keeps
   * its place (up to one interval of lateness: at most one extra request in any second), so that
   * timer lateness does not slow the pace; a grant after idling starts the spacing afresh.
   */
  #grant(queued: boolean): void {
    const now = this.#clock.now();
    const interval = 1000 / this.#pace.rate;
    this.#granted += 1;
    this.#nextFreeAt = Math.max(queued ? now - interval : now, this.#nextFreeAt) + interval;
  }

  #arm(): void {
    if (this.#timer !== undefined) return;
    const controller = new AbortController();
    this.#timer = controller;
    // A pace slower than one request in MAX_TIMER_MS (about 25 days) wakes once in a while, rather
    // than overflowing the timer, which Node fires after 1 ms.
    const wait = Math.min(MAX_TIMER_MS, Math.max(0, this.#nextFreeAt - this.#clock.now()));
    this.#clock.sleep(Math.ceil(wait), controller.signal).then(
      () => {
        this.#timer = undefined;
        this.#drain();
      },
      () => {},
    );
  }

  #drain(): void {
    // At most a batch a turn: thousands of requests granted at once would hold the event loop (and
    // every deadline timer) while their answers are handled.
    for (let granted = 0; granted < GRANTS_PER_TURN && this.#live > 0 && this.#clock.now() >= this.#nextFreeAt; ) {
      const ticket = this.#queue[this.#head] as Ticket;
      this.#head += 1;
      if (ticket.cancelled) continue;
      this.#live -= 1;
      if (ticket.onAbort) ticket.signal?.removeEventListener('abort', ticket.onAbort);
      granted += 1;
      this.#grant(true);
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
    this.#queuedSince = undefined;
    this.#queue.length = 0;
    this.#head = 0;
    this.#timer?.abort(CANCELLED);
    this.#timer = undefined;
  }
}
