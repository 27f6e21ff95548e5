/**
 * Static IP actions: allocate, attach, detach, release and get. All are answered already `Succeeded`.
 */
import { invalidInput } from '../api-error.js';
import type { OperationRecord } from '../lifecycle.js';
import { type InstanceRecord, type StaticIpRecord, staticIpJson } from '../resources.js';
import { type ActionContext, type ActionHandler, operationsJson } from './context.js';
import { requireName } from './input.js';
import { findInstance, findStaticIp, throwIfNamesTaken } from './lookup.js';

function staticIpOperation(ctx: ActionContext, operationType: string, ip: string, details: string): OperationRecord {
  return ctx.state.startOperation(
    { operationType, resourceName: ip, resourceType: 'StaticIp', availabilityZone: 'all', operationDetails: details, instant: true },
    ctx.now,
  );
}

/** The two operations of an attach or detach: one on the static IP, one on the instance, each naming the other. */
function pairOperations(ctx: ActionContext, operationType: string, ip: StaticIpRecord, instance: InstanceRecord): OperationRecord[] {
  return [
    staticIpOperation(ctx, operationType, ip.name, instance.name),
    ctx.state.startOperation(
      {
        operationType,
        resourceName: instance.name,
        resourceType: 'Instance',
        availabilityZone: instance.availabilityZone,
        operationDetails: ip.name,
        instant: true,
      },
      ctx.now,
    ),
  ];
}

const allSucceeded = (ops: readonly OperationRecord[]): boolean => ops.every((op) => op.finalStatus !== 'Failed');

/** `AllocateStaticIp {staticIpName}` → one `Succeeded` operation. */
export const allocateStaticIp: ActionHandler = (ctx, input) => {
  const name = requireName(input, 'staticIpName');
  const { state } = ctx;
  throwIfNamesTaken(ctx, [name]);
  const op = staticIpOperation(ctx, 'AllocateStaticIp', name, '');
  if (op.finalStatus !== 'Failed') {
    const ipAddress = state.addresses.nextPublic('staticIp');
    state.staticIps.set(name, {
      name,
      arn: state.arn('StaticIp'),
      supportCode: state.supportCode(ipAddress),
      createdAt: ctx.now,
      ipAddress,
      attachedTo: undefined,
    });
  }
  return { operations: operationsJson(ctx, [op]) };
};

/** `AttachStaticIp {staticIpName, instanceName}` → two `Succeeded` operations. */
export const attachStaticIp: ActionHandler = (ctx, input) => {
  const ip = findStaticIp(ctx, requireName(input, 'staticIpName'));
  const instance = findInstance(ctx, requireName(input, 'instanceName'));
  if (ip.attachedTo !== undefined) throw invalidInput(`The static IP ${ip.name} is already attached to ${ip.attachedTo}.`);
  if (instance.staticIpName !== undefined) {
    throw invalidInput(`The instance ${instance.name} already has the static IP ${instance.staticIpName}.`);
  }
  const ops = pairOperations(ctx, 'AttachStaticIp', ip, instance);
  if (allSucceeded(ops)) {
    ip.attachedTo = instance.name;
    instance.staticIpName = ip.name;
  }
  return { operations: operationsJson(ctx, ops) };
};

function detach(ctx: ActionContext, ip: StaticIpRecord): void {
  const instance = ip.attachedTo === undefined ? undefined : ctx.state.instances.get(ip.attachedTo);
  if (instance !== undefined) instance.staticIpName = undefined;
  ip.attachedTo = undefined;
}

/** `DetachStaticIp {staticIpName}` → two `Succeeded` operations. */
export const detachStaticIp: ActionHandler = (ctx, input) => {
  const ip = findStaticIp(ctx, requireName(input, 'staticIpName'));
  if (ip.attachedTo === undefined) throw invalidInput(`The static IP ${ip.name} is not attached to an instance.`);
  const ops = pairOperations(ctx, 'DetachStaticIp', ip, findInstance(ctx, ip.attachedTo));
  if (allSucceeded(ops)) detach(ctx, ip);
  return { operations: operationsJson(ctx, ops) };
};

/** `ReleaseStaticIp {staticIpName}` → one `Succeeded` operation; an attached IP is detached first. */
export const releaseStaticIp: ActionHandler = (ctx, input) => {
  const ip = findStaticIp(ctx, requireName(input, 'staticIpName'));
  const op = staticIpOperation(ctx, 'ReleaseStaticIp', ip.name, '');
  if (op.finalStatus !== 'Failed') {
    detach(ctx, ip);
    ctx.state.staticIps.delete(ip.name);
  }
  return { operations: operationsJson(ctx, [op]) };
};

/** `GetStaticIp {staticIpName}` → `{staticIp}`. */
export const getStaticIp: ActionHandler = (ctx, input) => ({
  staticIp: staticIpJson(findStaticIp(ctx, requireName(input, 'staticIpName')), ctx.state.config.region),
});
