import type { Operation } from '../types.js';

/** What a backoff strategy sees when it picks the delay before the next poll. */
export interface BackoffContext {
  /**
   * 1 for the delay after the first poll, 2 after the second, and so on; 0 for the delay before
   * the first poll, asked only when the waiter was handed a running `Operation` object (an id
   * is always polled at once).
   */
  readonly attempt: number;
  /** The waiter's `minDelayMs`. */
  readonly minDelayMs: number;
  /** The waiter's `maxDelayMs`. */
  readonly maxDelayMs: number;
  /** Milliseconds since the wait started. */
  readonly elapsedMs: number;
  /** The last observed operation, if any. */
  readonly operation: Operation | undefined;
  /** The injected source of randomness, a number in [0, 1). */
  readonly random: () => number;
  /** The last probe output of a waiter (the `Get*` output, the port state), when there is one. */
  readonly output?: unknown;
  /** The waiter's name: `'operation'`, `'instance-running'`. Absent when called outside a waiter. */
  readonly waiter?: string;
  /**
   * Where the waiter's wait usually ends, `[shortestMs, longestMs]` from its start, when its
   * definition says (resource waiters do; operations use their `operationType`).
   */
  readonly typicalDurationMs?: readonly [number, number] | undefined;
}

/**
 * Picks the delay in milliseconds before the next poll. The waiter clamps the result to
 * `[0, time left before the deadline]`, so a strategy need not know the timeout.
 */
export type BackoffStrategy = (context: BackoffContext) => number;

/**
 * Exponential backoff with jitter, the schedule of the AWS SDK v3 waiters: the first poll at once,
 * then a delay drawn uniformly between `minDelayMs` and `min(maxDelayMs, minDelayMs · 2^(attempt−1))`.
 */
export const exponentialBackoff: BackoffStrategy = ({ attempt, minDelayMs, maxDelayMs, random }) => {
  if (attempt === 0) return 0;
  const ceiling = Math.min(maxDelayMs, minDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(minDelayMs + random() * (ceiling - minDelayMs));
};

/**
 * How long before the deadline the last poll is placed, so that its request can finish in time:
 * 500 ms, or a twentieth of a short timeout.
 */
export function finalPollMarginMs(timeoutMs: number): number {
  return Math.min(500, timeoutMs / 20);
}

/**
 * Fits a wanted delay to the time left: the delay itself when the poll after it still lands
 * `marginMs` before the deadline, a shorter one that places the last poll just there, or
 * `undefined` when no poll fits any more.
 */
export function fitDelayToDeadline(delayMs: number, remainingMs: number, marginMs: number): number | undefined {
  const latest = remainingMs - marginMs;
  if (latest <= 0) return undefined;
  return Math.min(Math.max(0, delayMs), latest);
}
