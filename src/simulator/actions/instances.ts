/**
 * Instance actions: create, delete, start, stop, reboot and get.
 */
import { invalidInput } from '../api-error.js';
import { instanceJson } from '../instance-json.js';
import { isTerminalAt } from '../lifecycle.js';
import { diskAttachedTo, type InstanceRecord, instanceStateAt } from '../resources.js';
import { ec2StyleId } from '../state.js';
import { type ActionContext, type ActionHandler, operationsJson } from './context.js';
import { diskPairOperations } from './disk-operations.js';
import { optionalString, readTags, requireAvailabilityZone, requireName, requireNames, requireString } from './input.js';
import { findInstance, throwIfNamesTaken } from './lookup.js';

function requireState(ctx: ActionContext, instance: InstanceRecord, allowed: string, action: string): void {
  const state = instanceStateAt(instance, ctx.now);
  if (state !== allowed) {
    throw invalidInput(`You can't ${action} the instance ${instance.name} while it is ${state}; it must be ${allowed}.`);
  }
}

/** Starts an operation on an existing instance: `instant` ones come back already finished. */
function startOnInstance(ctx: ActionContext, instance: InstanceRecord, operationType: string, instant: boolean) {
  return ctx.state.startOperation(
    {
      operationType,
      resourceName: instance.name,
      resourceType: 'Instance',
      availabilityZone: instance.availabilityZone,
      operationDetails: '',
      instant,
    },
    ctx.now,
  );
}

/**
 * `CreateInstances {instanceNames, availabilityZone, blueprintId, bundleId, keyPairName?, tags?}` → one
 * `Started` `CreateInstance` operation per instance; the instance is `pending` until it succeeds.
 */
export const createInstances: ActionHandler = (ctx, input) => {
  const names = requireNames(input, 'instanceNames');
  const availabilityZone = requireAvailabilityZone(ctx, input);
  const blueprintId = requireString(input, 'blueprintId');
  const bundleId = requireString(input, 'bundleId');
  const keyPairName = optionalString(input, 'keyPairName') || undefined;
  const tags = readTags(input);
  const { state } = ctx;
  throwIfNamesTaken(ctx, names);
  const ops = names.map((name) => {
    const op = state.startOperation(
      {
        operationType: 'CreateInstance',
        resourceName: name,
        resourceType: 'Instance',
        availabilityZone,
        operationDetails: '',
        instant: false,
      },
      ctx.now,
    );
    state.instances.set(name, {
      name,
      arn: state.arn('Instance'),
      supportCode: state.supportCode(ec2StyleId('i')),
      createdAt: ctx.now,
      availabilityZone,
      tags,
      blueprintId,
      bundleId,
      keyPairName,
      publicIp: { address: state.addresses.nextPublic('instance'), op },
      privateIpAddress: state.addresses.nextPrivate(),
      staticIpName: undefined,
      createOp: op,
      powerOp: undefined,
    });
    return op;
  });
  return { operations: operationsJson(ctx, ops) };
};

/**
 * `DeleteInstance` → an already `Succeeded` `DeleteInstance` operation, after two `Started` `DetachDisk`
 * operations (on the disk, on the instance) per disk attached, exactly as the CLI example
 * delete-instance.rst shows; the disks are `in-use` (`attachmentState: "detaching"`) until their detach
 * succeeds, then `available`. The static IP is detached and load balancers forget the instance at once.
 */
export const deleteInstance: ActionHandler = (ctx, input) => {
  const instance = findInstance(ctx, requireName(input, 'instanceName'));
  const { state, now } = ctx;
  const detaching = [...state.disks.values()].filter((disk) => {
    const detachOp = disk.attachment?.detachOp;
    return (
      disk.deleteOp === undefined && diskAttachedTo(disk, now) === instance.name && (detachOp === undefined || isTerminalAt(detachOp, now))
    );
  });
  const detachOps = detaching.flatMap((disk) => {
    const pair = diskPairOperations(ctx, 'DetachDisk', disk, instance.name);
    if (disk.attachment !== undefined) disk.attachment.detachOp = pair[0];
    return pair;
  });
  const op = startOnInstance(ctx, instance, 'DeleteInstance', true);
  if (op.finalStatus !== 'Failed') {
    if (instance.staticIpName !== undefined) {
      const ip = state.staticIps.get(instance.staticIpName);
      if (ip !== undefined) ip.attachedTo = undefined;
    }
    for (const lb of state.loadBalancers.values()) lb.attachments.delete(instance.name);
    state.instances.delete(instance.name);
  }
  return { operations: operationsJson(ctx, [...detachOps, op]) };
};

function power(kind: 'start' | 'stop'): ActionHandler {
  const operationType = kind === 'start' ? 'StartInstance' : 'StopInstance';
  return (ctx, input) => {
    const instance = findInstance(ctx, requireName(input, 'instanceName'));
    requireState(ctx, instance, kind === 'start' ? 'stopped' : 'running', kind);
    const op = startOnInstance(ctx, instance, operationType, false);
    instance.powerOp = { kind, op };
    // "When you start a stopped instance, Lightsail assigns a new public IP address to the instance"
    // (Lightsail API reference, StartInstance); a static IP, when attached, is shown instead.
    if (kind === 'start') instance.publicIp = { address: ctx.state.addresses.nextPublic('instance'), op };
    return { operations: operationsJson(ctx, [op]) };
  };
}

/** `StartInstance` → a `Started` operation; the instance is `pending`, then `running` (`stopped` if it fails). */
export const startInstance: ActionHandler = power('start');

/** `StopInstance` → a `Started` operation; the instance is `stopping`, then `stopped` (`running` if it fails). */
export const stopInstance: ActionHandler = power('stop');

/** `RebootInstance` → a `Succeeded` operation; the instance must be `running`. */
export const rebootInstance: ActionHandler = (ctx, input) => {
  const instance = findInstance(ctx, requireName(input, 'instanceName'));
  requireState(ctx, instance, 'running', 'reboot');
  const op = startOnInstance(ctx, instance, 'RebootInstance', true);
  return { operations: operationsJson(ctx, [op]) };
};

/**
 * `GetInstance {instanceName}` → `{instance}`, its state following its latest create, start or stop;
 * `publicIpAddress` appears a little after `running` (the `publicIpDelayMs` resource duration).
 */
export const getInstance: ActionHandler = (ctx, input) => {
  const instance = findInstance(ctx, requireName(input, 'instanceName'));
  const { state } = ctx;
  const staticIp = instance.staticIpName === undefined ? undefined : state.staticIps.get(instance.staticIpName);
  const related = { staticIp, disks: [...state.disks.values()] };
  return { instance: instanceJson(instance, ctx.now, state.config.region, state.phase('publicIpDelayMs'), related) };
};

/** Whether an instance has finished being created (attachments need it). */
export function isCreated(ctx: ActionContext, instance: InstanceRecord): boolean {
  return isTerminalAt(instance.createOp, ctx.now) && instanceStateAt(instance, ctx.now) !== 'error';
}
