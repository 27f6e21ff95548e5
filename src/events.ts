import type { OperationStatus } from '@aws-sdk/client-lightsail';
import type { LightsailWaiterError } from './errors/base.js';
import type { Operation } from './types.js';

/** A Lightsail operation status: one of the SDK's, or a string Lightsail added since. */
export type OperationStatusName = OperationStatus | (string & {});

/** Payload of `status`: the observed status differs from the last one (first observation included). */
export interface StatusEvent {
  readonly operationId: string;
  /** The status observed before, `undefined` on the first observation. */
  readonly previous: OperationStatusName | undefined;
  /** The status observed now. */
  readonly current: OperationStatusName | undefined;
  readonly operation: Operation;
}

/** Payload of `poll`: a `GetOperation` response arrived. */
export interface PollEvent {
  readonly operationId: string;
  /** How many `GetOperation` responses this wait has received, this one included. */
  readonly attempt: number;
  readonly operation: Operation;
}

/** Payload of `retry`: a transient `GetOperation` failure will be retried. */
export interface RetryEvent {
  readonly operationId: string;
  /** The SDK or network error that failed the request. */
  readonly error: unknown;
  /** The failed request's attempt number within this poll, from 1. */
  readonly attempt: number;
  /** The delay before the retry, in milliseconds. */
  readonly delayMs: number;
}

/** Payload of `succeeded`: the operation ended `Succeeded` or `Completed`. */
export interface SucceededEvent {
  readonly operationId: string;
  readonly operation: Operation;
  /** `GetOperation` responses received (0 when the operation was already terminal). */
  readonly attempts: number;
  /** Milliseconds from the start of the wait. */
  readonly elapsedMs: number;
}

/** Payload of `failed`: the wait rejected, for whatever reason (`error` says which). */
export interface FailedEvent {
  readonly operationId: string;
  /** The error the wait rejects with. */
  readonly error: LightsailWaiterError | Error;
  /** The last observed operation, if any. */
  readonly operation: Operation | undefined;
  readonly attempts: number;
  readonly elapsedMs: number;
}

/** The events of an {@link OperationWaiter}, for eventemitter3's typed `on`/`emit`. */
export interface OperationWaiterEvents {
  status: [event: StatusEvent];
  poll: [event: PollEvent];
  retry: [event: RetryEvent];
  succeeded: [event: SucceededEvent];
  failed: [event: FailedEvent];
}
