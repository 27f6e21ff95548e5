import type { Clock } from '../src/engine/clock.js';

interface Timer {
  readonly at: number;
  readonly seq: number;
  readonly fn: () => void;
  cancelled: boolean;
}

/** What `setTimeout` returns in virtual time: enough of Node's `Timeout` for the code under test. */
class VirtualTimeout {
  readonly timer: Timer;
  constructor(timer: Timer) {
    this.timer = timer;
  }
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }
  hasRef(): boolean {
    return true;
  }
  [Symbol.toPrimitive](): number {
    return this.timer.seq;
  }
}

// Captured before anything is patched: flushing promise callbacks needs the real event loop.
const realSetImmediate = globalThis.setImmediate;
const flush = (): Promise<void> => new Promise((resolve) => realSetImmediate(resolve));

/**
 * A virtual timeline: a heap of timers fired in time order, with every queued promise callback
 * run between two instants. Drives our waiter through an injected {@link Clock}, and code that
 * uses the globals (`@smithy/util-waiter`) through {@link VirtualTime.install}.
 */
export class VirtualTime {
  #now: number;
  #seq = 0;
  readonly #heap: Timer[] = [];
  readonly #random: () => number;
  #restore: (() => void) | undefined;

  constructor(startEpochMs: number, random: () => number) {
    this.#now = startEpochMs;
    this.#random = random;
  }

  /** Virtual epoch milliseconds. */
  now = (): number => this.#now;

  setTimeout = (fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]): VirtualTimeout => {
    const delay = Number.isFinite(ms) ? Math.max(0, ms as number) : 0;
    const timer: Timer = { at: this.#now + delay, seq: this.#seq++, fn: () => fn(...args), cancelled: false };
    this.#push(timer);
    return new VirtualTimeout(timer);
  };

  clearTimeout = (handle: unknown): void => {
    if (handle instanceof VirtualTimeout) handle.timer.cancelled = true;
  };

  /** The {@link Clock} our waiter gets: virtual time and the seeded random source. */
  readonly clock: Clock = {
    now: () => this.#now,
    random: () => this.#random(),
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        const onAbort = (): void => {
          handle.timer.cancelled = true;
          reject(signal?.reason);
        };
        const handle = this.setTimeout(() => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        }, ms);
        signal?.addEventListener('abort', onAbort, { once: true });
      }),
  };

  /**
   * Replaces `setTimeout`, `clearTimeout`, `Date.now` and `Math.random` with virtual ones until
   * {@link VirtualTime.uninstall}, for code that reads the globals.
   */
  install(): void {
    if (this.#restore) return;
    const saved = { setTimeout: globalThis.setTimeout, clearTimeout: globalThis.clearTimeout, now: Date.now, random: Math.random };
    const g = globalThis as unknown as Record<string, unknown>;
    g.setTimeout = this.setTimeout;
    g.clearTimeout = this.clearTimeout;
    Date.now = this.now;
    Math.random = this.#random;
    this.#restore = () => {
      g.setTimeout = saved.setTimeout;
      g.clearTimeout = saved.clearTimeout;
      Date.now = saved.now;
      Math.random = saved.random;
    };
  }

  uninstall(): void {
    this.#restore?.();
    this.#restore = undefined;
  }

  /** Fires timers in time order, running promise callbacks between instants, until `done()`. */
  async runUntil(done: () => boolean): Promise<void> {
    for (;;) {
      await flush();
      if (done()) return;
      const first = this.#pop();
      if (first === undefined) throw new Error('virtual time stalled: no timer is pending and the run is not done');
      this.#now = Math.max(this.#now, first.at);
      first.fn();
      // Everything due at this same instant fires before the next flush.
      for (let top = this.#peek(); top !== undefined && top.at <= this.#now; top = this.#peek()) this.#pop()?.fn();
    }
  }

  /** Timers still pending (cancelled ones excluded). */
  get pendingTimers(): number {
    return this.#heap.filter((timer) => !timer.cancelled).length;
  }

  #peek(): Timer | undefined {
    while (this.#heap.length > 0 && (this.#heap[0] as Timer).cancelled) this.#take();
    return this.#heap[0];
  }

  #pop(): Timer | undefined {
    return this.#peek() === undefined ? undefined : this.#take();
  }

  #push(timer: Timer): void {
    const heap = this.#heap;
    heap.push(timer);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i] as Timer, heap[parent] as Timer)) break;
      [heap[i], heap[parent]] = [heap[parent] as Timer, heap[i] as Timer];
      i = parent;
    }
  }

  #take(): Timer {
    const heap = this.#heap;
    const top = heap[0] as Timer;
    const last = heap.pop() as Timer;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && before(heap[l] as Timer, heap[m] as Timer)) m = l;
        if (r < heap.length && before(heap[r] as Timer, heap[m] as Timer)) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m] as Timer, heap[i] as Timer];
        i = m;
      }
    }
    return top;
  }
}

function before(a: Timer, b: Timer): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
