import pRetry from 'p-retry';
import { exponentialBackoff, fitDelayToDeadline } from '../policy/backoff.js';
import { classifyRequestError, isThrottling } from '../policy/request-error-kind.js';
import type { Operation } from '../types.js';
import type { Poller } from './poller.js';
import type { ResolvedWaitOptions } from './wait-options.js';
import type { WaitScope } from './wait-scope.js';

/** A transient failure about to be retried. */
export interface RetryInfo {
  readonly error: unknown;
  /** The failed attempt's number, from 1. */
  readonly attempt: number;
  /** How long the waiter sleeps before trying again, in milliseconds. */
  readonly delayMs: number;
}

/** One Lightsail request to send through the poller, retrying transient failures. */
export interface RetryingRequest<T> {
  /** Sends the request once; the scope's signal is passed on by the caller. */
  readonly call: () => Promise<T>;
  readonly options: ResolvedWaitOptions;
  readonly scope: WaitScope;
  readonly poller: Poller;
  /** `clock.now()` when the wait started. */
  readonly startedAt: number;
  /** The last observed operation. */
  readonly lastOperation: () => Operation | undefined;
  readonly onRetry: (info: RetryInfo) => void;
  /** True while a `NotFoundException` should be retried rather than given up on. */
  readonly retryNotFound: () => boolean;
  /** The error to throw when giving up on `error`. */
  readonly giveUp: (error: unknown, retriesExhausted: boolean) => Error;
}

/**
 * Sends a request with p-retry: each attempt waits its turn at the poller; transient failures
 * (throttling, 5xx, network) are retried after the waiter's jittered backoff, never past the
 * deadline; anything else gives up at once.
 */
export function sendWithRetries<T>(request: RetryingRequest<T>): Promise<T> {
  const { options, scope, poller } = request;
  return pRetry(
    async () => {
      await poller.acquire(scope.signal);
      scope.throwIfStopped();
      const result = await request.call();
      poller.reportSuccess();
      return result;
    },
    {
      retries: options.retries,
      minTimeout: 0,
      signal: scope.signal,
      onFailedAttempt: async ({ error, attemptNumber, retriesLeft }) => {
        scope.signal.throwIfAborted();
        const kind = classifyRequestError(error);
        if (isThrottling(error)) poller.reportThrottled();
        if (kind === 'fatal' || (kind === 'not-found' && !request.retryNotFound())) throw request.giveUp(error, false);
        if (retriesLeft <= 0) throw request.giveUp(error, true);
        // Retries back off exponentially from minDelayMs whatever the poll schedule: a failed
        // request says nothing about when the operation will finish.
        const wanted = exponentialBackoff({
          attempt: attemptNumber,
          minDelayMs: options.minDelayMs,
          maxDelayMs: options.maxDelayMs,
          elapsedMs: options.clock.now() - request.startedAt,
          operation: request.lastOperation(),
          random: options.clock.random,
        });
        // No retry fits before the deadline: sleep until the deadline aborts the scope.
        const delayMs = fitDelayToDeadline(wanted, scope.remaining(), 0) ?? Math.max(0, scope.remaining());
        request.onRetry({ error, attempt: attemptNumber, delayMs });
        await options.clock.sleep(delayMs, scope.signal);
      },
    },
  );
}
