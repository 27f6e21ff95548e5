/**
 * The operations of a disk attach or detach, shared by the disk actions and `DeleteInstance`.
 */
import type { DiskRecord } from '../resources.js';
import type { ActionContext } from './context.js';

/**
 * The two `Started` operations of an attach or detach: on the disk (naming the instance in
 * `operationDetails`) and on the instance (naming the disk), as attach-disk.rst and delete-instance.rst show.
 */
export function diskPairOperations(ctx: ActionContext, operationType: 'AttachDisk' | 'DetachDisk', disk: DiskRecord, instanceName: string) {
  const start = (resourceName: string, resourceType: 'Disk' | 'Instance', operationDetails: string) =>
    ctx.state.startOperation(
      { operationType, resourceName, resourceType, availabilityZone: disk.availabilityZone, operationDetails, instant: false },
      ctx.now,
    );
  return [start(disk.name, 'Disk', instanceName), start(instanceName, 'Instance', disk.name)] as const;
}
