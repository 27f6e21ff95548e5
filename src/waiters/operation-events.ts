import type { OperationStatus } from '@aws-sdk/client-lightsail';
import type {
  WaiterFailedEvent,
  WaiterPollEvent,
  WaiterRetryEvent,
  WaiterStatusEvent,
  WaiterSucceededEvent,
} from '../engine/waiter-events.js';
import type { LightsailWaiterError } from '../errors/base.js';
import type { Operation } from '../types.js';

/** A Lightsail operation status: one of the SDK's, or a string Lightsail added since. */
export type OperationStatusName = OperationStatus | (string & {});

/** Payload of `status`: the observed status differs from the last one (first observation included). */
export interface StatusEvent extends WaiterStatusEvent<Operation> {
  /** The id of the operation whose status changed. */
  readonly operationId: string;
  /** The status observed before, `undefined` on the first observation. */
  readonly previous: OperationStatusName | undefined;
  /** The status observed now. */
  readonly current: OperationStatusName | undefined;
  /** The operation as observed now: the one given to the waiter, or a `GetOperation` response. */
  readonly operation: Operation;
}

/** Payload of `poll`: a `GetOperation` response arrived. */
export interface PollEvent extends WaiterPollEvent<Operation> {
  /** The id of the operation polled. */
  readonly operationId: string;
  /** How many `GetOperation` responses this wait has received, this one included. */
  readonly attempt: number;
  /** The operation in the response, emitted before its status is acted on. */
  readonly operation: Operation;
}

/** Payload of `retry`: a transient `GetOperation` failure will be retried. */
export interface RetryEvent extends WaiterRetryEvent {
  /** The id of the operation whose request failed. */
  readonly operationId: string;
  /** The SDK or network error that failed the request. */
  readonly error: unknown;
  /** The failed request's attempt number within this poll, from 1. */
  readonly attempt: number;
  /** The delay before the retry, in milliseconds. */
  readonly delayMs: number;
}

/** Payload of `succeeded`: the operation ended `Succeeded` or `Completed`. */
export interface SucceededEvent extends WaiterSucceededEvent<Operation> {
  /** The id of the operation that succeeded. */
  readonly operationId: string;
  /** The final operation, the one the wait resolves with. */
  readonly operation: Operation;
  /** `GetOperation` responses received (0 when the operation was already terminal). */
  readonly attempts: number;
  /** Milliseconds from the start of the wait. */
  readonly elapsedMs: number;
}

/** Payload of `failed`: the wait rejected, for whatever reason (`error` says which). */
export interface FailedEvent extends WaiterFailedEvent<Operation> {
  /** The id of the operation whose wait failed. */
  readonly operationId: string;
  /** The error the wait rejects with. */
  readonly error: LightsailWaiterError | Error;
  /** The last observed operation, if any. */
  readonly operation: Operation | undefined;
  /** `GetOperation` responses received before the wait gave up. */
  readonly attempts: number;
  /** Milliseconds from the start of the wait. */
  readonly elapsedMs: number;
}

/** The events of an {@link OperationWaiter}, for eventemitter3's typed `on`/`emit`. */
export interface OperationWaiterEvents {
  /** Fires on the first observation and whenever the status differs from the last one seen. */
  status: [event: StatusEvent];
  /** Fires after each `GetOperation` response, before any `status` it causes. */
  poll: [event: PollEvent];
  /** Fires when a transient `GetOperation` failure is about to be retried, before the retry delay. */
  retry: [event: RetryEvent];
  /** Fires once, just before `wait()` resolves. */
  succeeded: [event: SucceededEvent];
  /** Fires once, just before `wait()` rejects, whatever the reason. */
  failed: [event: FailedEvent];
}
