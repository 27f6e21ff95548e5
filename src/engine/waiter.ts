import { EventEmitter } from 'eventemitter3';
import { WaiterAbortError } from '../errors/abort.js';
import { isLightsailWaiterError } from '../errors/base.js';
import { ResourceRequestError } from '../errors/resource.js';
import { ResourceFailedError } from '../errors/resource-failed.js';
import { WaiterTimeoutError } from '../errors/timeout.js';
import { acceptError, acceptOutput, type Verdict } from '../policy/acceptors.js';
import { finalPollMarginMs } from '../policy/backoff.js';
import type { Operation } from '../types.js';
import { assertClient } from './client-input.js';
import { choosePoller } from './default-poller.js';
import { pollDelay } from './poll-delay.js';
import type { Poller } from './poller.js';
import { actionOfFailure } from './request-action.js';
import { sendWithRetries } from './send-with-retries.js';
import { type ResolvedWaitOptions, resolveWaitOptions, type WaitOptions } from './wait-options.js';
import { WaitScope } from './wait-scope.js';
import type { WaiterDefinition } from './waiter-definition.js';
import type { WaiterEvents } from './waiter-events.js';

/** A probe answer, or the verdict an error acceptor gave on its error. */
type Observation<TOutput> = { readonly output: TOutput } | { readonly error: unknown; readonly verdict: Verdict };

type Emit = (event: string, payload: object) => void;

/**
 * Runs one waiter definition: polls its probe on the waiter's schedule through the shared
 * rate-capped poller until an acceptor says success or failure, the deadline passes, or the
 * signal aborts; reports progress as typed events (`status`, `poll`, `retry`, `succeeded`, `failed`).
 *
 * Arguments are checked in the constructor, before any request. Nothing happens until
 * {@link Waiter.wait} is called. Every timer and listener is released on every path.
 *
 * @example
 * ```ts
 * const waiter = new Waiter(client, instanceRunning, { instanceName: 'web-1' }, { timeoutMs: 600_000 });
 * waiter.on('status', (e) => console.log(`${e.target}: ${e.previous ?? '…'} → ${e.current}`));
 * const { instance } = await waiter.wait();
 * ```
 */
export class Waiter<TClient, TInput, TOutput, TEvents extends WaiterEvents<TOutput> = WaiterEvents<TOutput>> extends EventEmitter<TEvents> {
  /** The definition this waiter runs. */
  readonly definition: WaiterDefinition<TClient, TInput, TOutput>;
  /** The checked input. */
  readonly input: TInput;
  /** What is waited on: the resource name or the operation id. */
  readonly target: string;
  /** The last probe output (or the object given, for operations). */
  output: TOutput | undefined;
  /** How many probe answers have been received. */
  attempts = 0;
  /** @internal The options, checked and with their defaults, for the library's own subclasses. */
  protected readonly options: ResolvedWaitOptions;
  /** What is waited on, in words, as messages name it: `'Lightsail instance web-1'`. */
  protected readonly subject: string;
  readonly #client: TClient;
  readonly #poller: Poller;
  #promise: Promise<TOutput> | undefined;
  #startedAt = 0;
  /** The running wait's lifetime, for {@link Waiter.sendMore}. */
  #scope: WaitScope | undefined;
  #lastState: string | undefined;
  #lastDetail: string | undefined;
  #lastError: unknown;
  /** `clock.now()` of the first of the requests in a row that failed, if the last one did. */
  #failingSince: number | undefined;
  #seen = false;
  /** `succeeded` or `failed` has been emitted: a wait ends once. */
  #ended = false;

  constructor(client: TClient, definition: WaiterDefinition<TClient, TInput, TOutput>, input: unknown, options?: WaitOptions) {
    super();
    assertClient(client);
    this.definition = definition;
    this.input = definition.input(input);
    this.options = resolveWaitOptions(options, definition.backoff);
    this.#client = client;
    this.#poller = choosePoller(client, this.options.clock, this.options.poller, undefined);
    this.target = definition.target(this.input);
    this.subject = definition.describe(this.input);
  }

  /** The last watched state seen, if any. */
  get state(): string | undefined {
    return this.output === undefined ? undefined : this.definition.state(this.output);
  }

  /**
   * Starts waiting (once: later calls return the same promise). Resolves with the last output when
   * an acceptor says success; rejects with a typed error otherwise.
   */
  wait(): Promise<TOutput> {
    this.#promise ??= this.#run();
    return this.#promise;
  }

  /**
   * @internal Polls now rather than at the end of the rest under way (a listing of many operations
   * has shown this one finished); does nothing while a poll is under way or the wait is not running.
   */
  wake(): void {
    this.#scope?.wake();
  }

  /** Extra fields for every event payload; the operation waiter adds `operationId` and `operation`. */
  protected eventFields(_output: TOutput | undefined): object {
    return {};
  }

  /** The error a failure verdict rejects with. */
  protected failureError(output: TOutput | undefined, reason: string): Error {
    return new ResourceFailedError({
      waiter: this.definition.name,
      resourceName: this.definition.resourceName?.(this.input) ?? this.target,
      subject: this.subject,
      state: output === undefined ? undefined : this.definition.state(output),
      reason,
      output,
    });
  }

  /** The error a request that waiting will not fix rejects with. */
  protected requestError(error: unknown, retriesExhausted: boolean): Error {
    const { name } = this.definition;
    const action = actionOfFailure(error) ?? this.definition.action;
    return new ResourceRequestError(this.definition.resourceName?.(this.input) ?? this.target, error, retriesExhausted, {
      waiter: name,
      output: this.output,
      ...(action === undefined ? {} : { action }),
    });
  }

  /** The error a timeout rejects with. */
  protected timeoutError(): WaiterTimeoutError {
    return new WaiterTimeoutError(
      this.operationIdForErrors(),
      this.options.timeoutMs,
      this.operationForErrors(),
      this.attempts,
      this.subject,
      {
        ...this.#context(),
        lastError: this.#lastError,
        ...(this.#failingSince === undefined ? {} : { failingForMs: this.options.clock.now() - this.#failingSince }),
      },
    );
  }

  /**
   * @internal The error this wait would time out with now, for a caller that ends many waits at
   * one deadline (`OperationsWaiter`) rather than leaving each to its own timer.
   */
  timeoutErrorNow(): WaiterTimeoutError {
    return this.timeoutError();
  }

  /**
   * @internal The error this wait would be aborted with now, for a caller that ends many waits at
   * one abort (`OperationsWaiter`) rather than leaving each to its own listener.
   */
  abortErrorNow(reason: unknown): WaiterAbortError {
    return this.abortError(reason);
  }

  /** The error an abort rejects with. */
  protected abortError(reason: unknown): WaiterAbortError {
    return new WaiterAbortError(this.operationIdForErrors(), reason, this.operationForErrors(), this.subject, this.#context());
  }

  /** The operation id the timeout and abort errors carry; none for resources. */
  protected operationIdForErrors(): string | undefined {
    return undefined;
  }

  /** The operation the timeout and abort errors carry; none for resources. */
  protected operationForErrors(): Operation | undefined {
    return undefined;
  }

  #context() {
    return { waiter: this.definition.name, target: this.target, state: this.state, output: this.output };
  }

  #emit(event: keyof WaiterEvents<TOutput>, payload: object): void {
    (this.emit as unknown as Emit)(event, Object.freeze({ waiter: this.definition.name, target: this.target, ...payload }));
  }

  async #run(): Promise<TOutput> {
    // Let a caller who called wait() before on() still see the first events.
    await Promise.resolve();
    const { clock, signal, timeoutMs } = this.options;
    this.#startedAt = clock.now();
    try {
      if (signal?.aborted) throw this.abortError(signal.reason);
      const given = this.output;
      if (given !== undefined) {
        this.output = undefined;
        const verdict = this.#observe(given);
        if (verdict.state !== 'retry') return this.#settle(verdict, given);
      }
      const scope = new WaitScope(clock, timeoutMs, signal);
      this.#scope = scope;
      try {
        return await this.#poll(scope);
      } catch (error) {
        throw this.#explain(error, scope);
      } finally {
        this.#scope = undefined;
        scope.dispose();
      }
    } catch (error) {
      return this.#fail(error);
    }
  }

  async #poll(scope: WaitScope): Promise<TOutput> {
    const margin = finalPollMarginMs(this.options.timeoutMs);
    // Handed an object, the waiter has seen it once already: the strategy may wait before the first poll.
    if (this.output !== undefined) {
      const delayMs = this.#delayBefore(scope, 0, margin);
      if (delayMs > 0) await scope.rest(delayMs);
    }
    // Looks taken: answers and errors an acceptor matched alike, so that the schedule moves on
    // while an error says to keep waiting (`attempts` counts answers only).
    let looks = 0;
    for (;;) {
      const observation = await this.#probe(scope);
      looks += 1;
      this.#lastError = undefined;
      this.#failingSince = undefined;
      if ('error' in observation) {
        if (observation.verdict.state !== 'retry') return this.#settleAfterPoll(observation.verdict, this.output, scope, observation.error);
      } else {
        this.attempts += 1;
        this.#emit('poll', { attempt: this.attempts, output: observation.output, ...this.eventFields(observation.output) });
        const verdict = this.#observe(observation.output);
        if (verdict.state !== 'retry') return this.#settleAfterPoll(verdict, observation.output, scope);
      }
      await scope.rest(this.#delayBefore(scope, looks, margin));
    }
  }

  /** One probe with retries; an error an error acceptor matches becomes an observation. */
  #probe(scope: WaitScope): Promise<Observation<TOutput>> {
    const { definition } = this;
    const previous = this.output;
    return sendWithRetries<Observation<TOutput>>({
      call: async (signal, { nextTurn, untimed }) => {
        try {
          return {
            output: await definition.probe(this.#client, this.input, { signal, previous, clock: this.options.clock, nextTurn, untimed }),
          };
        } catch (error) {
          const verdict = scope.signal.aborted ? undefined : acceptError(definition.acceptors, error);
          if (verdict === undefined) throw error;
          return { error, verdict };
        }
      },
      options: this.options,
      scope,
      poller: this.#poller,
      startedAt: this.#startedAt,
      onRetry: (info) => {
        // The failure as the retry sees it (a request timeout, not the abort that ended it); a
        // request cut short by the deadline or an abort is not retried, and says nothing of the endpoint.
        this.#lastError = info.error;
        this.#failingSince ??= this.options.clock.now();
        this.#emit('retry', { ...info, ...this.eventFields(this.output) });
      },
      retryNotFound: () => this.options.clock.now() - this.#startedAt < this.options.notFoundGraceMs,
      giveUp: (error, exhausted) => this.requestError(error, exhausted),
    });
  }

  /** The strategy's delay before the next poll, fitted to the deadline; throws when no poll fits. */
  #delayBefore(scope: WaitScope, attempt: number, margin: number): number {
    const output = this.output as unknown;
    const delayMs = pollDelay({
      options: this.options,
      attempt,
      elapsedMs: this.options.clock.now() - this.#startedAt,
      output,
      operation: this.operationForErrors() ?? (isOperation(output) ? output : undefined),
      waiter: this.definition.name,
      typicalDurationMs: this.definition.typicalDurationMs,
      remainingMs: scope.remaining(),
      marginMs: margin,
    });
    if (delayMs === undefined) throw this.timeoutError();
    return delayMs;
  }

  /** Records an observation, emits `status` when the state or its detail moved, and judges it. */
  #observe(output: TOutput): Verdict {
    const first = !this.#seen;
    this.#seen = true;
    const { definition } = this;
    this.output = output;
    const current = definition.state(output);
    const detail = definition.detail?.(output);
    if (first || current !== this.#lastState || detail !== this.#lastDetail) {
      const previous = this.#lastState;
      this.#lastState = current;
      this.#lastDetail = detail;
      this.#emit('status', { previous, current, detail, output, ...this.eventFields(output) });
    }
    return acceptOutput(definition.acceptors, output, this.input);
  }

  /** Resolves on success, throws on failure. */
  /** {@link Waiter.#settle} for a verdict reached by polling: a failure may first be explained further. */
  async #settleAfterPoll(verdict: Verdict, output: TOutput | undefined, scope: WaitScope, error?: unknown): Promise<TOutput> {
    if (verdict.state !== 'failure') return this.#settle(verdict, output, error);
    throw await this.explainFailure(this.#failure(verdict.reason, output, error), output, scope.signal);
  }

  #failure(reason: string, output: TOutput | undefined, error: unknown): Error {
    const failure = this.failureError(output, reason);
    if (error !== undefined && failure.cause === undefined) {
      Object.defineProperty(failure, 'cause', { value: error, configurable: true, writable: true });
    }
    return failure;
  }

  /**
   * Adds what more requests can tell about a failure before the wait rejects (a failed container
   * deployment's logs). Must resolve, never reject: whatever it cannot learn, the failure stands
   * as it is. `signal` aborts at the deadline. @returns `failure` itself by default
   */
  protected async explainFailure(failure: Error, _output: TOutput | undefined, _signal: AbortSignal): Promise<Error> {
    return failure;
  }

  /**
   * One more request of this wait (what {@link Waiter.explainFailure} reads), sent as the probes
   * are: it waits its turn at the poller, and transient failures are retried (each a `retry`
   * event) until `signal` aborts or the wait's deadline passes. Rejects with the last error, or
   * `signal`'s reason. Only while the wait runs.
   */
  protected sendMore<T>(call: (signal: AbortSignal) => Promise<T>, signal: AbortSignal): Promise<T> {
    const wait = this.#scope;
    if (wait === undefined) return Promise.reject(new Error('sendMore() is only for a wait that is running'));
    const scope = {
      signal,
      remaining: () => wait.remaining(),
      throwIfStopped: () => {
        wait.throwIfStopped();
        signal.throwIfAborted();
      },
    };
    return sendWithRetries({
      call,
      options: this.options,
      scope,
      poller: this.#poller,
      startedAt: this.#startedAt,
      onRetry: (info) => this.#emit('retry', { ...info, ...this.eventFields(this.output) }),
      retryNotFound: () => false,
      giveUp: (error) => (error instanceof Error ? error : new Error(String(error))),
    });
  }

  #settle(verdict: Verdict, output: TOutput | undefined, error?: unknown): TOutput {
    if (verdict.state === 'failure') throw this.#failure(verdict.reason, output, error);
    // One ending: a `succeeded` listener that throws rejects the wait, with no `failed` after it.
    this.#ended = true;
    this.#emit('succeeded', {
      output,
      attempts: this.attempts,
      elapsedMs: this.#elapsed(),
      ...(error === undefined ? {} : { error }),
      ...this.eventFields(output),
    });
    return output as TOutput;
  }

  #explain(error: unknown, scope: WaitScope): unknown {
    if (isLightsailWaiterError(error) && (error as Error).name !== 'TimeoutError' && (error as Error).name !== 'AbortError') return error;
    if (scope.stopReason === 'timeout') return this.timeoutError();
    if (scope.stopReason === 'aborted') return this.abortError(scope.abortReason);
    return error;
  }

  #fail(error: unknown): never {
    if (this.#ended) throw error;
    this.#ended = true;
    const reported = error instanceof Error ? error : new Error(String(error));
    this.#emit('failed', {
      error: reported,
      output: this.output,
      attempts: this.attempts,
      elapsedMs: this.#elapsed(),
      ...this.eventFields(this.output),
    });
    throw error;
  }

  #elapsed(): number {
    return this.options.clock.now() - this.#startedAt;
  }
}

function isOperation(value: unknown): value is Operation {
  return typeof value === 'object' && value !== null && 'status' in value && 'id' in value;
}
