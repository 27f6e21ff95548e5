import { EventEmitter } from 'eventemitter3';
import { assertClient, toOperationRef } from '../engine/client-input.js';
import { choosePoller } from '../engine/default-poller.js';
import type { Poller } from '../engine/poller.js';
import { type ResolvedWaitOptions, resolveWaitOptions, type WaitOptions } from '../engine/wait-options.js';
import { WaitScope } from '../engine/wait-scope.js';
import { WaiterAbortError } from '../errors/abort.js';
import { isLightsailWaiterError } from '../errors/base.js';
import { OperationFailedError } from '../errors/operation-failed.js';
import { WaiterTimeoutError } from '../errors/timeout.js';
import { finalPollMarginMs, fitDelayToDeadline } from '../policy/backoff.js';
import { operationOutcome } from '../policy/operation-outcome.js';
import type { LightsailClientLike, Operation, OperationInput } from '../types.js';
import { fetchOperation } from './fetch-operation.js';
import type { OperationStatusName, OperationWaiterEvents } from './operation-events.js';

/**
 * Waits for one Lightsail operation and reports its progress as typed events
 * (`status`, `poll`, `retry`, `succeeded`, `failed`).
 *
 * Arguments are checked in the constructor, before any request. Nothing happens until
 * {@link OperationWaiter.wait} is called.
 */
export class OperationWaiter extends EventEmitter<OperationWaiterEvents> {
  /** The id of the operation waited on. */
  readonly operationId: string;
  /** The last observed operation: the one given, then each `GetOperation` response. */
  operation: Operation | undefined;
  /** How many `GetOperation` responses have been received. */
  attempts = 0;
  readonly #client: LightsailClientLike;
  readonly #options: ResolvedWaitOptions;
  readonly #poller: Poller;
  #promise: Promise<Operation> | undefined;
  #startedAt = 0;

  constructor(client: LightsailClientLike, operation: OperationInput, options?: WaitOptions) {
    super();
    assertClient(client);
    const ref = toOperationRef(operation);
    this.#options = resolveWaitOptions(options);
    this.#client = client;
    this.#poller = choosePoller(client, this.#options.clock, this.#options.poller, undefined);
    this.operationId = ref.id;
    this.operation = ref.operation;
  }

  /** The last observed status, if any. */
  get status(): OperationStatusName | undefined {
    return this.operation?.status;
  }

  /**
   * Starts waiting (once: later calls return the same promise). Resolves with the final operation
   * when it is `Succeeded` or `Completed`; rejects with an {@link OperationFailedError},
   * {@link WaiterTimeoutError}, {@link WaiterAbortError} or {@link OperationRequestError}.
   */
  wait(): Promise<Operation> {
    this.#promise ??= this.#run();
    return this.#promise;
  }

  async #run(): Promise<Operation> {
    // Let a caller who called wait() before on() still see the first events.
    await Promise.resolve();
    const { clock, signal, timeoutMs } = this.#options;
    this.#startedAt = clock.now();
    try {
      if (signal?.aborted) throw new WaiterAbortError(this.operationId, signal.reason, this.operation);
      const given = this.operation;
      if (given !== undefined) {
        this.operation = undefined;
        const settled = this.#observe(given);
        if (settled) return settled;
      }
      const scope = new WaitScope(clock, timeoutMs, signal);
      try {
        return await this.#poll(scope);
      } catch (error) {
        throw this.#explain(error, scope);
      } finally {
        scope.dispose();
      }
    } catch (error) {
      return this.#fail(error);
    }
  }

  async #poll(scope: WaitScope): Promise<Operation> {
    const margin = finalPollMarginMs(this.#options.timeoutMs);
    // Handed an operation object, the waiter has seen it once already: the strategy may wait before the first poll.
    if (this.operation !== undefined) {
      const delayMs = this.#delayBefore(scope, 0, margin);
      if (delayMs > 0) await this.#options.clock.sleep(delayMs, scope.signal);
    }
    for (;;) {
      const operation = await fetchOperation({
        client: this.#client,
        operationId: this.operationId,
        options: this.#options,
        scope,
        poller: this.#poller,
        startedAt: this.#startedAt,
        lastOperation: () => this.operation,
        onRetry: (info) => this.emit('retry', Object.freeze({ operationId: this.operationId, ...info })),
      });
      this.attempts += 1;
      this.emit('poll', Object.freeze({ operationId: this.operationId, attempt: this.attempts, operation }));
      const settled = this.#observe(operation);
      if (settled) return settled;
      await this.#options.clock.sleep(this.#delayBefore(scope, this.attempts, margin), scope.signal);
    }
  }

  /** The strategy's delay before the next poll, fitted to the deadline; throws when no poll fits. */
  #delayBefore(scope: WaitScope, attempt: number, margin: number): number {
    const { clock, backoff, minDelayMs, maxDelayMs } = this.#options;
    const wanted = backoff({
      attempt,
      minDelayMs,
      maxDelayMs,
      elapsedMs: clock.now() - this.#startedAt,
      operation: this.operation,
      random: clock.random,
    });
    const delayMs = fitDelayToDeadline(wanted, scope.remaining(), margin);
    if (delayMs === undefined) throw this.#timeoutError();
    return delayMs;
  }

  /** Records an observation; returns the operation when it has succeeded, throws when it failed. */
  #observe(operation: Operation): Operation | undefined {
    const previous = this.operation?.status;
    const first = this.operation === undefined;
    this.operation = operation;
    if (first || previous !== operation.status) {
      this.emit('status', Object.freeze({ operationId: this.operationId, previous, current: operation.status, operation }));
    }
    const outcome = operationOutcome(operation);
    if (outcome === 'pending') return undefined;
    if (outcome === 'failed') throw new OperationFailedError(operation);
    this.emit(
      'succeeded',
      Object.freeze({ operationId: this.operationId, operation, attempts: this.attempts, elapsedMs: this.#elapsed() }),
    );
    return operation;
  }

  #explain(error: unknown, scope: WaitScope): unknown {
    if (error instanceof OperationFailedError) return error;
    if (scope.stopReason === 'timeout') return this.#timeoutError();
    if (scope.stopReason === 'aborted') return new WaiterAbortError(this.operationId, scope.abortReason, this.operation);
    return error;
  }

  #timeoutError(): WaiterTimeoutError {
    return new WaiterTimeoutError(this.operationId, this.#options.timeoutMs, this.operation, this.attempts);
  }

  #fail(error: unknown): never {
    const reported = isLightsailWaiterError(error) || error instanceof Error ? error : new Error(String(error));
    this.emit(
      'failed',
      Object.freeze({
        operationId: this.operationId,
        error: reported,
        operation: this.operation,
        attempts: this.attempts,
        elapsedMs: this.#elapsed(),
      }),
    );
    throw error;
  }

  #elapsed(): number {
    return this.#options.clock.now() - this.#startedAt;
  }
}

/**
 * Waits until a Lightsail operation has finished. Resolves with the final operation when its
 * status is `Succeeded` or `Completed`; rejects with a typed error otherwise. An operation object
 * that is already terminal settles at once, with no request.
 *
 * @example
 * ```ts
 * const { operations } = await client.send(new CreateInstancesCommand({ ... }));
 * await waitForOperation(client, operations[0], { timeoutMs: 600_000 });
 * ```
 */
export async function waitForOperation(client: LightsailClientLike, operation: OperationInput, options?: WaitOptions): Promise<Operation> {
  return new OperationWaiter(client, operation, options).wait();
}
