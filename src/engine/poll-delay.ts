import { fitDelayToDeadline } from '../policy/backoff.js';
import type { Operation } from '../types.js';
import { describeValue } from './validate.js';
import type { ResolvedWaitOptions } from './wait-options.js';

/** What the schedule is asked about before one poll. */
export interface PollDelayRequest {
  readonly options: ResolvedWaitOptions;
  /** 0 before the first poll of an object handed over, then the number of answers so far. */
  readonly attempt: number;
  readonly elapsedMs: number;
  /** The last probe output, and the operation when the waiter waits on one. */
  readonly output: unknown;
  readonly operation: Operation | undefined;
  readonly waiter: string;
  readonly typicalDurationMs: readonly [number, number] | undefined;
  /** Milliseconds left before the deadline, and how far before it the last poll is placed. */
  readonly remainingMs: number;
  readonly marginMs: number;
}

/**
 * The backoff strategy's delay before the next poll, checked and fitted to the deadline;
 * `undefined` when no poll fits any more. Throws a `TypeError` when the strategy returns what is
 * not a delay (NaN, a negative, a non-number).
 */
export function pollDelay(request: PollDelayRequest): number | undefined {
  const { options } = request;
  const wanted = options.backoff({
    attempt: request.attempt,
    minDelayMs: options.minDelayMs,
    maxDelayMs: options.maxDelayMs,
    elapsedMs: request.elapsedMs,
    operation: request.operation,
    output: request.output,
    random: options.clock.random,
    waiter: request.waiter,
    typicalDurationMs: request.typicalDurationMs,
  });
  if (typeof wanted !== 'number' || Number.isNaN(wanted) || wanted < 0) {
    throw new TypeError(`Expected \`backoff\` to return a number of milliseconds >= 0, got ${describeValue(wanted)}`);
  }
  return fitDelayToDeadline(wanted, request.remainingMs, request.marginMs);
}
