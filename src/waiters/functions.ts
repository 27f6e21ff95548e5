// The promise-returning form of every built-in resource waiter (milliseconds, `WaitOptions`).
import { bindWaiter } from '../engine/wait-for.js';
import { certificateIssued } from './certificate.js';
import { containerServiceDeleted, containerServiceReady } from './container-service.js';
import { databaseAvailable } from './database.js';
import { diskAvailable, diskInUse } from './disk.js';
import { distributionDeployed } from './distribution.js';
import { instanceDeleted, instanceRunning, instanceStopped } from './instance.js';
import { loadBalancerActive, loadBalancerCertificateIssued, loadBalancerInstancesHealthy } from './load-balancer.js';

/** Waits until an instance is `running` with a public IP: {@link instanceRunning}. Resolves with the `GetInstance` output. */
export const waitForInstanceRunning = /* @__PURE__ */ bindWaiter(instanceRunning);
/** Waits until an instance is `stopped`: {@link instanceStopped}. */
export const waitForInstanceStopped = /* @__PURE__ */ bindWaiter(instanceStopped);
/** Waits until an instance no longer exists: {@link instanceDeleted}. */
export const waitForInstanceDeleted = /* @__PURE__ */ bindWaiter(instanceDeleted);
/** Waits until a disk is `available`: {@link diskAvailable}. */
export const waitForDiskAvailable = /* @__PURE__ */ bindWaiter(diskAvailable);
/** Waits until a disk is `in-use`: {@link diskInUse}. */
export const waitForDiskInUse = /* @__PURE__ */ bindWaiter(diskInUse);
/** Waits until a database is `available`: {@link databaseAvailable}. */
export const waitForDatabaseAvailable = /* @__PURE__ */ bindWaiter(databaseAvailable);
/** Waits until a load balancer is `active`: {@link loadBalancerActive}. */
export const waitForLoadBalancerActive = /* @__PURE__ */ bindWaiter(loadBalancerActive);
/** Waits until every instance behind a load balancer is `healthy`: {@link loadBalancerInstancesHealthy}. */
export const waitForLoadBalancerInstancesHealthy = /* @__PURE__ */ bindWaiter(loadBalancerInstancesHealthy);
/** Waits until a load balancer's TLS certificate is `ISSUED`: {@link loadBalancerCertificateIssued}. */
export const waitForLoadBalancerCertificateIssued = /* @__PURE__ */ bindWaiter(loadBalancerCertificateIssued);
/** Waits until a Lightsail certificate is `ISSUED`: {@link certificateIssued}. */
export const waitForCertificateIssued = /* @__PURE__ */ bindWaiter(certificateIssued);
/** Waits until a distribution is `Deployed`: {@link distributionDeployed}. */
export const waitForDistributionDeployed = /* @__PURE__ */ bindWaiter(distributionDeployed);
/** Waits until a container service is `READY` or `RUNNING`: {@link containerServiceReady}. */
export const waitForContainerServiceReady = /* @__PURE__ */ bindWaiter(containerServiceReady);
/** Waits until a container service no longer exists: {@link containerServiceDeleted}. */
export const waitForContainerServiceDeleted = /* @__PURE__ */ bindWaiter(containerServiceDeleted);
