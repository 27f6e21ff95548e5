import { EventEmitter } from 'eventemitter3';
import { onAbort } from '../engine/abort-fanout.js';
import { assertClient } from '../engine/client-input.js';
import { choosePoller } from '../engine/default-poller.js';
import type { Poller } from '../engine/poller.js';
import { describeValue } from '../engine/validate.js';
import { resolveWaitOptions, type WaitOptions } from '../engine/wait-options.js';
import { OperationsFailedError } from '../errors/operations-failed.js';
import { OperationsTimeoutError } from '../errors/operations-timeout.js';
import { FAIL_FAST, type OperationResult, outcomeOfError } from '../policy/result-outcome.js';
import type { LightsailClientLike, Operation } from '../types.js';
import { OperationWaiter } from './operation.js';
import type { PollEvent, RetryEvent, StatusEvent } from './operation-events.js';
import { type OperationsInput, toOperationRefs, uniqueRefs } from './operations-input.js';

/** How to wait for many operations: every {@link WaitOptions} field, plus these. */
export interface WaitManyOptions extends WaitOptions {
  /**
   * A hard cap on requests per second for this call alone (it gets a poller of its own, starting
   * at that pace). Leave it out to share the client's default poller (adaptive: it starts at 10 a
   * second and finds the account's limit), or pass `poller` to share one of your choosing.
   * @default undefined
   */
  readonly maxRequestsPerSecond?: number;
  /** Stop waiting on the others (outcome `cancelled`) as soon as one operation does not succeed. @default false */
  readonly failFast?: boolean;
}

/** Payload of `progress`: counts over the distinct operations waited on. */
export interface ProgressEvent {
  /** Distinct operations waited on (a duplicated id counts once). */
  readonly total: number;
  /** Operations that ended `Succeeded` or `Completed`. */
  readonly succeeded: number;
  /** Settled without success: failed, timed out, aborted, cancelled or errored. */
  readonly failed: number;
  /** Operations whose wait has not settled yet. */
  readonly pending: number;
}

/** The events of an {@link OperationsWaiter}; per-operation payloads carry `operationId`. */
export interface OperationsWaiterEvents {
  /** One operation's `status` event, forwarded as its own waiter emits it. */
  status: [event: StatusEvent];
  /** One operation's `poll` event, forwarded as its own waiter emits it. */
  poll: [event: PollEvent];
  /** One operation's `retry` event, forwarded as its own waiter emits it. */
  retry: [event: RetryEvent];
  /** One operation's wait ended. */
  settled: [result: OperationResult];
  /** Fires right after each `settled`, with the counts that include it. */
  progress: [event: ProgressEvent];
}

/**
 * Waits for many Lightsail operations at once through one rate-capped poller, reporting each
 * operation's events and the overall progress. Each distinct operation id is polled once.
 */
export class OperationsWaiter extends EventEmitter<OperationsWaiterEvents> {
  /** The input operations' ids, in input order (duplicates included). */
  readonly operationIds: readonly string[];
  /** The poller every request of this wait goes through. */
  readonly poller: Poller;
  readonly #waiters = new Map<string, OperationWaiter>();
  readonly #controllers = new Map<string, AbortController>();
  readonly #results = new Map<string, OperationResult>();
  readonly #signal: AbortSignal | undefined;
  readonly #failFast: boolean;
  readonly #timeoutMs: number;
  #succeeded = 0;
  #promise: Promise<Operation[]> | undefined;
  /** The first error a listener threw: it stops every wait, and `wait()` rejects with it. */
  #listenerError: { readonly error: unknown } | undefined;

  constructor(client: LightsailClientLike, operations: OperationsInput, options: WaitManyOptions = {}) {
    super();
    assertClient(client);
    const refs = toOperationRefs(operations);
    const resolved = resolveWaitOptions(options);
    const { maxRequestsPerSecond, failFast = false } = options;
    if (typeof failFast !== 'boolean') throw new TypeError(`Expected \`failFast\` to be a boolean, got ${describeValue(failFast)}`);
    this.poller = choosePoller(client, resolved.clock, resolved.poller, maxRequestsPerSecond);
    this.operationIds = refs.map((r) => r.id);
    this.#signal = resolved.signal;
    this.#failFast = failFast;
    this.#timeoutMs = resolved.timeoutMs;
    for (const [id, ref] of uniqueRefs(refs)) {
      const controller = new AbortController();
      // Options resolved once here; each operation gets its own signal and the shared poller.
      const waiter = new OperationWaiter(client, ref.operation ?? id, { ...resolved, signal: controller.signal, poller: this.poller });
      waiter.on('status', (e) => this.#safely(() => this.emit('status', e)));
      waiter.on('poll', (e) => this.#safely(() => this.emit('poll', e)));
      waiter.on('retry', (e) => this.#safely(() => this.emit('retry', e)));
      this.#waiters.set(id, waiter);
      this.#controllers.set(id, controller);
    }
  }

  /** The current counts over the distinct operations. */
  get progress(): ProgressEvent {
    const total = this.#waiters.size;
    const settled = this.#results.size;
    const succeeded = this.#succeeded;
    return Object.freeze({ total, succeeded, failed: settled - succeeded, pending: total - settled });
  }

  /** The last observed state of an operation, by id. */
  operation(operationId: string): Operation | undefined {
    return this.#waiters.get(operationId)?.operation;
  }

  /**
   * Starts waiting (once: later calls return the same promise). Resolves with the final operations
   * in input order when all succeed; otherwise rejects with an {@link OperationsFailedError} whose
   * `results` say what happened to each input, once every operation has settled.
   */
  wait(): Promise<Operation[]> {
    this.#promise ??= this.#run();
    return this.#promise;
  }

  async #run(): Promise<Operation[]> {
    const signal = this.#signal;
    if (signal?.aborted) this.#abortAll(signal.reason);
    const unsubscribe = signal === undefined || signal.aborted ? () => {} : onAbort(signal, () => this.#abortAll(signal.reason));
    try {
      await Promise.all([...this.#waiters].map(([id, waiter]) => this.#settle(id, waiter)));
    } finally {
      unsubscribe();
    }
    if (this.#listenerError !== undefined) throw this.#listenerError.error;
    const results = this.operationIds.map((id) => this.#results.get(id) as OperationResult);
    if (results.every((r) => r.outcome === 'succeeded')) return results.map((r) => r.operation as Operation);
    if (results.every((r) => r.outcome === 'succeeded' || r.outcome === 'timeout'))
      throw new OperationsTimeoutError(results, this.#timeoutMs);
    throw new OperationsFailedError(results);
  }

  async #settle(id: string, waiter: OperationWaiter): Promise<void> {
    let result: OperationResult;
    try {
      const operation = await waiter.wait();
      result = Object.freeze({ operationId: id, outcome: 'succeeded', operation, error: undefined });
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      result = Object.freeze({ operationId: id, outcome: outcomeOfError(e), operation: waiter.operation, error: e });
    }
    this.#results.set(id, result);
    if (result.outcome === 'succeeded') this.#succeeded += 1;
    this.#controllers.delete(id);
    this.#safely(() => {
      this.emit('settled', result);
      this.emit('progress', this.progress);
    });
    if (this.#failFast && result.outcome !== 'succeeded') this.#abortAll(FAIL_FAST);
  }

  /**
   * Runs a listener call; when a listener throws, keeps its error for `wait()` to reject with and
   * stops every other wait, so nothing keeps polling behind a rejected promise.
   */
  #safely(emit: () => void): void {
    try {
      emit();
    } catch (error) {
      if (this.#listenerError === undefined) this.#listenerError = { error };
      this.#abortAll(error);
    }
  }

  #abortAll(reason: unknown): void {
    for (const controller of this.#controllers.values()) controller.abort(reason);
  }
}

/**
 * Waits until every given Lightsail operation has finished, polling each distinct id once, through
 * one rate-capped poller. Accepts ids, `Operation` objects, or a Lightsail response as is.
 *
 * @example
 * ```ts
 * const created = await client.send(new CreateInstancesCommand({ ... }));
 * const operations = await waitForOperations(client, created);
 * ```
 */
export async function waitForOperations(
  client: LightsailClientLike,
  operations: OperationsInput,
  options?: WaitManyOptions,
): Promise<Operation[]> {
  return new OperationsWaiter(client, operations, options).wait();
}
