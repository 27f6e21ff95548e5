// The AWS SDK v3-shaped form of every built-in resource waiter (seconds, `WaiterConfiguration`).
import { certificateIssued } from '../waiters/certificate.js';
import type { ContainerDeploymentClient, ContainerDeploymentInput } from '../waiters/container-deployment.js';
import { ContainerDeploymentWaiter } from '../waiters/container-deployment-waiter.js';
import { containerServiceDeleted, containerServiceReady } from '../waiters/container-service.js';
import { databaseAvailable } from '../waiters/database.js';
import { diskAvailable, diskInUse } from '../waiters/disk.js';
import { distributionDeployed } from '../waiters/distribution.js';
import { type GetInstanceClient, type InstanceInput, instanceDeleted, instanceRunning, instanceStopped } from '../waiters/instance.js';
import { loadBalancerActive, loadBalancerCertificateIssued, loadBalancerInstancesHealthy } from '../waiters/load-balancer.js';
import { type SdkWaiter, sdkWaiter, sdkWaiterOf } from './sdk-waiter.js';

/** `waitUntilInstanceRunning({ client, maxWaitTime }, { instanceName })`: `running` with a public IP. */
export const waitUntilInstanceRunning = /* @__PURE__ */ sdkWaiter(instanceRunning);
/** `waitUntilInstanceStopped({ client, maxWaitTime }, { instanceName })`. */
export const waitUntilInstanceStopped = /* @__PURE__ */ sdkWaiter(instanceStopped);
/** `waitUntilInstanceDeleted({ client, maxWaitTime }, { instanceName })`: `GetInstance` answers not-found. */
export const waitUntilInstanceDeleted: SdkWaiter<GetInstanceClient, InstanceInput, unknown> = /* @__PURE__ */ sdkWaiter(instanceDeleted);
/** `waitUntilDiskAvailable({ client, maxWaitTime }, { diskName })`. */
export const waitUntilDiskAvailable = /* @__PURE__ */ sdkWaiter(diskAvailable);
/** `waitUntilDiskInUse({ client, maxWaitTime }, { diskName })`. */
export const waitUntilDiskInUse = /* @__PURE__ */ sdkWaiter(diskInUse);
/** `waitUntilRelationalDatabaseAvailable({ client, maxWaitTime }, { relationalDatabaseName })`. */
export const waitUntilRelationalDatabaseAvailable = /* @__PURE__ */ sdkWaiter(databaseAvailable);
/** `waitUntilLoadBalancerActive({ client, maxWaitTime }, { loadBalancerName })`. */
export const waitUntilLoadBalancerActive = /* @__PURE__ */ sdkWaiter(loadBalancerActive);
/** `waitUntilLoadBalancerInstancesHealthy({ client, maxWaitTime }, { loadBalancerName })`. */
export const waitUntilLoadBalancerInstancesHealthy = /* @__PURE__ */ sdkWaiter(loadBalancerInstancesHealthy);
/** `waitUntilLoadBalancerTlsCertificateIssued({ client, maxWaitTime }, { loadBalancerName, certificateName })`. */
export const waitUntilLoadBalancerTlsCertificateIssued = /* @__PURE__ */ sdkWaiter(loadBalancerCertificateIssued);
/** `waitUntilCertificateIssued({ client, maxWaitTime }, { certificateName })`. */
export const waitUntilCertificateIssued = /* @__PURE__ */ sdkWaiter(certificateIssued);
/** `waitUntilDistributionDeployed({ client, maxWaitTime }, { distributionName })`. */
export const waitUntilDistributionDeployed = /* @__PURE__ */ sdkWaiter(distributionDeployed);
/** `waitUntilContainerServiceReady({ client, maxWaitTime }, { serviceName })`: `READY` or `RUNNING`. */
export const waitUntilContainerServiceReady = /* @__PURE__ */ sdkWaiter(containerServiceReady);
/** `waitUntilContainerServiceDeleted({ client, maxWaitTime }, { serviceName })`: `GetContainerServices` answers not-found. */
export const waitUntilContainerServiceDeleted = /* @__PURE__ */ sdkWaiter(containerServiceDeleted);
/**
 * `waitUntilContainerServiceDeploymentActive({ client, maxWaitTime }, { serviceName, version? })`:
 * that deployment `ACTIVE` and the service `RUNNING`; a failure carries each container's log tail.
 */
export const waitUntilContainerServiceDeploymentActive = /* @__PURE__ */ sdkWaiterOf(
  (client: ContainerDeploymentClient, input: ContainerDeploymentInput, options) => new ContainerDeploymentWaiter(client, input, options),
);
