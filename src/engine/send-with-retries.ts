import pRetry from 'p-retry';
import { exponentialBackoff, fitDelayToDeadline } from '../policy/backoff.js';
import { classifyRequestError, isThrottling, isUnreachable } from '../policy/request-error-kind.js';
import type { Clock } from './clock.js';
import type { Poller } from './poller.js';
import { type TimedSignal, timedSignal } from './timed-signal.js';
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

/** For a call that does more than send one request, so that the per-request timeout times requests only. */
export interface AttemptSteps {
  /** A turn at the poller for a further request, once the one before has answered; the per-request timeout does not run while it waits. */
  readonly nextTurn: () => Promise<void>;
  /** Runs work that is not a Lightsail request (a TCP connect) without the per-request timeout; the scope still stops it. */
  readonly untimed: <R>(work: () => Promise<R>) => Promise<R>;
}

/** One Lightsail request to send through the poller, retrying transient failures. */
export interface RetryingRequest<T> {
  /**
   * Sends the request once, passing `signal` (the scope's, plus the per-request timeout) to
   * `client.send`; `attempt` serves a call that does more than one request.
   */
  readonly call: (signal: AbortSignal, attempt: AttemptSteps) => Promise<T>;
  readonly options: ResolvedWaitOptions;
  /** The wait's lifetime: its signal, its deadline, and the check before each request. */
  readonly scope: Pick<WaitScope, 'signal' | 'remaining' | 'throwIfStopped'>;
  readonly poller: Poller;
  /** `clock.now()` when the wait started. */
  readonly startedAt: number;
  readonly onRetry: (info: RetryInfo) => void;
  /** True while a not-found error should be retried rather than given up on. */
  readonly retryNotFound: () => boolean;
  /** The error to throw when giving up on `error`. */
  readonly giveUp: (error: unknown, retriesExhausted: boolean) => Error;
}

/**
 * Sends a request with p-retry: each attempt waits its turn at the poller; `shouldRetry` keeps
 * transient failures (throttling, 5xx, network) and, within the grace window, not-found; an
 * endpoint that stays unreachable (no DNS name, nothing listening) for `unreachableTimeoutMs`
 * fails fast; the
 * retry delay is the waiter's jittered exponential backoff on the injected clock, never past the
 * deadline; p-retry counts the attempts (`options.retries`) and stops on the scope's signal.
 */
export async function sendWithRetries<T>(request: RetryingRequest<T>): Promise<T> {
  const { options, scope, poller } = request;
  let delayMs = 0;
  let retrying = false;
  let listenerFailure: { readonly error: unknown } | undefined;
  // When the requests in a row began to find the endpoint unreachable.
  let unreachableSince: number | undefined;
  let unreachableTooLong = false;
  try {
    return await pRetry(
      async () => {
        if (delayMs > 0) await options.clock.sleep(delayMs, scope.signal);
        await poller.acquire(scope.signal);
        scope.throwIfStopped();
        let result: T;
        try {
          result = await callWithTimeout(request, options.requestTimeoutMs);
        } catch (error) {
          throw new FailedAttempt(error);
        }
        poller.reportSuccess();
        return result;
      },
      {
        retries: options.retries,
        minTimeout: 0,
        maxTimeout: 0,
        signal: scope.signal,
        onFailedAttempt: ({ error: thrown, attemptNumber, retriesLeft }) => {
          const error = unwrap(thrown);
          scope.signal.throwIfAborted();
          if (isThrottling(error)) poller.reportThrottled();
          const kind = classifyRequestError(error);
          const now = options.clock.now();
          unreachableSince = isUnreachable(error) ? (unreachableSince ?? now) : undefined;
          unreachableTooLong = unreachableSince !== undefined && now - unreachableSince >= options.unreachableTimeoutMs;
          retrying = !unreachableTooLong && retriesLeft > 0 && (kind === 'transient' || (kind === 'not-found' && request.retryNotFound()));
          if (!retrying) return;
          // Retries back off exponentially from minDelayMs whatever the poll schedule: a failed
          // request says nothing about when the wait will end. No retry fits before the deadline:
          // sleep until the deadline aborts the scope.
          const wanted = exponentialBackoff({
            attempt: attemptNumber,
            minDelayMs: options.minDelayMs,
            maxDelayMs: options.maxDelayMs,
            elapsedMs: options.clock.now() - request.startedAt,
            operation: undefined,
            random: options.clock.random,
          });
          delayMs = fitDelayToDeadline(wanted, scope.remaining(), 0) ?? Math.max(0, scope.remaining());
          try {
            request.onRetry({ error, attempt: attemptNumber, delayMs });
          } catch (thrown) {
            // A `retry` listener threw: that error, not a request error, is what the wait rejects with.
            listenerFailure = { error: thrown };
            throw thrown;
          }
        },
        shouldRetry: () => retrying,
      },
    );
  } catch (thrown) {
    if (listenerFailure !== undefined) throw listenerFailure.error;
    const error = unwrap(thrown);
    if (scope.signal.aborted) throw error;
    const kind = classifyRequestError(error);
    throw request.giveUp(error, !unreachableTooLong && (kind === 'transient' || (kind === 'not-found' && request.retryNotFound())));
  }
}

/**
 * A request's failure, as p-retry sees it. p-retry has rules of its own for some values (it never
 * retries a `TypeError` that `is-network-error` does not know, even when `shouldRetry` says to, and
 * it replaces a thrown non-Error with a `TypeError`): wrapped, every failure is judged by
 * `shouldRetry` alone, and reaches the caller as it was thrown.
 */
class FailedAttempt extends Error {
  constructor(readonly failure: unknown) {
    super('A request failed');
  }
}

const unwrap = (error: unknown): unknown => (error instanceof FailedAttempt ? error.failure : error);

/** A request that did not answer within `requestTimeoutMs`: transient, like the SDK's own `TimeoutError`. */
export class RequestTimeoutError extends Error {
  override name = 'RequestTimeout' as const;
}

/**
 * One attempt, aborted when it outlives `timeoutMs` (or the scope stops). A request the deadline
 * cuts short first needs no timer of its own.
 */
async function callWithTimeout<T>(request: RetryingRequest<T>, timeoutMs: number): Promise<T> {
  const { scope, options } = request;
  // The wait's own deadline comes first: its signal bounds the request, with no timer of its own.
  if (timeoutMs >= scope.remaining()) return request.call(scope.signal, steps(request, undefined));
  return withRequestTimeout(options.clock, scope.signal, timeoutMs, (attempt) => request.call(attempt.signal, steps(request, attempt)));
}

/**
 * Runs `work` (one request, given the signal to pass to `client.send`) bounded by `timeoutMs` on
 * `clock` as well as by `parent`: when the time runs out first, rejects with a
 * {@link RequestTimeoutError} whose `cause` is the work's own error. The timer and the link to
 * `parent` are released on every path.
 */
export async function withRequestTimeout<T>(
  clock: Clock,
  parent: AbortSignal,
  timeoutMs: number,
  work: (attempt: TimedSignal) => Promise<T>,
): Promise<T> {
  const attempt = timedSignal(clock, parent, timeoutMs, () => new RequestTimeoutError(`no answer within ${timeoutMs} ms`));
  try {
    return await work(attempt);
  } catch (error) {
    if (attempt.timedOut() && !parent.aborted)
      throw new RequestTimeoutError(`The request got no answer within ${timeoutMs} ms`, { cause: error });
    throw error;
  } finally {
    attempt.dispose();
  }
}

/**
 * The steps of one attempt beyond its first request. `nextTurn`: the request before answered (a
 * success for the pace), and the next waits its turn at the poller, as the first did. Both hold the
 * attempt's timeout while they wait or work, and start it afresh for whatever request comes next.
 */
function steps(request: RetryingRequest<unknown>, attempt: TimedSignal | undefined): AttemptSteps {
  const { poller, scope } = request;
  // Pieces of work at once: the timeout starts again only when the last of them ends.
  let untimedNow = 0;
  const untimed = async <R>(work: () => Promise<R>): Promise<R> => {
    if (untimedNow++ === 0) attempt?.hold();
    try {
      return await work();
    } finally {
      if (--untimedNow === 0) attempt?.restart();
    }
  };
  return {
    untimed,
    nextTurn: () => {
      poller.reportSuccess();
      return untimed(async () => {
        await poller.acquire(scope.signal);
        scope.throwIfStopped();
      });
    },
  };
}
