import {
  type GetOperationCommand,
  type GetOperationCommandOutput,
  GetOperationsForResourceCommand,
  type GetOperationsForResourceCommandOutput,
} from '@aws-sdk/client-lightsail';
import { assertClient } from '../engine/client-input.js';
import { choosePoller } from '../engine/default-poller.js';
import type { Poller } from '../engine/poller.js';
import { type RetryInfo, sendWithRetries } from '../engine/send-with-retries.js';
import { describeValue } from '../engine/validate.js';
import type { ResolvedWaitOptions } from '../engine/wait-options.js';
import { WaitScope } from '../engine/wait-scope.js';
import { WaiterAbortError } from '../errors/abort.js';
import { OperationsAbortError } from '../errors/operations-abort.js';
import { OperationsTimeoutError } from '../errors/operations-timeout.js';
import { ResourceRequestError } from '../errors/resource.js';
import { WaiterTimeoutError } from '../errors/timeout.js';
import { isSettled } from '../policy/operation-outcome.js';
import { succeededResult } from '../policy/result-outcome.js';
import type { Operation, SendOptions } from '../types.js';
import { resolveWaitManyOptions, type WaitManyOptions, waitForOperations } from './operations.js';

/** A client that can list a resource's operations as well as read one: a `LightsailClient` fits. */
export interface ResourceClientLike {
  /** Lists a resource's operations, one page at a time; used by {@link waitForResource} and {@link listPendingOperations}. */
  send(command: GetOperationsForResourceCommand, options?: SendOptions): Promise<GetOperationsForResourceCommandOutput>;
  /** Reads one operation, to wait on each pending operation the listing found. */
  send(command: GetOperationCommand, options?: SendOptions): Promise<GetOperationCommandOutput>;
}

// Lightsail's own pattern for resource names.
const RESOURCE_NAME = /^\w[\w-]*\w$/;

/**
 * Waits until nothing is pending on a Lightsail resource: lists its operations with
 * `GetOperationsForResource` (every page), waits on each one that is not finished (through the same
 * rate-capped machinery as {@link waitForOperations}), then lists again and waits on any operation
 * that started meanwhile, until a listing shows nothing pending. Resolves with every operation it
 * waited on, in their final state, in the order first seen; an idle resource resolves with `[]`
 * after one listing.
 *
 * Rejects with a `ResourceRequestError` for an unknown resource (or any listing failure waiting
 * will not fix), and with an `OperationsFailedError` when an operation does not succeed, times out
 * (`OperationsTimeoutError`) or is aborted (`OperationsAbortError`) while waited on. When
 * `timeoutMs` runs out (or the signal aborts) during a listing, it rejects
 * with a `WaiterTimeoutError` (or `WaiterAbortError`) whose `operationId` is undefined and whose
 * message names the resource.
 */
export async function waitForResource(
  client: ResourceClientLike,
  resourceName: string,
  options: WaitManyOptions = {},
): Promise<Operation[]> {
  const { resolved, poller } = prepare(client, resourceName, options);
  const { maxRequestsPerSecond: _ownCap, ...waitOptions } = options;
  const { clock } = resolved;
  const startedAt = clock.now();
  const waited = new Map<string, Operation>();
  for (;;) {
    const timeoutMs = resolved.timeoutMs - (clock.now() - startedAt);
    const listed = await listPending(client, resourceName, { ...resolved, timeoutMs: Math.max(timeoutMs, 1) }, poller, resolved.timeoutMs);
    const pending = listed.filter((operation) => !waited.has(operation.id as string));
    if (pending.length === 0) return [...waited.values()];
    const remaining = resolved.timeoutMs - (clock.now() - startedAt);
    const finals = await waitForOperations(client, pending, { ...waitOptions, timeoutMs: Math.max(remaining, 1), poller }).catch(
      (error: unknown) => {
        // This round had what was left of timeoutMs; a timeout or abort tells the caller's, and
        // every operation waited on, those of earlier rounds too.
        const earlier = [...waited.values()].map((operation) => succeededResult(operation.id as string, operation));
        if (error instanceof OperationsTimeoutError) throw new OperationsTimeoutError([...earlier, ...error.results], resolved.timeoutMs);
        if (error instanceof OperationsAbortError) throw new OperationsAbortError([...earlier, ...error.results], error.reason);
        throw error;
      },
    );
    for (const operation of finals) waited.set(operation.id as string, operation);
  }
}

/**
 * Lists what is pending on a Lightsail resource: every page of `GetOperationsForResource`, keeping
 * the operations not yet finished. Requests go through the poller (the client's default unless
 * `poller` or `maxRequestsPerSecond` is given) and transient failures are retried as usual.
 * Rejects with `ResourceRequestError` for an unknown resource.
 */
export async function listPendingOperations(
  client: ResourceClientLike,
  resourceName: string,
  options: WaitManyOptions = {},
): Promise<Operation[]> {
  return listPendingOperationsReporting(client, resourceName, options, () => {});
}

/**
 * @internal {@link listPendingOperations}, telling `onRetry` of each failed page it retries (the
 * CLI prints them, so that a listing that keeps failing is not silent).
 */
export async function listPendingOperationsReporting(
  client: ResourceClientLike,
  resourceName: string,
  options: WaitManyOptions,
  onRetry: (info: RetryInfo) => void,
): Promise<Operation[]> {
  const { resolved, poller } = prepare(client, resourceName, options);
  return listPending(client, resourceName, resolved, poller, resolved.timeoutMs, onRetry);
}

/** Checks the arguments of both functions and picks their poller. */
function prepare(client: ResourceClientLike, resourceName: string, options: WaitManyOptions) {
  assertClient(client);
  if (typeof resourceName !== 'string' || !RESOURCE_NAME.test(resourceName)) {
    throw new TypeError(
      `Expected \`resourceName\` to be a Lightsail resource name (letters, digits, _ and -), got ${describeValue(resourceName)}`,
    );
  }
  const resolved = resolveWaitManyOptions(options);
  return { resolved, poller: choosePoller(client, resolved.clock, resolved.poller, options.maxRequestsPerSecond) };
}

/**
 * Lists every page of the resource's operations and keeps those not yet finished, within
 * `options.timeoutMs`: what is left of the caller's `timeoutMs`, which a timeout error reports.
 */
async function listPending(
  client: ResourceClientLike,
  resourceName: string,
  options: ResolvedWaitOptions,
  poller: Poller,
  callerTimeoutMs = options.timeoutMs,
  onRetry: (info: RetryInfo) => void = () => {},
): Promise<Operation[]> {
  const scope = new WaitScope(options.clock, options.timeoutMs, options.signal);
  const startedAt = options.clock.now();
  const pending: Operation[] = [];
  const subject = `the operations of Lightsail resource ${resourceName}`;
  try {
    if (options.signal?.aborted) throw new WaiterAbortError(undefined, options.signal.reason, undefined, subject);
    let pageToken: string | undefined;
    const tokens = new Set<string>();
    do {
      const command = new GetOperationsForResourceCommand({ resourceName, ...(pageToken ? { pageToken } : {}) });
      const page = await sendWithRetries({
        call: (signal) => client.send(command, { abortSignal: signal }),
        options,
        scope,
        poller,
        startedAt,
        onRetry,
        retryNotFound: () => false,
        giveUp: (error, exhausted) => new ResourceRequestError(resourceName, error, exhausted),
      });
      for (const operation of page.operations ?? []) {
        if (typeof operation.id === 'string' && !isSettled(operation)) pending.push(operation);
      }
      pageToken = page.nextPageToken || undefined;
      // A token that comes back would list the same pages again, until the timeout.
      if (pageToken !== undefined && tokens.has(pageToken)) break;
      if (pageToken !== undefined) tokens.add(pageToken);
    } while (pageToken !== undefined);
    return pending;
  } catch (error) {
    if (scope.stopReason === 'timeout') throw new WaiterTimeoutError(undefined, callerTimeoutMs, undefined, 0, subject);
    if (scope.stopReason === 'aborted') throw new WaiterAbortError(undefined, scope.abortReason, undefined, subject);
    throw error;
  } finally {
    scope.dispose();
  }
}
