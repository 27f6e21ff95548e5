/**
 * Disk actions: create, attach and get. Create and attach are answered `Started`.
 */
import { invalidInput } from '../api-error.js';
import { diskAttachedTo, diskJson, diskStateAt } from '../resources.js';
import { type ActionHandler, operationsJson } from './context.js';
import { requireAvailabilityZone, requireName, requirePositiveInteger, requireString } from './input.js';
import { isCreated } from './instances.js';
import { findDisk, findInstance } from './lookup.js';

/** `CreateDisk {diskName, availabilityZone, sizeInGb}` → one `Started` `CreateDisk` operation; the disk is `pending`, then `available`. */
export const createDisk: ActionHandler = (ctx, input) => {
  const name = requireName(input, 'diskName');
  const availabilityZone = requireAvailabilityZone(ctx, input);
  const sizeInGb = requirePositiveInteger(input, 'sizeInGb');
  const { state } = ctx;
  if (state.disks.has(name)) throw invalidInput(`The disk name ${name} is already in use.`);
  const op = state.startOperation(
    { operationType: 'CreateDisk', resourceName: name, resourceType: 'Disk', availabilityZone, operationDetails: '', instant: false },
    ctx.now,
  );
  state.disks.set(name, {
    name,
    arn: state.arn('Disk'),
    createdAt: ctx.now,
    availabilityZone,
    sizeInGb,
    createOp: op,
    attachment: undefined,
  });
  return { operations: operationsJson(ctx, [op]) };
};

/** `AttachDisk {diskName, instanceName, diskPath}` → two `Started` operations (disk and instance, each naming the other). */
export const attachDisk: ActionHandler = (ctx, input) => {
  const disk = findDisk(ctx, requireName(input, 'diskName'));
  const instance = findInstance(ctx, requireName(input, 'instanceName'));
  const path = requireString(input, 'diskPath');
  const state = diskStateAt(disk, ctx.now);
  if (state !== 'available') throw invalidInput(`The disk ${disk.name} is ${state}; it must be available.`);
  const attachedTo = diskAttachedTo(disk, ctx.now);
  if (attachedTo !== undefined) throw invalidInput(`The disk ${disk.name} is already attached to ${attachedTo}.`);
  if (!isCreated(ctx, instance)) throw invalidInput(`The instance ${instance.name} is not ready; wait until it is created.`);
  if (instance.availabilityZone !== disk.availabilityZone) {
    throw invalidInput(`The disk ${disk.name} and the instance ${instance.name} are in different availability zones.`);
  }
  const start = (resourceName: string, resourceType: 'Disk' | 'Instance', operationDetails: string) =>
    ctx.state.startOperation(
      {
        operationType: 'AttachDisk',
        resourceName,
        resourceType,
        availabilityZone: disk.availabilityZone,
        operationDetails,
        instant: false,
      },
      ctx.now,
    );
  const diskOp = start(disk.name, 'Disk', instance.name);
  const instanceOp = start(instance.name, 'Instance', disk.name);
  disk.attachment = { instanceName: instance.name, path, op: diskOp };
  return { operations: operationsJson(ctx, [diskOp, instanceOp]) };
};

/** `GetDisk {diskName}` → `{disk}`. */
export const getDisk: ActionHandler = (ctx, input) => ({
  disk: diskJson(findDisk(ctx, requireName(input, 'diskName')), ctx.now, ctx.state.config.region),
});
