/**
 * Finding resources named in a request, answering `NotFoundException` when they do not exist.
 * Resources whose deletion finishes later (disks, databases) are dropped here, lazily, once their
 * deletion has finished at the request's instant.
 */
import { nameInUse, notFound, SimulatorApiError } from '../api-error.js';
import type { CertificateRecord } from '../certificates.js';
import { type ContainerServiceRecord, isServiceGone } from '../container-services.js';
import { type DatabaseRecord, isDatabaseGone } from '../databases.js';
import type { DistributionRecord } from '../distributions.js';
import type { LoadBalancerRecord } from '../load-balancers.js';
import type { DiskRecord, InstanceRecord, StaticIpRecord } from '../resources.js';
import type { ActionContext } from './context.js';

export function findInstance(ctx: ActionContext, name: string): InstanceRecord {
  const instance = ctx.state.instances.get(name);
  if (instance === undefined) throw notFound(`The Instance does not exist: ${name}.`);
  return instance;
}

export function findStaticIp(ctx: ActionContext, name: string): StaticIpRecord {
  const ip = ctx.state.staticIps.get(name);
  if (ip === undefined) throw notFound(`The StaticIp does not exist: ${name}.`);
  return ip;
}

export function findDisk(ctx: ActionContext, name: string): DiskRecord {
  const { disks } = ctx.state;
  const disk = disks.get(name);
  if (disk?.deleteOp !== undefined && ctx.now >= disk.deleteOp.createdAt + ctx.state.phase('diskDeletingMs')) disks.delete(name);
  const found = disks.get(name);
  if (found === undefined) throw notFound(`The Disk does not exist: ${name}.`);
  return found;
}

export function findDatabase(ctx: ActionContext, name: string): DatabaseRecord {
  const { databases } = ctx.state;
  const db = databases.get(name);
  if (db !== undefined && isDatabaseGone(db, ctx.now)) databases.delete(name);
  const found = databases.get(name);
  if (found === undefined) throw notFound(`The RelationalDatabase does not exist: ${name}.`);
  return found;
}

export function findLoadBalancer(ctx: ActionContext, name: string): LoadBalancerRecord {
  const lb = ctx.state.loadBalancers.get(name);
  if (lb === undefined) throw notFound(`The LoadBalancer does not exist: ${name}.`);
  return lb;
}

export function findCertificate(ctx: ActionContext, name: string): CertificateRecord {
  const cert = ctx.state.certificates.get(name);
  if (cert === undefined) throw notFound(`The Certificate does not exist: ${name}.`);
  return cert;
}

export function findDistribution(ctx: ActionContext, name: string): DistributionRecord {
  const dist = ctx.state.distributions.get(name);
  if (dist === undefined) throw notFound(`The Distribution does not exist: ${name}.`);
  return dist;
}

/** Drops container services whose deletion has finished at the request's instant. */
export function purgeContainerServices(ctx: ActionContext): void {
  const { containerServices } = ctx.state;
  const deletingMs = ctx.state.phase('containerServiceDeletingMs');
  for (const [name, service] of containerServices) if (isServiceGone(service, ctx.now, deletingMs)) containerServices.delete(name);
}

export function findContainerService(ctx: ActionContext, name: string): ContainerServiceRecord {
  purgeContainerServices(ctx);
  const service = ctx.state.containerServices.get(name);
  if (service === undefined) throw notFound(`The ContainerService does not exist: ${name}.`);
  return service;
}

/** Whether `find` finds the named resource (so that its name is taken). */
export function exists(find: (ctx: ActionContext, name: string) => unknown, ctx: ActionContext, name: string): boolean {
  try {
    find(ctx, name);
    return true;
  } catch (error) {
    if (error instanceof SimulatorApiError && error.type === 'NotFoundException') return false;
    throw error;
  }
}

/**
 * Throws `InvalidInputException` ("Some names are already in use") when a resource of any type holds
 * one of `names`: Lightsail names share one namespace across resource types within a region. Its
 * Developer Guide: resource names "Must be unique within each AWS Region in your Lightsail account",
 * and a DNS zone named like a resource of another type gets "a resource name conflict error ("some
 * names are already in use")"; `GetActiveNames` "Returns the names of all active (not deleted)
 * resources", one list for every type.
 */
export function throwIfNamesTaken(ctx: ActionContext, names: readonly string[]): void {
  const { state } = ctx;
  purgeContainerServices(ctx);
  const taken = names.filter(
    (name) =>
      state.instances.has(name) ||
      state.staticIps.has(name) ||
      exists(findDisk, ctx, name) ||
      exists(findDatabase, ctx, name) ||
      state.loadBalancers.has(name) ||
      state.certificates.has(name) ||
      state.distributions.has(name) ||
      state.containerServices.has(name),
  );
  if (taken.length > 0) throw nameInUse(taken);
}
