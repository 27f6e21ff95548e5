import type { LightsailWaiterError } from '../errors/base.js';

/** Payload of `status`: the watched state (or its detail) differs from the last one seen, first observation included. */
export interface WaiterStatusEvent<TOutput> {
  /** The waiter's name: `'instance-running'`, `'operation'`. */
  readonly waiter: string;
  /** What is waited on: the resource name, or the operation id. */
  readonly target: string;
  /** The state seen before, `undefined` on the first observation. */
  readonly previous: string | undefined;
  /** The state seen now: `'running'`, `'Succeeded'`, `'PENDING_VALIDATION'`. */
  readonly current: string | undefined;
  /** More about the state now, where the waiter tells it: `'example.com: PENDING_VALIDATION'`. */
  readonly detail: string | undefined;
  /** The probe's output as observed now. */
  readonly output: TOutput;
}

/** Payload of `poll`: a probe answered. */
export interface WaiterPollEvent<TOutput> {
  /** The waiter's name. */
  readonly waiter: string;
  /** What is waited on. */
  readonly target: string;
  /** How many probe answers this wait has received, this one included. */
  readonly attempt: number;
  /** The output, emitted before the acceptors judge it. */
  readonly output: TOutput;
}

/** Payload of `retry`: a transient request failure will be retried. */
export interface WaiterRetryEvent {
  /** The waiter's name. */
  readonly waiter: string;
  /** What is waited on. */
  readonly target: string;
  /** The SDK or network error that failed the request. */
  readonly error: unknown;
  /** The failed request's attempt number within this poll, from 1. */
  readonly attempt: number;
  /** The delay before the retry, in milliseconds. */
  readonly delayMs: number;
}

/** Payload of `succeeded`. */
export interface WaiterSucceededEvent<TOutput> {
  /** The waiter's name. */
  readonly waiter: string;
  /** What is waited on. */
  readonly target: string;
  /** What the wait resolves with (for a `*-deleted` waiter, the last output seen, if any). */
  readonly output: TOutput | undefined;
  /** Probe answers received (0 when the given object was already final). */
  readonly attempts: number;
  /** Milliseconds from the start of the wait. */
  readonly elapsedMs: number;
  /** The error an error acceptor turned into success (a `*-deleted` waiter's not-found), if that is how it ended. */
  readonly error?: unknown;
}

/** Payload of `failed`: the wait rejected, for whatever reason (`error` says which). */
export interface WaiterFailedEvent<TOutput> {
  /** The waiter's name. */
  readonly waiter: string;
  /** What is waited on. */
  readonly target: string;
  /** The error the wait rejects with. */
  readonly error: LightsailWaiterError | Error;
  /** The last output seen, if any. */
  readonly output: TOutput | undefined;
  /** Probe answers received before the wait gave up. */
  readonly attempts: number;
  /** Milliseconds from the start of the wait. */
  readonly elapsedMs: number;
}

/** The events of a {@link Waiter}, for eventemitter3's typed `on`/`emit`. */
export interface WaiterEvents<TOutput> {
  /** Fires on the first observation and whenever the state or its detail changes. */
  status: [event: WaiterStatusEvent<TOutput>];
  /** Fires after each probe answer, before any `status` it causes. */
  poll: [event: WaiterPollEvent<TOutput>];
  /** Fires when a transient request failure is about to be retried, before the retry delay. */
  retry: [event: WaiterRetryEvent];
  /** Fires once, just before `wait()` resolves; never with `failed` (a listener of it that throws rejects `wait()` with its error). */
  succeeded: [event: WaiterSucceededEvent<TOutput>];
  /** Fires once, just before `wait()` rejects, whatever the reason; never after `succeeded`. */
  failed: [event: WaiterFailedEvent<TOutput>];
}
