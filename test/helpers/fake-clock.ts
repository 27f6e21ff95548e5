import type { Clock } from '../../src/engine/clock.js';

interface Timer {
  at: number;
  resolve: () => void;
}

/**
 * A virtual clock for deterministic tests: time moves only when a test advances it, every sleep
 * is recorded, and `random()` returns a fixed value.
 */
export class FakeClock implements Clock {
  time = 0;
  randomValue = 0.5;
  /** Every sleep requested, in milliseconds, in order. */
  readonly sleeps: number[] = [];
  /**
   * The sleeps that ran to their end, in the order they were requested: the poll delays, without
   * the timers a wait cancels (its deadline, each request's timeout).
   */
  get firedSleeps(): number[] {
    return this.#requested.filter((entry) => entry.fired).map((entry) => entry.ms);
  }
  readonly #requested: { ms: number; fired: boolean }[] = [];
  readonly #timers = new Set<Timer>();

  now = (): number => this.time;
  random = (): number => this.randomValue;

  sleep = (ms: number, signal?: AbortSignal): Promise<void> => {
    this.sleeps.push(ms);
    const entry = { ms, fired: false };
    this.#requested.push(entry);
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer: Timer = {
        at: this.time + ms,
        resolve: () => {
          entry.fired = true;
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = (): void => {
        this.#timers.delete(timer);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#timers.add(timer);
    });
  };

  /** Timers not yet fired nor cancelled. */
  get pendingTimers(): number {
    return this.#timers.size;
  }

  /** Fires the earliest timer (moving time to it); false when none is pending. */
  fireNext(): boolean {
    let next: Timer | undefined;
    for (const timer of this.#timers) if (next === undefined || timer.at < next.at) next = timer;
    if (next === undefined) return false;
    this.#timers.delete(next);
    this.time = Math.max(this.time, next.at);
    next.resolve();
    return true;
  }

  /** Moves time forward by `ms`, firing every timer due on the way, letting promises run between. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      await flush();
      let next: Timer | undefined;
      for (const timer of this.#timers) if (timer.at <= end && (next === undefined || timer.at < next.at)) next = timer;
      if (next === undefined) break;
      this.fireNext();
    }
    this.time = end;
    await flush();
  }

  /** Runs timers until `promise` settles; returns its outcome without throwing. */
  async run<T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown }> {
    let outcome: { value?: T; error?: unknown } | undefined;
    promise.then(
      (value) => (outcome = { value }),
      (error: unknown) => (outcome = { error }),
    );
    for (let i = 0; i < 100_000; i++) {
      await flush();
      if (outcome) return outcome;
      if (!this.fireNext()) await flush();
      if (!outcome && this.pendingTimers === 0) await flush();
    }
    throw new Error('FakeClock.run: the promise never settled');
  }
}

/** Lets every queued promise callback and I/O callback run. */
export function flush(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
