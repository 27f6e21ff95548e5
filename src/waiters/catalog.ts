import type { WaiterDefinition } from '../engine/waiter-definition.js';
import { certificateIssued } from './certificate.js';
import { containerServiceDeploymentActive } from './container-deployment.js';
import { containerServiceDeleted, containerServiceReady } from './container-service.js';
import { databaseAvailable } from './database.js';
import { diskAvailable, diskInUse } from './disk.js';
import { distributionDeployed } from './distribution.js';
import { instanceDeleted, instanceRunning, instanceStopped } from './instance.js';
import { loadBalancerActive, loadBalancerCertificateIssued, loadBalancerInstancesHealthy } from './load-balancer.js';

/** Every built-in resource waiter that runs anywhere (the TCP port waiter is in `lightsail-waiter/node`), by name. */
export const RESOURCE_WAITERS: Readonly<Record<string, WaiterDefinition<never, unknown, unknown>>> = Object.freeze({
  [instanceRunning.name]: instanceRunning,
  [instanceStopped.name]: instanceStopped,
  [instanceDeleted.name]: instanceDeleted,
  [diskAvailable.name]: diskAvailable,
  [diskInUse.name]: diskInUse,
  [databaseAvailable.name]: databaseAvailable,
  [loadBalancerActive.name]: loadBalancerActive,
  [loadBalancerInstancesHealthy.name]: loadBalancerInstancesHealthy,
  [loadBalancerCertificateIssued.name]: loadBalancerCertificateIssued,
  [certificateIssued.name]: certificateIssued,
  [distributionDeployed.name]: distributionDeployed,
  [containerServiceReady.name]: containerServiceReady,
  [containerServiceDeleted.name]: containerServiceDeleted,
  [containerServiceDeploymentActive.name]: containerServiceDeploymentActive,
} as Record<string, WaiterDefinition<never, unknown, unknown>>);
