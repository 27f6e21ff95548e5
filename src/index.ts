// The public API of lightsail-waiter. Every export is named here; nothing else is public.

export type { MiddlewareStackLike, WaitForOperationsPlugin, WaitForOperationsPluginOptions } from './adapters/plugin.js';
export { WAIT_FOR_OPERATIONS_MIDDLEWARE, waitForOperationsPlugin } from './adapters/plugin.js';
export type { LegacyAbortSignal, WaiterConfiguration, WaiterResult } from './adapters/sdk-waiter.js';
export { waitUntilOperationSucceeded } from './adapters/sdk-waiter.js';
export type { Clock } from './engine/clock.js';
export { systemClock } from './engine/clock.js';
export type { PollerOptions } from './engine/poller.js';
export { Poller } from './engine/poller.js';
export type { WaitOptions } from './engine/wait-options.js';
export { DEFAULT_WAIT_OPTIONS } from './engine/wait-options.js';
export { isWaiterAbortError, WaiterAbortError } from './errors/abort.js';
export type { LightsailWaiterErrorOptions } from './errors/base.js';
export { isLightsailWaiterError, LightsailWaiterError } from './errors/base.js';
export { isOperationFailedError, OperationFailedError } from './errors/operation-failed.js';
export { isOperationsFailedError, OperationsFailedError } from './errors/operations-failed.js';
export { isOperationRequestError, OperationRequestError } from './errors/request.js';
export { isResourceRequestError, ResourceRequestError } from './errors/resource.js';
export { isWaiterTimeoutError, WaiterTimeoutError } from './errors/timeout.js';
export type { BackoffContext, BackoffStrategy } from './policy/backoff.js';
export { exponentialBackoff } from './policy/backoff.js';
export type { OperationAwareBackoffOptions } from './policy/operation-aware-backoff.js';
export { createOperationAwareBackoff, operationAwareBackoff, TYPICAL_OPERATION_DURATIONS_MS } from './policy/operation-aware-backoff.js';
export type { OperationOutcome } from './policy/operation-outcome.js';
export { isSettled, operationOutcome } from './policy/operation-outcome.js';
export type { OperationResult, ResultOutcome } from './policy/result-outcome.js';
export type { LightsailClientLike, Operation, OperationInput, SendOptions } from './types.js';
export { OperationWaiter, waitForOperation } from './waiters/operation.js';
export type {
  FailedEvent,
  OperationStatusName,
  OperationWaiterEvents,
  PollEvent,
  RetryEvent,
  StatusEvent,
  SucceededEvent,
} from './waiters/operation-events.js';
export type { OperationsWaiterEvents, ProgressEvent, WaitManyOptions } from './waiters/operations.js';
export { OperationsWaiter, waitForOperations } from './waiters/operations.js';
export type { OperationsInput } from './waiters/operations-input.js';
export type { ResourceClientLike } from './waiters/resource-operations.js';
export { listPendingOperations, waitForResource } from './waiters/resource-operations.js';
