/**
 * Time and randomness, injected so that tests and benchmarks can run in virtual time
 * and assert exact delays.
 */
export interface Clock {
  /** Milliseconds from an arbitrary origin; only differences are used. */
  now(): number;
  /** Resolves after `ms` milliseconds; rejects with `signal.reason` when `signal` aborts, clearing its timer. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** A number in [0, 1), used for jitter. */
  random(): number;
}

/**
 * The reason the library's own timers are cancelled with (`controller.abort(CANCELLED)`): a bare
 * `abort()` builds a `DOMException`, stack and all, for every timer cleared, which costs more than
 * the timer itself when thousands of waits end at once. Nothing outside ever sees it.
 */
export const CANCELLED: unknown = Object.freeze({ reason: 'lightsail-waiter: timer cleared' });

/** Sleeps with `setTimeout`, removing the timer and the abort listener on every path. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The real clock: `performance.now()` (monotonic), `setTimeout` and `Math.random`. */
export const systemClock: Clock = Object.freeze({
  now: () => performance.now(),
  sleep,
  random: () => Math.random(),
});
