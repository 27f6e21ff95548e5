/**
 * Finding resources named in a request, answering `NotFoundException` when they do not exist.
 */
import { notFound } from '../api-error.js';
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
  const disk = ctx.state.disks.get(name);
  if (disk === undefined) throw notFound(`The Disk does not exist: ${name}.`);
  return disk;
}
