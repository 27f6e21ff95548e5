/**
 * The actions the simulator implements, by `x-amz-target` action name.
 */
import { createCertificate, getCertificates } from './certificates.js';
import { createContainerServiceDeployment, getContainerLog, getContainerServiceDeployments } from './container-deployments.js';
import { createContainerService, deleteContainerService, getContainerServices, updateContainerService } from './container-services.js';
import type { ActionHandler } from './context.js';
import { createRelationalDatabase, deleteRelationalDatabase, getRelationalDatabase } from './databases.js';
import { attachDisk, createDisk, deleteDisk, detachDisk, getDisk } from './disks.js';
import { createDistribution, getDistributions, updateDistribution } from './distributions.js';
import { createInstances, deleteInstance, getInstance, rebootInstance, startInstance, stopInstance } from './instances.js';
import { createLoadBalancerTlsCertificate, getLoadBalancerTlsCertificates } from './lb-certificates.js';
import { attachInstancesToLoadBalancer, createLoadBalancer, detachInstancesFromLoadBalancer, getLoadBalancer } from './load-balancers.js';
import { getOperation, getOperations, getOperationsForResource } from './operations.js';
import { allocateStaticIp, attachStaticIp, detachStaticIp, getStaticIp, releaseStaticIp } from './static-ips.js';

export type { ActionContext, ActionHandler, ActionInput } from './context.js';

/** Every implemented action. A `Map`, so that names like `__proto__` or `toString` are simply unknown. */
export const ACTIONS: ReadonlyMap<string, ActionHandler> = new Map<string, ActionHandler>([
  ['GetOperation', getOperation],
  ['GetOperations', getOperations],
  ['GetOperationsForResource', getOperationsForResource],
  ['CreateInstances', createInstances],
  ['DeleteInstance', deleteInstance],
  ['StartInstance', startInstance],
  ['StopInstance', stopInstance],
  ['RebootInstance', rebootInstance],
  ['GetInstance', getInstance],
  ['AllocateStaticIp', allocateStaticIp],
  ['AttachStaticIp', attachStaticIp],
  ['DetachStaticIp', detachStaticIp],
  ['ReleaseStaticIp', releaseStaticIp],
  ['GetStaticIp', getStaticIp],
  ['CreateDisk', createDisk],
  ['AttachDisk', attachDisk],
  ['DetachDisk', detachDisk],
  ['DeleteDisk', deleteDisk],
  ['GetDisk', getDisk],
  ['CreateRelationalDatabase', createRelationalDatabase],
  ['GetRelationalDatabase', getRelationalDatabase],
  ['DeleteRelationalDatabase', deleteRelationalDatabase],
  ['CreateLoadBalancer', createLoadBalancer],
  ['GetLoadBalancer', getLoadBalancer],
  ['AttachInstancesToLoadBalancer', attachInstancesToLoadBalancer],
  ['DetachInstancesFromLoadBalancer', detachInstancesFromLoadBalancer],
  ['CreateLoadBalancerTlsCertificate', createLoadBalancerTlsCertificate],
  ['GetLoadBalancerTlsCertificates', getLoadBalancerTlsCertificates],
  ['CreateCertificate', createCertificate],
  ['GetCertificates', getCertificates],
  ['CreateDistribution', createDistribution],
  ['UpdateDistribution', updateDistribution],
  ['GetDistributions', getDistributions],
  ['CreateContainerService', createContainerService],
  ['GetContainerServices', getContainerServices],
  ['UpdateContainerService', updateContainerService],
  ['DeleteContainerService', deleteContainerService],
  ['CreateContainerServiceDeployment', createContainerServiceDeployment],
  ['GetContainerServiceDeployments', getContainerServiceDeployments],
  ['GetContainerLog', getContainerLog],
]);

/** The names of every implemented action, sorted. */
export const ACTION_NAMES: readonly string[] = [...ACTIONS.keys()].sort();
