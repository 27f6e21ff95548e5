import { assertNumber, describeValue, MAX_TIMER_MS } from '../engine/validate.js';
import { DEFAULT_WAIT_OPTIONS, type WaitOptions } from '../engine/wait-options.js';
import type { Waiter } from '../engine/waiter.js';
import { Waiter as EngineWaiter } from '../engine/waiter.js';
import type { WaiterDefinition } from '../engine/waiter-definition.js';
import type { LightsailClientLike, Operation } from '../types.js';
import { OperationWaiter } from '../waiters/operation.js';
import { fromLegacySignal, type LegacyAbortSignal } from './legacy-signal.js';

export type { LegacyAbortSignal } from './legacy-signal.js';

/**
 * The AWS SDK v3 waiter configuration (`WaiterConfiguration` of `@smithy/types`), every duration in
 * **seconds** as in the SDK. A `WaiterConfiguration<LightsailClient>` fits as is.
 */
export interface WaiterConfiguration<Client> {
  /** The client to poll with. */
  client: Client;
  /** The longest time to wait, in seconds. Required, as in the SDK. */
  maxWaitTime: number;
  /** @deprecated Use `abortSignal`. Aborts the wait. */
  abortController?:
    | {
        /** The controller's signal, the only part read. */
        readonly signal: AbortSignal | LegacyAbortSignal;
      }
    | undefined;
  /** Aborts the wait. */
  abortSignal?: AbortSignal | LegacyAbortSignal | undefined;
  /** The shortest delay between polls, in seconds. @default 1 */
  minDelay?: number | undefined;
  /** The longest delay between polls, in seconds. @default 30 */
  maxDelay?: number | undefined;
}

/** The `reason` of `waitUntilOperationSucceeded`'s result: the `GetOperation` output. */
export interface OperationReason {
  /** The operation in its final, successful state. */
  operation: Operation;
}

/** The result of an SDK-shaped waiter; the promise only resolves with `state: 'SUCCESS'`. */
export interface WaiterResult<TReason = OperationReason> {
  /** Always `'SUCCESS'`: every other ending rejects, where the SDK's `WaiterState` also has FAILURE, TIMEOUT and ABORTED. */
  state: 'SUCCESS';
  /**
   * The last output: `{ operation }` for `waitUntilOperationSucceeded`, the `Get*` output (or the
   * certificate, the distribution) for the resource waiters; for a success on an error (the
   * not-found of `waitUntilInstanceDeleted`), that error, as the SDK's own waiters report it.
   */
  reason: TReason;
  /** How many times each state was observed, keyed like the SDK: `"200: Succeeded"`, `"200: running"`. */
  observedResponses: Record<string, number>;
}

/** Checks the SDK-shaped arguments, naming what the caller wrote (seconds), and turns them into {@link WaitOptions}. */
function toWaitOptions(params: WaiterConfiguration<unknown>, signal: AbortSignal | undefined): WaitOptions {
  if (typeof params !== 'object' || params === null) {
    throw new TypeError(`Expected \`params\` to be a waiter configuration object, got ${describeValue(params)}`);
  }
  const longest = MAX_TIMER_MS / 1000;
  assertNumber('maxWaitTime', params.maxWaitTime, 0, true, longest);
  if (params.minDelay !== undefined) assertNumber('minDelay', params.minDelay, 0, true, longest);
  if (params.maxDelay !== undefined) assertNumber('maxDelay', params.maxDelay, 0, true, longest);
  if (params.minDelay !== undefined && params.maxDelay !== undefined && params.maxDelay < params.minDelay) {
    throw new RangeError(`Expected \`maxDelay\` (${params.maxDelay}) to be >= \`minDelay\` (${params.minDelay})`);
  }
  // A maxDelay under the default minDelay (1 s) brings the minimum down with it.
  const minDelay =
    params.minDelay ??
    (params.maxDelay !== undefined && params.maxDelay * 1000 < DEFAULT_WAIT_OPTIONS.minDelayMs ? params.maxDelay : undefined);
  return {
    timeoutMs: params.maxWaitTime * 1000,
    ...(minDelay === undefined ? {} : { minDelayMs: minDelay * 1000 }),
    ...(params.maxDelay === undefined ? {} : { maxDelayMs: params.maxDelay * 1000 }),
    signal,
  };
}

/** Runs a waiter made from the SDK-shaped arguments, counting each state seen, and releases the legacy signal. */
async function runSdkShaped<TOutput, TReason>(
  params: WaiterConfiguration<unknown>,
  make: (options: WaitOptions) => Waiter<unknown, unknown, TOutput>,
  reason: (output: TOutput | undefined, matchedError: unknown) => TReason,
): Promise<WaiterResult<TReason>> {
  const legacy = fromLegacySignal(
    typeof params === 'object' && params !== null ? (params.abortSignal ?? params.abortController?.signal) : undefined,
  );
  try {
    const waiter = make(toWaitOptions(params, legacy.signal));
    const observedResponses: Record<string, number> = {};
    waiter.on('poll', ({ output }) => {
      const key = `200: ${waiter.definition.state(output) ?? 'unknown'}`;
      observedResponses[key] = (observedResponses[key] ?? 0) + 1;
    });
    let matchedError: unknown;
    waiter.on('succeeded', (event) => {
      matchedError = event.error;
    });
    const output = await waiter.wait();
    return { state: 'SUCCESS', reason: reason(output, matchedError), observedResponses };
  } finally {
    legacy.dispose();
  }
}

/**
 * Waits until a Lightsail operation succeeds, in the exact shape of the AWS SDK v3 generated
 * waiters (`waitUntilInstanceRunning` and friends): durations in seconds, resolves with a
 * `WaiterResult` whose `state` is `'SUCCESS'`, rejects otherwise (with this library's typed
 * errors: `OperationFailedError`, a `WaiterTimeoutError` named `'TimeoutError'`, a
 * `WaiterAbortError` named `'AbortError'`, or an `OperationRequestError`).
 */
export async function waitUntilOperationSucceeded(
  params: WaiterConfiguration<LightsailClientLike>,
  input: { operationId: string | undefined },
): Promise<WaiterResult> {
  if (typeof input !== 'object' || input === null) {
    throw new TypeError(`Expected \`input\` to be \`{ operationId }\`, got ${describeValue(input)}`);
  }
  if (typeof input.operationId !== 'string' || input.operationId.trim() === '') {
    throw new TypeError(`Expected \`input.operationId\` to be a non-empty operation id, got ${describeValue(input.operationId)}`);
  }
  const operationId = input.operationId;
  return runSdkShaped(
    params,
    (options) => new OperationWaiter(params.client, operationId, options) as unknown as Waiter<unknown, unknown, Operation>,
    (operation): OperationReason => ({ operation: operation as Operation }),
  );
}

/** A waiter in the AWS SDK v3 shape: `waitUntilX({ client, maxWaitTime }, input)`. */
export type SdkWaiter<TClient, TInput, TReason> = (params: WaiterConfiguration<TClient>, input: TInput) => Promise<WaiterResult<TReason>>;

/**
 * Makes the AWS SDK v3-shaped function of a waiter definition: durations in seconds, resolves
 * with a `WaiterResult` (`reason` is the last output), rejects with this library's typed errors.
 */
export function sdkWaiter<TClient, TInput, TOutput>(
  definition: WaiterDefinition<TClient, TInput, TOutput>,
): SdkWaiter<TClient, TInput, TOutput> {
  return sdkWaiterOf((client: TClient, input: TInput, options) => new EngineWaiter(client, definition, input, options));
}

/** {@link sdkWaiter} for a waiter class of its own (the container deployment waiter, which reads logs). Internal. */
export function sdkWaiterOf<TClient, TInput, TOutput>(
  make: (client: TClient, input: TInput, options: WaitOptions) => Waiter<TClient, TInput, TOutput>,
): SdkWaiter<TClient, TInput, TOutput> {
  return (params, input) =>
    runSdkShaped(
      params as WaiterConfiguration<unknown>,
      (options) => make(params.client, input, options) as unknown as Waiter<unknown, unknown, TOutput>,
      // As the SDK's waiters do, a success on an error (a `*-deleted` waiter's not-found) reports the error.
      (output, matchedError) => (matchedError ?? output) as TOutput,
    );
}
