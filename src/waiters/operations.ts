import { EventEmitter } from 'eventemitter3';
import { onAbort } from '../engine/abort-fanout.js';
import { assertClient } from '../engine/client-input.js';
import { CANCELLED, type Clock } from '../engine/clock.js';
import { choosePoller } from '../engine/default-poller.js';
import type { Poller } from '../engine/poller.js';
import { UnpacedPoller } from '../engine/unpaced-poller.js';
import { assertNumber, describeValue } from '../engine/validate.js';
import { type ResolvedWaitOptions, resolveWaitOptions, type WaitOptions } from '../engine/wait-options.js';
import { OperationsAbortError } from '../errors/operations-abort.js';
import { OperationsFailedError } from '../errors/operations-failed.js';
import { OperationsTimeoutError } from '../errors/operations-timeout.js';
import { FAIL_FAST, type OperationResult, outcomeOfError, succeededResult } from '../policy/result-outcome.js';
import type { LightsailClientLike, Operation } from '../types.js';
import { OperationWaiter } from './operation.js';
import { operationDefinitionReadBy } from './operation-definition.js';
import type { PollEvent, RetryEvent, StatusEvent } from './operation-events.js';
import { listEveryMs, OperationSweep, SWEEP_MIN_PENDING } from './operation-sweep.js';
import { type OperationsInput, toOperationRefs, uniqueRefs } from './operations-input.js';

/** Why the waits still running at the whole wait's deadline are stopped (nobody sees it: the wait has settled). */
const EXPIRED: unknown = Object.freeze({ reason: 'lightsail-waiter: the wait timed out' });

/** How many waits start in one event-loop turn: each costs tens of microseconds to start. */
const START_BATCH = 256;

/** Resolves in the next event-loop turn (`setImmediate` in Node; `setTimeout` in a browser). */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
}

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
  /**
   * Read the states of pending operations together with `GetOperations` (up to 200 in one request,
   * newest first) while at least 5 are pending, rather than one `GetOperation` each: a look at
   * 1,000 operations just created costs about 5 requests instead of 1,000. They are listed every
   * five `minDelayMs` (5 s by default; `maxDelayMs` if shorter), and a wait whose operation a
   * listing shows finished ends then, not at its next turn; each operation keeps its own schedule
   * too, and one that no page lists is read with `GetOperation`. Needs the
   * `lightsail:GetOperations` permission: when Lightsail refuses the call, or answers what cannot
   * be read, the wait goes on with `GetOperation` alone. @default true
   */
  readonly useGetOperations?: boolean;
}

/** The {@link WaitManyOptions} keys beyond {@link WaitOptions}. */
const MANY_KEYS: readonly string[] = ['maxRequestsPerSecond', 'failFast', 'useGetOperations'];

/**
 * Checks {@link WaitManyOptions} and fills in the defaults of its {@link WaitOptions} fields, for
 * every entry point that takes them, so that each refuses a bad one before any request.
 */
export function resolveWaitManyOptions(options: WaitManyOptions): ResolvedWaitOptions {
  const resolved = resolveWaitOptions(options, undefined, MANY_KEYS);
  for (const key of ['failFast', 'useGetOperations'] as const) {
    const value = options[key];
    if (value !== undefined && typeof value !== 'boolean')
      throw new TypeError(`Expected \`${key}\` to be a boolean, got ${describeValue(value)}`);
  }
  const { maxRequestsPerSecond } = options;
  if (maxRequestsPerSecond !== undefined && maxRequestsPerSecond !== Number.POSITIVE_INFINITY) {
    assertNumber('maxRequestsPerSecond', maxRequestsPerSecond, 0, true);
  }
  if (maxRequestsPerSecond !== undefined && resolved.poller !== undefined) {
    throw new TypeError('Pass either `maxRequestsPerSecond` or `poller`, not both: a shared poller has its own cap');
  }
  return resolved;
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
  /** Stops every wait at once: the caller's abort, `failFast`, a listener's error or the deadline. */
  readonly #stop = new AbortController();
  readonly #results = new Map<string, OperationResult>();
  readonly #signal: AbortSignal | undefined;
  readonly #failFast: boolean;
  readonly #timeoutMs: number;
  readonly #clock: Clock;
  /** Reads the operations together with `GetOperations`, when in use. */
  #sweep: OperationSweep | undefined;
  #succeeded = 0;
  /** Set when the whole wait's deadline passed, or the caller aborted it. */
  #ended = false;
  #promise: Promise<Operation[]> | undefined;
  /** The first error a listener threw: it stops every wait, and `wait()` rejects with it. */
  #listenerError: { readonly error: unknown } | undefined;

  constructor(client: LightsailClientLike, operations: OperationsInput, options: WaitManyOptions = {}) {
    super();
    assertClient(client);
    const refs = toOperationRefs(operations);
    const resolved = resolveWaitManyOptions(options);
    const { maxRequestsPerSecond, failFast = false, useGetOperations = true } = options;
    this.poller = choosePoller(client, resolved.clock, resolved.poller, maxRequestsPerSecond);
    this.operationIds = refs.map((r) => r.id);
    this.#signal = resolved.signal;
    this.#failFast = failFast;
    this.#timeoutMs = resolved.timeoutMs;
    this.#clock = resolved.clock;
    const unique = uniqueRefs(refs);
    let definition: ConstructorParameters<typeof OperationWaiter>[3];
    let poller = this.poller;
    if (useGetOperations && unique.size >= SWEEP_MIN_PENDING) {
      const sweep = new OperationSweep(client, unique.keys(), {
        poller: this.poller,
        clock: resolved.clock,
        requestTimeoutMs: resolved.requestTimeoutMs,
        everyMs: listEveryMs(resolved.minDelayMs, resolved.maxDelayMs),
        signal: this.#stop.signal,
        // A listing shows an operation finished: its wait reads it now, not at its next turn.
        onFinished: (id) => this.#waiters.get(id)?.wake(),
      });
      this.#sweep = sweep;
      definition = operationDefinitionReadBy((id, context) => sweep.read(id, context));
      // The sweep takes every turn at the shared poller itself.
      poller = new UnpacedPoller({ clock: resolved.clock });
    }
    for (const [id, ref] of unique) {
      // Options resolved once here; every operation gets the one stop signal and the shared poller.
      const waiter = new OperationWaiter(client, ref.operation ?? id, { ...resolved, signal: this.#stop.signal, poller }, definition);
      waiter.on('status', (e) => this.#safely(() => this.emit('status', e)));
      waiter.on('poll', (e) => this.#safely(() => this.emit('poll', e)));
      waiter.on('retry', (e) => this.#safely(() => this.emit('retry', e)));
      this.#waiters.set(id, waiter);
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
   * `results` say what happened to each input, once every operation has settled: an
   * `OperationsTimeoutError` (named `TimeoutError`) when the only others timed out, an
   * `OperationsAbortError` (named `AbortError`) when the caller's signal aborted the others.
   */
  wait(): Promise<Operation[]> {
    this.#promise ??= this.#run();
    return this.#promise;
  }

  async #run(): Promise<Operation[]> {
    const signal = this.#signal;
    if (signal?.aborted) this.#abortAll(signal.reason);
    // One deadline for the whole wait, ahead of every operation's own, and one answer to the
    // caller's abort: either settles every unfinished operation in one pass (timed out, or
    // aborted) and the wait rejects at once (see #endAll for when the waits are stopped). Left to
    // the operations' own deadlines and listeners, thousands of timers, aborts and rejections would
    // each run before the wait settled, and it would settle seconds late (10,000 operations with a
    // 1 s timeout: at 2.3 s; `npm run bench`, part 4, measures both).
    let abortNow = (): void => {};
    const aborted = new Promise<void>((resolve) => {
      abortNow = resolve;
    });
    const unsubscribe =
      signal === undefined || signal.aborted
        ? () => {}
        : onAbort(signal, () => {
            // The outcome first (its continuation queued ahead of the waits' own rejections), then
            // the waits stopped.
            abortNow();
            this.#endAll('aborted', signal.reason);
          });
    const deadline = new AbortController();
    const expired = this.#clock.sleep(this.#timeoutMs, deadline.signal).then(
      () => this.#endAll('timeout', EXPIRED),
      () => {},
    );
    try {
      await Promise.race([this.#startAll(), expired, aborted]);
    } finally {
      deadline.abort(CANCELLED);
      unsubscribe();
    }
    if (this.#listenerError !== undefined) throw this.#listenerError.error;
    const results = this.operationIds.map((id) => this.#results.get(id) as OperationResult);
    if (results.every((r) => r.outcome === 'succeeded')) return results.map((r) => r.operation as Operation);
    if (results.every((r) => r.outcome === 'succeeded' || r.outcome === 'timeout'))
      throw new OperationsTimeoutError(results, this.#timeoutMs);
    if (signal?.aborted && results.every((r) => r.outcome === 'succeeded' || r.outcome === 'aborted'))
      throw new OperationsAbortError(results, signal.reason);
    throw new OperationsFailedError(results);
  }

  /**
   * Starts every operation's wait, a batch each event-loop turn (so that the deadline timer, and
   * anything else due, runs between batches), and resolves once all have settled.
   */
  async #startAll(): Promise<void> {
    const settling: Promise<void>[] = [];
    for (const [id, waiter] of this.#waiters) {
      if (settling.length > 0 && settling.length % START_BATCH === 0) {
        await nextTurn();
        if (this.#ended) break;
      }
      settling.push(this.#settle(id, waiter));
    }
    await Promise.all(settling);
  }

  /**
   * The deadline passed, or the caller aborted: records every unsettled operation as timed out (or
   * aborted), with the error its own wait would have thrown, and stops their waits: after a
   * timeout in the next macrotask, once whoever awaits `wait()` has had the outcome; after an abort
   * at once, so that no request follows it.
   */
  #endAll(outcome: 'timeout' | 'aborted', reason: unknown): void {
    this.#ended = true;
    // Errors made here would all carry the same stack (this timer's), and capturing it is most of
    // what an error costs: thousands at once, it would delay the outcome by as many stack walks.
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      for (const [id, waiter] of this.#waiters) {
        if (this.#results.has(id)) continue;
        const error = outcome === 'timeout' ? waiter.timeoutErrorNow() : waiter.abortErrorNow(reason);
        this.#record(Object.freeze({ operationId: id, outcome, operation: waiter.operation, error }));
      }
      // An abort promises no request after it: the waits are stopped now, not a macrotask later (a
      // timer due in between would send one). Their errors are not seen: built without stacks too.
      if (outcome === 'aborted') this.#abortAll(reason);
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
    if (outcome === 'timeout') setTimeout(() => this.#abortAll(reason), 0);
  }

  async #settle(id: string, waiter: OperationWaiter): Promise<void> {
    let result: OperationResult;
    try {
      const operation = await waiter.wait();
      result = succeededResult(id, operation);
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      result = Object.freeze({ operationId: id, outcome: outcomeOfError(e), operation: waiter.operation, error: e });
    }
    // Settled already when the whole wait's deadline passed first, or the caller aborted.
    if (!this.#results.has(id)) this.#record(result);
  }

  #record(result: OperationResult): void {
    const id = result.operationId;
    this.#results.set(id, result);
    this.#sweep?.settled(id);
    if (result.outcome === 'succeeded') this.#succeeded += 1;
    this.#safely(() => {
      this.emit('settled', result);
      // Counted only for someone listening: at a deadline this runs once per unfinished operation.
      if (this.listenerCount('progress') > 0) this.emit('progress', this.progress);
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
    if (!this.#stop.signal.aborted) this.#stop.abort(reason);
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
