// The public API of lightsail-waiter. Every export is named here; nothing else is public.
export { waitForOperation, OperationWaiter } from './waiter.js';
export { waitForOperations, OperationsWaiter } from './many.js';
export type { WaitManyOptions, ProgressEvent, OperationsWaiterEvents } from './many.js';
export type { OperationsInput } from './many-input.js';
export type { OperationResult, ResultOutcome } from './results.js';
export { waitForResource, listPendingOperations } from './resource.js';
export type { ResourceClientLike } from './resource.js';
export { waitForOperationsPlugin, WAIT_FOR_OPERATIONS_MIDDLEWARE } from './plugin.js';
export type { WaitForOperationsPluginOptions, WaitForOperationsPlugin, MiddlewareStackLike } from './plugin.js';
export { Poller } from './poller.js';
export type { PollerOptions } from './poller.js';
export { waitUntilOperationSucceeded } from './sdk-compat.js';
export type { WaiterConfiguration, WaiterResult } from './sdk-compat.js';
export { DEFAULT_WAIT_OPTIONS } from './options.js';
export type { WaitOptions } from './options.js';
export { exponentialBackoff } from './backoff.js';
export type { BackoffContext, BackoffStrategy } from './backoff.js';
export { operationAwareBackoff, createOperationAwareBackoff, TYPICAL_OPERATION_DURATIONS_MS } from './operation-aware-backoff.js';
export type { OperationAwareBackoffOptions } from './operation-aware-backoff.js';
export { operationOutcome, isSettled } from './outcome.js';
export type { OperationOutcome } from './outcome.js';
export { systemClock } from './clock.js';
export type { Clock } from './clock.js';
export type {
  OperationStatusName,
  OperationWaiterEvents,
  StatusEvent,
  PollEvent,
  RetryEvent,
  SucceededEvent,
  FailedEvent,
} from './events.js';
export type { LightsailClientLike, Operation, OperationInput, SendOptions } from './types.js';
export { LightsailWaiterError, isLightsailWaiterError } from './errors/base.js';
export { OperationFailedError, isOperationFailedError } from './errors/operation-failed.js';
export { WaiterTimeoutError, isWaiterTimeoutError } from './errors/timeout.js';
export { WaiterAbortError, isWaiterAbortError } from './errors/abort.js';
export { OperationRequestError, isOperationRequestError } from './errors/request.js';
export { OperationsFailedError, isOperationsFailedError } from './errors/operations-failed.js';
export { ResourceRequestError, isResourceRequestError } from './errors/resource.js';
