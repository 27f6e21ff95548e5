/**
 * Disk actions: create, attach, detach, delete and get. Create, attach and detach are answered
 * `Started` (attach-disk.rst); delete is answered already `Succeeded` (delete-disk.rst), after which
 * the disk answers `state: "deleting"` for a while ("The disk may remain in the deleting state for
 * several minutes", SDK DeleteDiskCommand), then `NotFoundException`.
 */
import { invalidInput } from '../api-error.js';
import { isTerminalAt } from '../lifecycle.js';
import { diskAttachedTo, diskJson, diskStateAt, instanceStateAt } from '../resources.js';
import { ec2StyleId } from '../state.js';
import { type ActionHandler, operationsJson } from './context.js';
import { diskPairOperations } from './disk-operations.js';
import { readTags, requireAvailabilityZone, requireName, requirePositiveInteger, requireString } from './input.js';
import { isCreated } from './instances.js';
import { findDisk, findInstance, throwIfNamesTaken } from './lookup.js';

/** `CreateDisk {diskName, availabilityZone, sizeInGb, tags?}` → one `Started` `CreateDisk` operation; the disk is `pending`, then `available`. */
export const createDisk: ActionHandler = (ctx, input) => {
  const name = requireName(input, 'diskName');
  const availabilityZone = requireAvailabilityZone(ctx, input);
  const sizeInGb = requirePositiveInteger(input, 'sizeInGb');
  const tags = readTags(input);
  const { state } = ctx;
  throwIfNamesTaken(ctx, [name]);
  const op = state.startOperation(
    { operationType: 'CreateDisk', resourceName: name, resourceType: 'Disk', availabilityZone, operationDetails: '', instant: false },
    ctx.now,
  );
  state.disks.set(name, {
    name,
    arn: state.arn('Disk'),
    supportCode: state.supportCode(ec2StyleId('vol')),
    createdAt: ctx.now,
    availabilityZone,
    tags,
    sizeInGb,
    createOp: op,
    attachment: undefined,
    deleteOp: undefined,
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
  const [diskOp, instanceOp] = diskPairOperations(ctx, 'AttachDisk', disk, instance.name);
  disk.attachment = { instanceName: instance.name, path, op: diskOp, detachOp: undefined };
  return { operations: operationsJson(ctx, [diskOp, instanceOp]) };
};

/**
 * `DetachDisk {diskName}` → two `Started` operations (disk and instance); the disk is `in-use`
 * (`attachmentState: "detaching"`) until they succeed, then `available`. The instance must be
 * stopped ("Detaches a stopped block storage disk from a Lightsail instance", SDK DetachDiskCommand).
 */
export const detachDisk: ActionHandler = (ctx, input) => {
  const disk = findDisk(ctx, requireName(input, 'diskName'));
  const { attachment } = disk;
  if (attachment === undefined || diskStateAt(disk, ctx.now) !== 'in-use') throw invalidInput(`The disk ${disk.name} is not attached.`);
  if (attachment.detachOp !== undefined && !isTerminalAt(attachment.detachOp, ctx.now)) {
    throw invalidInput(`The disk ${disk.name} is already being detached.`);
  }
  const instance = ctx.state.instances.get(attachment.instanceName);
  const instanceState = instance === undefined ? 'stopped' : instanceStateAt(instance, ctx.now);
  if (instanceState !== 'stopped') {
    throw invalidInput(`The instance ${attachment.instanceName} is ${instanceState}; stop it before detaching the disk ${disk.name}.`);
  }
  const [diskOp, instanceOp] = diskPairOperations(ctx, 'DetachDisk', disk, attachment.instanceName);
  attachment.detachOp = diskOp;
  return { operations: operationsJson(ctx, [diskOp, instanceOp]) };
};

/** `DeleteDisk {diskName}` → one already `Succeeded` operation; the disk must be `available` (not attached). */
export const deleteDisk: ActionHandler = (ctx, input) => {
  const disk = findDisk(ctx, requireName(input, 'diskName'));
  const state = diskStateAt(disk, ctx.now);
  if (state !== 'available' && state !== 'error') throw invalidInput(`The disk ${disk.name} is ${state}; it must be available.`);
  const op = ctx.state.startOperation(
    {
      operationType: 'DeleteDisk',
      resourceName: disk.name,
      resourceType: 'Disk',
      availabilityZone: disk.availabilityZone,
      operationDetails: '',
      instant: true,
    },
    ctx.now,
  );
  if (op.finalStatus !== 'Failed') disk.deleteOp = op;
  return { operations: operationsJson(ctx, [op]) };
};

/** `GetDisk {diskName}` → `{disk}`. */
export const getDisk: ActionHandler = (ctx, input) => ({
  disk: diskJson(findDisk(ctx, requireName(input, 'diskName')), ctx.now, ctx.state.config.region),
});
