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
  /**
   * The dynamic public address and the operation (create or latest start) after whose success, plus
   * the public IP delay, it is shown. A start gives a new one.
   */
  publicIp: { readonly address: string; readonly op: OperationRecord };
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
  attachment: DiskAttachment | undefined;
  /** The `DeleteDisk` operation, once deleted: the disk answers `deleting` for a while, then is gone. */
  deleteOp: OperationRecord | undefined;
}

/** A disk's latest attachment and its detach, if any. */
export interface DiskAttachment {
  readonly instanceName: string;
  readonly path: string;
  readonly op: OperationRecord;
  detachOp: OperationRecord | undefined;
}

/** Lightsail's (EC2's) instance state codes. */
const STATE_CODES: Readonly<Record<string, number>> = {
  pending: 0,
  running: 16,
  'shutting-down': 32,
  terminated: 48,
  stopping: 64,
  stopped: 80,
};

/**
 * The instance's state name at `now`: `pending`, `running`, `stopping`, `stopped`, or `terminated`
 * after a failed create. Lightsail publishes nothing on a failed create; its instances report EC2's
 * states, and an EC2 launch that fails goes from `pending` to `terminated` (EC2's StateReason:
 * "Server.InternalError: An internal error caused the instance to terminate during launch").
 */
export function instanceStateAt(instance: InstanceRecord, now: number): string {
  const { powerOp, createOp } = instance;
  if (powerOp !== undefined) {
    if (!isTerminalAt(powerOp.op, now)) return powerOp.kind === 'stop' ? 'stopping' : 'pending';
    const ok = hasSucceededAt(powerOp.op, now);
    return (powerOp.kind === 'stop') === ok ? 'stopped' : 'running';
  }
  if (!isTerminalAt(createOp, now)) return 'pending';
  return hasSucceededAt(createOp, now) ? 'running' : 'terminated';
}

/** The instance's dynamic public address at `now`: set `ipDelay` (clock ms) after it is `running`, absent otherwise. */
export function dynamicIpAt(instance: InstanceRecord, now: number, ipDelay: number): string | undefined {
  const { address, op } = instance.publicIp;
  return instanceStateAt(instance, now) === 'running' && now >= op.endAt + ipDelay ? address : undefined;
}

/** The instance a disk is attached (or being attached, or being detached from) to at `now`, if any. */
export function diskAttachedTo(disk: DiskRecord, now: number): string | undefined {
  const { attachment } = disk;
  if (attachment === undefined) return undefined;
  if (isTerminalAt(attachment.op, now) && !hasSucceededAt(attachment.op, now)) return undefined;
  if (attachment.detachOp !== undefined && hasSucceededAt(attachment.detachOp, now)) return undefined;
  return attachment.instanceName;
}

/** Whether the disk is attached at `now` (attach succeeded, no detach succeeded). */
function isAttachedAt(disk: DiskRecord, now: number): boolean {
  const { attachment } = disk;
  return attachment !== undefined && hasSucceededAt(attachment.op, now) && diskAttachedTo(disk, now) !== undefined;
}

/** The disk's state at `now`: `pending`, `available`, `in-use`, `deleting` or `error`. */
export function diskStateAt(disk: DiskRecord, now: number): string {
  if (disk.deleteOp !== undefined) return 'deleting';
  if (!isTerminalAt(disk.createOp, now)) return 'pending';
  if (!hasSucceededAt(disk.createOp, now)) return 'error';
  return isAttachedAt(disk, now) ? 'in-use' : 'available';
}

/** `GetInstance`'s `instance`; `ipDelay` is the scaled public IP delay. */
export function instanceJson(
  instance: InstanceRecord,
  now: number,
  regionName: string,
  ipDelay: number,
  staticIp?: StaticIpRecord,
): object {
  const state = instanceStateAt(instance, now);
  const publicIpAddress = staticIp?.ipAddress ?? dynamicIpAt(instance, now, ipDelay);
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
  const attached = isAttachedAt(disk, now);
  const detaching = attached && disk.attachment?.detachOp !== undefined && !isTerminalAt(disk.attachment.detachOp, now);
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
    attachmentState: detaching ? 'detaching' : attached ? 'attached' : attachedTo !== undefined ? 'attaching' : 'detached',
  };
}
