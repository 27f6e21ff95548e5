/**
 * `GetInstance`'s `instance`: the record and its state, plus what its bundle and blueprint give it
 * (`instance-catalog.ts`), in the shape of the AWS CLI example get-instance.rst.
 */
import { blueprintOf, bundleOf, DEFAULT_KEY_PAIR_NAME, defaultPortsJson, diskIops, SYSTEM_DISK_PATH } from './instance-catalog.js';
import { epochSeconds, type LocationJson } from './protocol.js';
import {
  type DiskRecord,
  diskAttachedTo,
  diskJson,
  dynamicIpAt,
  type InstanceRecord,
  instanceStateAt,
  type StaticIpRecord,
} from './resources.js';

/** Lightsail's (EC2's) instance state codes. */
const STATE_CODES: Readonly<Record<string, number>> = {
  pending: 0,
  running: 16,
  'shutting-down': 32,
  terminated: 48,
  stopping: 64,
  stopped: 80,
};

/** What an instance's answer shows of other resources: its static IP and the disks attached to it. */
export interface InstanceRelations {
  readonly staticIp: StaticIpRecord | undefined;
  readonly disks: readonly DiskRecord[];
}

/**
 * `GetInstance`'s `instance`, its members in the order of get-instance.rst; `ipDelay` is the scaled
 * public IP delay. `hardware.disks` lists the system disk, then the disks attached (get-instances.rst
 * lists both); `networking.ports` is the blueprint's default firewall (the simulator has no firewall
 * actions).
 */
export function instanceJson(
  instance: InstanceRecord,
  now: number,
  regionName: string,
  ipDelay: number,
  related: InstanceRelations,
): object {
  const state = instanceStateAt(instance, now);
  const publicIpAddress = related.staticIp?.ipAddress ?? dynamicIpAt(instance, now, ipDelay);
  const bundle = bundleOf(instance.bundleId);
  const blueprint = blueprintOf(instance.blueprintId);
  const systemDisk = {
    createdAt: epochSeconds(instance.createdAt),
    sizeInGb: bundle.diskSizeInGb,
    isSystemDisk: true,
    iops: diskIops(bundle.diskSizeInGb),
    path: SYSTEM_DISK_PATH,
    attachedTo: instance.name,
    attachmentState: 'attached',
  };
  const attached = related.disks.filter((disk) => diskAttachedTo(disk, now) === instance.name);
  return {
    name: instance.name,
    arn: instance.arn,
    supportCode: instance.supportCode,
    createdAt: epochSeconds(instance.createdAt),
    location: { availabilityZone: instance.availabilityZone, regionName } satisfies LocationJson,
    resourceType: 'Instance',
    tags: [...instance.tags],
    blueprintId: instance.blueprintId,
    blueprintName: blueprint.name,
    bundleId: instance.bundleId,
    isStaticIp: related.staticIp !== undefined,
    privateIpAddress: instance.privateIpAddress,
    ...(publicIpAddress === undefined ? {} : { publicIpAddress }),
    hardware: {
      cpuCount: bundle.cpuCount,
      disks: [systemDisk, ...attached.map((disk) => diskJson(disk, now, regionName))],
      ramSizeInGb: bundle.ramSizeInGb,
    },
    networking: {
      monthlyTransfer: { gbPerMonthAllocated: bundle.transferPerMonthInGb },
      ports: defaultPortsJson(blueprint.ports),
    },
    state: { code: STATE_CODES[state] ?? -1, name: state },
    username: blueprint.username,
    sshKeyName: instance.keyPairName ?? DEFAULT_KEY_PAIR_NAME,
  };
}
