/**
 * Instances, static IPs and disks: their stored records, their state (derived lazily from the
 * operations that change them) and their wire shapes.
 */

import { hasSucceededAt, isTerminalAt, type OperationRecord } from './lifecycle.js';
import { epochSeconds, type LocationJson } from './protocol.js';

/** A stored instance. Internal. */
export interface InstanceRecord {
  readonly name: string;
  readonly arn: string;
  readonly createdAt: number;
  readonly availabilityZone: string;
  readonly blueprintId: string;
  readonly bundleId: string;
  readonly publicIpAddress: string;
  readonly privateIpAddress: string;
  staticIpName: string | undefined;
  readonly createOp: OperationRecord;
  /** The latest start or stop, which decides the state once the create has succeeded. */
  powerOp: { readonly kind: 'start' | 'stop'; readonly op: OperationRecord } | undefined;
}

/** A stored static IP. Internal. */
export interface StaticIpRecord {
  readonly name: string;
  readonly arn: string;
  readonly createdAt: number;
  readonly ipAddress: string;
  attachedTo: string | undefined;
}

/** A stored disk. Internal. */
export interface DiskRecord {
  readonly name: string;
  readonly arn: string;
  readonly createdAt: number;
  readonly availabilityZone: string;
  readonly sizeInGb: number;
  readonly createOp: OperationRecord;
  attachment: { readonly instanceName: string; readonly path: string; readonly op: OperationRecord } | undefined;
}

/** Lightsail's (EC2's) instance state codes; `error` is the simulator's state for a failed create. */
const STATE_CODES: Readonly<Record<string, number>> = {
  pending: 0,
  running: 16,
  'shutting-down': 32,
  terminated: 48,
  stopping: 64,
  stopped: 80,
  error: -1,
};

/** The instance's state name at `now`: `pending`, `running`, `stopping`, `stopped` or `error`. */
export function instanceStateAt(instance: InstanceRecord, now: number): string {
  const { powerOp, createOp } = instance;
  if (powerOp !== undefined) {
    if (!isTerminalAt(powerOp.op, now)) return powerOp.kind === 'stop' ? 'stopping' : 'pending';
    const ok = hasSucceededAt(powerOp.op, now);
    return (powerOp.kind === 'stop') === ok ? 'stopped' : 'running';
  }
  if (!isTerminalAt(createOp, now)) return 'pending';
  return hasSucceededAt(createOp, now) ? 'running' : 'error';
}

/** The instance a disk is attached (or being attached) to at `now`, if any. */
export function diskAttachedTo(disk: DiskRecord, now: number): string | undefined {
  const { attachment } = disk;
  if (attachment === undefined) return undefined;
  if (isTerminalAt(attachment.op, now) && !hasSucceededAt(attachment.op, now)) return undefined;
  return attachment.instanceName;
}

/** The disk's state at `now`: `pending`, `available`, `in-use` or `error`. */
export function diskStateAt(disk: DiskRecord, now: number): string {
  if (!isTerminalAt(disk.createOp, now)) return 'pending';
  if (!hasSucceededAt(disk.createOp, now)) return 'error';
  const attachment = disk.attachment;
  return attachment !== undefined && hasSucceededAt(attachment.op, now) ? 'in-use' : 'available';
}

/** `GetInstance`'s `instance`. */
export function instanceJson(instance: InstanceRecord, now: number, regionName: string, staticIp?: StaticIpRecord): object {
  const state = instanceStateAt(instance, now);
  const publicIpAddress = staticIp?.ipAddress ?? (state === 'running' ? instance.publicIpAddress : undefined);
  return {
    name: instance.name,
    arn: instance.arn,
    createdAt: epochSeconds(instance.createdAt),
    location: { availabilityZone: instance.availabilityZone, regionName } satisfies LocationJson,
    resourceType: 'Instance',
    blueprintId: instance.blueprintId,
    bundleId: instance.bundleId,
    state: { code: STATE_CODES[state] ?? -1, name: state },
    privateIpAddress: instance.privateIpAddress,
    ...(publicIpAddress === undefined ? {} : { publicIpAddress }),
    isStaticIp: staticIp !== undefined,
  };
}

/** `GetStaticIp`'s `staticIp`. */
export function staticIpJson(ip: StaticIpRecord, regionName: string): object {
  return {
    name: ip.name,
    arn: ip.arn,
    createdAt: epochSeconds(ip.createdAt),
    location: { availabilityZone: 'all', regionName } satisfies LocationJson,
    resourceType: 'StaticIp',
    ipAddress: ip.ipAddress,
    ...(ip.attachedTo === undefined ? {} : { attachedTo: ip.attachedTo }),
    isAttached: ip.attachedTo !== undefined,
  };
}

/** `GetDisk`'s `disk`. */
export function diskJson(disk: DiskRecord, now: number, regionName: string): object {
  const attachedTo = diskAttachedTo(disk, now);
  const attached = disk.attachment !== undefined && hasSucceededAt(disk.attachment.op, now);
  return {
    name: disk.name,
    arn: disk.arn,
    createdAt: epochSeconds(disk.createdAt),
    location: { availabilityZone: disk.availabilityZone, regionName } satisfies LocationJson,
    resourceType: 'Disk',
    sizeInGb: disk.sizeInGb,
    isSystemDisk: false,
    state: diskStateAt(disk, now),
    ...(attachedTo === undefined ? {} : { attachedTo }),
    ...(attached && disk.attachment !== undefined ? { path: disk.attachment.path } : {}),
    isAttached: attached,
    attachmentState: attached ? 'attached' : attachedTo !== undefined ? 'attaching' : 'detached',
  };
}
