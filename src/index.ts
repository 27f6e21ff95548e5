// The public API of lightsail-waiter. Every export is named here; nothing else is public.

export type { BackoffContext, BackoffStrategy } from './backoff.js';
export { exponentialBackoff } from './backoff.js';
export type { Clock } from './clock.js';
export { systemClock } from './clock.js';
export { isWaiterAbortError, WaiterAbortError } from './errors/abort.js';
export type { LightsailWaiterErrorOptions } from './errors/base.js';
export { isLightsailWaiterError, LightsailWaiterError } from './errors/base.js';
export { isOperationFailedError, OperationFailedError } from './errors/operation-failed.js';
export { isOperationsFailedError, OperationsFailedError } from './errors/operations-failed.js';
export { isOperationRequestError, OperationRequestError } from './errors/request.js';
export { isResourceRequestError, ResourceRequestError } from './errors/resource.js';
export { isWaiterTimeoutError, WaiterTimeoutError } from './errors/timeout.js';
export type {
  FailedEvent,
  OperationStatusName,
  OperationWaiterEvents,
  PollEvent,
  RetryEvent,
  StatusEvent,
  SucceededEvent,
} from './events.js';
export type { OperationsWaiterEvents, ProgressEvent, WaitManyOptions } from './many.js';
export { OperationsWaiter, waitForOperations } from './many.js';
export type { OperationsInput } from './many-input.js';
export type { OperationAwareBackoffOptions } from './operation-aware-backoff.js';
export { createOperationAwareBackoff, operationAwareBackoff, TYPICAL_OPERATION_DURATIONS_MS } from './operation-aware-backoff.js';
export type { WaitOptions } from './options.js';
export { DEFAULT_WAIT_OPTIONS } from './options.js';
export type { OperationOutcome } from './outcome.js';
export { isSettled, operationOutcome } from './outcome.js';
export type { MiddlewareStackLike, WaitForOperationsPlugin, WaitForOperationsPluginOptions } from './plugin.js';
export { WAIT_FOR_OPERATIONS_MIDDLEWARE, waitForOperationsPlugin } from './plugin.js';
export type { PollerOptions } from './poller.js';
export { Poller } from './poller.js';
export type { ResourceClientLike } from './resource.js';
export { listPendingOperations, waitForResource } from './resource.js';
export type { OperationResult, ResultOutcome } from './results.js';
export type { LegacyAbortSignal, WaiterConfiguration, WaiterResult } from './sdk-compat.js';
export { waitUntilOperationSucceeded } from './sdk-compat.js';
export type { LightsailClientLike, Operation, OperationInput, SendOptions } from './types.js';
export { OperationWaiter, waitForOperation } from './waiter.js';
