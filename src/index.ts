// The public API of lightsail-waiter. Every export is named here; nothing else is public.

export type {
  MiddlewareStackHolder,
  MiddlewareStackLike,
  WaitForOperationsPlugin,
  WaitForOperationsPluginOptions,
} from './adapters/plugin.js';
export { WAIT_FOR_OPERATIONS_MIDDLEWARE, waitForOperationsPlugin, withOperationWaiting } from './adapters/plugin.js';
export type { LegacyAbortSignal, OperationReason, SdkWaiter, WaiterConfiguration, WaiterResult } from './adapters/sdk-waiter.js';
export { sdkWaiter, waitUntilOperationSucceeded } from './adapters/sdk-waiter.js';
export {
  waitUntilCertificateIssued,
  waitUntilContainerServiceDeleted,
  waitUntilContainerServiceDeploymentActive,
  waitUntilContainerServiceReady,
  waitUntilDiskAvailable,
  waitUntilDiskInUse,
  waitUntilDistributionDeployed,
  waitUntilInstanceDeleted,
  waitUntilInstanceRunning,
  waitUntilInstanceStopped,
  waitUntilLoadBalancerActive,
  waitUntilLoadBalancerInstancesHealthy,
  waitUntilLoadBalancerTlsCertificateIssued,
  waitUntilRelationalDatabaseAvailable,
} from './adapters/sdk-waiters.js';
export type { OperationRef } from './engine/client-input.js';
export type { Clock } from './engine/clock.js';
export { systemClock } from './engine/clock.js';
export type { PollerOptions } from './engine/poller.js';
export { Poller } from './engine/poller.js';
export type { PollerEvents, PollerRateEvent } from './engine/poller-events.js';
export type { BoundWaiter } from './engine/wait-for.js';
export { bindWaiter, waitFor } from './engine/wait-for.js';
export type { WaitOptions } from './engine/wait-options.js';
export { DEFAULT_WAIT_OPTIONS } from './engine/wait-options.js';
export { Waiter } from './engine/waiter.js';
export type {
  Acceptor,
  AcceptorState,
  ErrorAcceptor,
  OutputAcceptor,
  ProbeContext,
  SendClient,
  WaiterDefinition,
} from './engine/waiter-definition.js';
export { defineWaiter } from './engine/waiter-definition.js';
export type {
  WaiterEvents,
  WaiterFailedEvent,
  WaiterPollEvent,
  WaiterRetryEvent,
  WaiterStatusEvent,
  WaiterSucceededEvent,
} from './engine/waiter-events.js';
export { isWaiterAbortError, WaiterAbortError } from './errors/abort.js';
export type { LightsailWaiterErrorOptions } from './errors/base.js';
export { isLightsailWaiterError, LightsailWaiterError } from './errors/base.js';
export type { ContainerDeploymentFailure, ContainerLogTail, ServiceStateDetail } from './errors/container-deployment-failed.js';
export { ContainerDeploymentFailedError, isContainerDeploymentFailedError } from './errors/container-deployment-failed.js';
export { isOperationFailedError, OperationFailedError } from './errors/operation-failed.js';
export { OperationsAbortError } from './errors/operations-abort.js';
export { isOperationsFailedError, OperationsFailedError } from './errors/operations-failed.js';
export { OperationsTimeoutError } from './errors/operations-timeout.js';
export { isOperationRequestError, OperationRequestError } from './errors/request.js';
export type { ResourceRequestErrorContext } from './errors/resource.js';
export { isResourceRequestError, ResourceRequestError } from './errors/resource.js';
export { isResourceFailedError, ResourceFailedError } from './errors/resource-failed.js';
export { isWaiterTimeoutError, WaiterTimeoutError } from './errors/timeout.js';
export type { WaitContext } from './errors/wait-context.js';
export type { BackoffContext, BackoffStrategy } from './policy/backoff.js';
export { exponentialBackoff } from './policy/backoff.js';
export type { OperationAwareBackoffOptions } from './policy/operation-aware-backoff.js';
export { createOperationAwareBackoff, operationAwareBackoff, TYPICAL_OPERATION_DURATIONS_MS } from './policy/operation-aware-backoff.js';
export type { OperationOutcome } from './policy/operation-outcome.js';
export { isSettled, operationOutcome } from './policy/operation-outcome.js';
export type { OperationResult, ResultOutcome } from './policy/result-outcome.js';
export type { ScaledWaitOptions } from './policy/scaled-wait-options.js';
export { scaledWaitOptions } from './policy/scaled-wait-options.js';
export type { LightsailClientLike, Operation, OperationInput, SendOptions } from './types.js';
export { RESOURCE_WAITERS } from './waiters/catalog.js';
export type { CertificateInput, GetCertificatesClient } from './waiters/certificate.js';
export { CERTIFICATE_FAILED_STATUSES, certificateIssued } from './waiters/certificate.js';
export type {
  ContainerDeploymentClient,
  ContainerDeploymentInput,
  ContainerDeploymentState,
  ContainerServiceOutputLike,
} from './waiters/container-deployment.js';
export { containerServiceDeploymentActive } from './waiters/container-deployment.js';
export {
  ContainerDeploymentWaiter,
  LOG_FETCH_TIMEOUT_MS,
  waitForContainerServiceDeployment,
} from './waiters/container-deployment-waiter.js';
export type { GetContainerLogClient } from './waiters/container-logs.js';
export { LOG_TAIL } from './waiters/container-logs.js';
export type { ContainerServiceInput, GetContainerServicesClient } from './waiters/container-service.js';
export { CONTAINER_SERVICE_FAILED_DETAILS, containerServiceDeleted, containerServiceReady } from './waiters/container-service.js';
export type { GetRelationalDatabaseClient, RelationalDatabaseInput } from './waiters/database.js';
export { databaseAvailable, FAILED_DATABASE_STATES } from './waiters/database.js';
export type { DiskInput, GetDiskClient } from './waiters/disk.js';
export { diskAvailable, diskInUse } from './waiters/disk.js';
export type { DistributionInput, GetDistributionsClient } from './waiters/distribution.js';
export { distributionDeployed } from './waiters/distribution.js';
export {
  waitForCertificateIssued,
  waitForContainerServiceDeleted,
  waitForContainerServiceReady,
  waitForDatabaseAvailable,
  waitForDiskAvailable,
  waitForDiskInUse,
  waitForDistributionDeployed,
  waitForInstanceDeleted,
  waitForInstanceRunning,
  waitForInstanceStopped,
  waitForLoadBalancerActive,
  waitForLoadBalancerCertificateIssued,
  waitForLoadBalancerInstancesHealthy,
} from './waiters/functions.js';
export type { GetInstanceClient, InstanceInput, InstanceRunningInput } from './waiters/instance.js';
export { instanceDeleted, instanceRunning, instanceStopped } from './waiters/instance.js';
export type {
  GetLoadBalancerClient,
  GetLoadBalancerTlsCertificatesClient,
  LoadBalancerCertificateInput,
  LoadBalancerInput,
} from './waiters/load-balancer.js';
export { loadBalancerActive, loadBalancerCertificateIssued, loadBalancerInstancesHealthy } from './waiters/load-balancer.js';
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
