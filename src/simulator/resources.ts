/**
 * Instances, static IPs and disks: their stored records, their state (derived lazily from the
 * operations that change them) and the wire shapes of static IPs and disks (`instance-json.ts` has
 * the instance's).
 */

import { diskIops } from './instance-catalog.js';
import { hasSucceededAt, isTerminalAt, type OperationRecord } from './lifecycle.js';
import { epochSeconds, type LocationJson } from './protocol.js';

/** A stored instance. Internal. */
export interface InstanceRecord {
  readonly name: string;
  readonly arn: string;
  /** `<account>/i-<id>`, as get-instance.rst shows it. */
  readonly supportCode: string;
  readonly createdAt: number;
  readonly availabilityZone: string;
  /** The create's `tags`, echoed back. */
  readonly tags: readonly object[];
  readonly blueprintId: string;
  readonly bundleId: string;
  /** The create's `keyPairName`, if any. */
  readonly keyPairName: string | undefined;
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
  /** `<account>/<address>`, as get-static-ip.rst shows it. */
  readonly supportCode: string;
  readonly createdAt: number;
  readonly ipAddress: string;
  attachedTo: string | undefined;
}

/** A stored disk. Internal. */
export interface DiskRecord {
  readonly name: string;
  readonly arn: string;
  /** `<account>/vol-<id>`, as get-disk.rst shows it. */
  readonly supportCode: string;
  readonly createdAt: number;
  readonly availabilityZone: string;
  /** The create's `tags`, echoed back. */
  readonly tags: readonly object[];
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

/** `GetStaticIp`'s `staticIp`. */
export function staticIpJson(ip: StaticIpRecord, regionName: string): object {
  return {
    name: ip.name,
    arn: ip.arn,
    supportCode: ip.supportCode,
    createdAt: epochSeconds(ip.createdAt),
    location: { availabilityZone: 'all', regionName } satisfies LocationJson,
    resourceType: 'StaticIp',
    ipAddress: ip.ipAddress,
    ...(ip.attachedTo === undefined ? {} : { attachedTo: ip.attachedTo }),
    isAttached: ip.attachedTo !== undefined,
  };
}

/** `GetDisk`'s `disk`, its members in the order of get-disk.rst. */
export function diskJson(disk: DiskRecord, now: number, regionName: string): object {
  const attachedTo = diskAttachedTo(disk, now);
  const attached = isAttachedAt(disk, now);
  const detaching = attached && disk.attachment?.detachOp !== undefined && !isTerminalAt(disk.attachment.detachOp, now);
  return {
    name: disk.name,
    arn: disk.arn,
    supportCode: disk.supportCode,
    createdAt: epochSeconds(disk.createdAt),
    location: { availabilityZone: disk.availabilityZone, regionName } satisfies LocationJson,
    resourceType: 'Disk',
    tags: [...disk.tags],
    sizeInGb: disk.sizeInGb,
    isSystemDisk: false,
    iops: diskIops(disk.sizeInGb),
    ...(attached && disk.attachment !== undefined ? { path: disk.attachment.path } : {}),
    state: diskStateAt(disk, now),
    ...(attachedTo === undefined ? {} : { attachedTo }),
    isAttached: attached,
    attachmentState: detaching ? 'detaching' : attached ? 'attached' : attachedTo !== undefined ? 'attaching' : 'detached',
  };
}
