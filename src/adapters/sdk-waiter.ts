import { assertNumber, describeValue } from '../engine/validate.js';
import type { LightsailClientLike, Operation } from '../types.js';
import { OperationWaiter } from '../waiters/operation.js';

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

/** The SDK's deprecated minimal signal type: only `aborted` and `onabort`. */
export interface LegacyAbortSignal {
  /** True once aborted; a signal already aborted stops the wait before any request. */
  readonly aborted: boolean;
  /** The abort handler; the waiter replaces it with one that also calls the previous handler. */
  // biome-ignore lint/complexity/noBannedTypes: the SDK's own type says `Function`; ours must accept what it accepts.
  onabort: ((this: AbortSignal, ev: Event) => unknown) | Function | null;
}

/** The result of an SDK-shaped waiter; the promise only resolves with `state: 'SUCCESS'`. */
export interface WaiterResult {
  /** Always `'SUCCESS'`: every other ending rejects, where the SDK's `WaiterState` also has FAILURE, TIMEOUT and ABORTED. */
  state: 'SUCCESS';
  /** The last `GetOperation` output, `{ operation }`. */
  reason: {
    /** The operation in its final, successful state. */
    operation: Operation;
  };
  /** How many times each status was observed, keyed like the SDK: `"200: Succeeded"`. */
  observedResponses: Record<string, number>;
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
  if (typeof params !== 'object' || params === null) {
    throw new TypeError(`Expected \`params\` to be a waiter configuration object, got ${describeValue(params)}`);
  }
  if (typeof input !== 'object' || input === null) {
    throw new TypeError(`Expected \`input\` to be \`{ operationId }\`, got ${describeValue(input)}`);
  }
  assertNumber('maxWaitTime', params.maxWaitTime, 0, true);
  if (params.minDelay !== undefined) assertNumber('minDelay', params.minDelay, 0, true);
  if (params.maxDelay !== undefined) assertNumber('maxDelay', params.maxDelay, 0, true);
  if (typeof input.operationId !== 'string' || input.operationId.trim() === '') {
    throw new TypeError(`Expected \`input.operationId\` to be a non-empty operation id, got ${describeValue(input.operationId)}`);
  }
  const legacy = fromLegacySignal(params.abortSignal ?? params.abortController?.signal);
  try {
    const waiter = new OperationWaiter(params.client, input.operationId, {
      timeoutMs: params.maxWaitTime * 1000,
      ...(params.minDelay === undefined ? {} : { minDelayMs: params.minDelay * 1000 }),
      ...(params.maxDelay === undefined ? {} : { maxDelayMs: params.maxDelay * 1000 }),
      signal: legacy.signal,
    });
    const observedResponses: Record<string, number> = {};
    waiter.on('poll', ({ operation }) => {
      const key = `200: ${operation.status ?? 'unknown'}`;
      observedResponses[key] = (observedResponses[key] ?? 0) + 1;
    });
    const operation = await waiter.wait();
    return { state: 'SUCCESS', reason: { operation }, observedResponses };
  } finally {
    legacy.dispose();
  }
}

/**
 * Turns the SDK's deprecated `{ aborted, onabort }` signal into a real `AbortSignal`; `dispose()`
 * puts the caller's own `onabort` back.
 */
function fromLegacySignal(signal: AbortSignal | LegacyAbortSignal | undefined): { signal: AbortSignal | undefined; dispose(): void } {
  if (signal === undefined || 'addEventListener' in signal) return { signal, dispose: () => {} };
  if (signal.aborted) return { signal: AbortSignal.abort(), dispose: () => {} };
  const controller = new AbortController();
  const previous = signal.onabort;
  signal.onabort = function (this: AbortSignal, event: Event) {
    controller.abort();
    if (typeof previous === 'function') Reflect.apply(previous, this, [event]);
  };
  return {
    signal: controller.signal,
    dispose: () => {
      signal.onabort = previous;
    },
  };
}
