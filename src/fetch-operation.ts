import { GetOperationCommand } from '@aws-sdk/client-lightsail';
import pRetry from 'p-retry';
import { fitDelayToDeadline } from './backoff.js';
import { OperationRequestError } from './errors/request.js';
import type { ResolvedWaitOptions } from './options.js';
import type { Poller } from './poller.js';
import type { WaitScope } from './scope.js';
import { classifyRequestError, isThrottling } from './transient.js';
import type { LightsailClientLike, Operation } from './types.js';

/** A transient failure about to be retried. */
export interface RetryInfo {
  readonly error: unknown;
  /** The failed attempt's number, from 1. */
  readonly attempt: number;
  /** How long the waiter sleeps before trying again, in milliseconds. */
  readonly delayMs: number;
}

/** Everything one `GetOperation` call with retries needs. */
export interface FetchContext {
  readonly client: LightsailClientLike;
  readonly operationId: string;
  readonly options: ResolvedWaitOptions;
  readonly scope: WaitScope;
  readonly poller: Poller;
  /** `clock.now()` when the wait started, for the NotFound grace window. */
  readonly startedAt: number;
  /** The last observed operation, for error reports. */
  readonly lastOperation: () => Operation | undefined;
  readonly onRetry: (info: RetryInfo) => void;
}

/**
 * Calls `GetOperation` once, retrying transient failures with p-retry and the waiter's own
 * jittered backoff; fails fast (as an {@link OperationRequestError}) on errors waiting will not fix.
 */
export async function fetchOperation(context: FetchContext): Promise<Operation> {
  const { client, operationId, options, scope, poller } = context;
  const command = new GetOperationCommand({ operationId });
  return pRetry(
    async () => {
      await poller.acquire(scope.signal);
      const output = await client.send(command, { abortSignal: scope.signal });
      poller.reportSuccess();
      if (output?.operation === undefined || output.operation === null) {
        throw Object.assign(new Error('GetOperation returned no operation'), { name: 'ServiceException' });
      }
      return output.operation;
    },
    {
      retries: options.retries,
      minTimeout: 0,
      signal: scope.signal,
      onFailedAttempt: async ({ error, attemptNumber, retriesLeft }) => {
        scope.signal.throwIfAborted();
        const kind = classifyRequestError(error);
        if (kind === 'transient' && isThrottling(error)) poller.reportThrottled();
        const graceLeft = options.clock.now() - context.startedAt < options.notFoundGraceMs;
        if (kind === 'fatal' || (kind === 'not-found' && !graceLeft)) {
          throw new OperationRequestError(operationId, error, false, context.lastOperation());
        }
        if (retriesLeft <= 0) throw new OperationRequestError(operationId, error, true, context.lastOperation());
        const wanted = options.backoff({
          attempt: attemptNumber,
          minDelayMs: options.minDelayMs,
          maxDelayMs: options.maxDelayMs,
          elapsedMs: options.clock.now() - context.startedAt,
          operation: context.lastOperation(),
          random: options.clock.random,
        });
        // No retry fits before the deadline: sleep until the deadline aborts the scope.
        const delayMs = fitDelayToDeadline(wanted, scope.remaining(), 0) ?? Math.max(0, scope.remaining());
        context.onRetry({ error, attempt: attemptNumber, delayMs });
        await options.clock.sleep(delayMs, scope.signal);
      },
    },
  );
}
