/**
 * Load balancer actions: create, get, attach instances and detach instances. Operations and their
 * statuses follow the CLI examples create-load-balancer.rst and attach-instances-to-load-balancer.rst.
 */
import { randomUUID } from 'node:crypto';
import { invalidInput } from '../api-error.js';
import { isTerminalAt, type OperationRecord } from '../lifecycle.js';
import { healthAt, type LoadBalancerRecord, loadBalancerJson, loadBalancerStateAt } from '../load-balancers.js';
import { instanceStateAt } from '../resources.js';
import { type ActionContext, type ActionHandler, type ActionInput, operationsJson } from './context.js';
import { optionalString, optionalStrings, requireIntegerIn, requireName, requireNames } from './input.js';
import { isCreated } from './instances.js';
import { addLbCertificate } from './lb-certificates.js';
import { findInstance, findLoadBalancer, throwIfNamesTaken } from './lookup.js';

function lbOperation(ctx: ActionContext, operationType: string, lb: string, details: string, instant: boolean): OperationRecord {
  return ctx.state.startOperation(
    { operationType, resourceName: lb, resourceType: 'LoadBalancer', availabilityZone: 'all', operationDetails: details, instant },
    ctx.now,
  );
}

/**
 * `CreateLoadBalancer {loadBalancerName, instancePort, healthCheckPath?, certificateName?, certificateDomainName?, …}`
 * → a `Started` `CreateLoadBalancer` operation, plus, when a certificate is asked for, two already
 * `Succeeded` `CreateLoadBalancerTlsCertificate` operations (one `LoadBalancerTlsCertificate`, one
 * `LoadBalancer`), exactly as the CLI example. The load balancer is `provisioning` until
 * `loadBalancerActiveMs` after its operation succeeded, then `active`; `failed` if it fails.
 */
export const createLoadBalancer: ActionHandler = (ctx, input) => {
  const name = requireName(input, 'loadBalancerName');
  const instancePort = requireIntegerIn(input, 'instancePort', 0, 65_535);
  const certificateName = input.certificateName === undefined ? undefined : requireName(input, 'certificateName');
  const certificateDomainName = optionalString(input, 'certificateDomainName');
  if ((certificateName === undefined) !== (certificateDomainName === undefined)) {
    throw invalidInput('Specify both `certificateName` and `certificateDomainName`, or neither.');
  }
  const alternatives = optionalStrings(input, 'certificateAlternativeNames');
  const { state } = ctx;
  throwIfNamesTaken(ctx, [name]);
  const op = lbOperation(ctx, 'CreateLoadBalancer', name, '', false);
  const lb: LoadBalancerRecord = {
    name,
    arn: state.arn('LoadBalancer'),
    supportCode: state.supportCode(),
    createdAt: ctx.now,
    dnsName: `${randomUUID().replace(/-/g, '')}-${Math.floor(Math.random() * 1e9)}.${state.config.region}.elb.amazonaws.com`,
    instancePort,
    healthCheckPath: optionalString(input, 'healthCheckPath') ?? '/',
    ipAddressType: optionalString(input, 'ipAddressType') ?? 'dualstack',
    createOp: op,
    activeAfter: state.phase('loadBalancerActiveMs'),
    attachments: new Map(),
    certificates: new Map(),
  };
  state.loadBalancers.set(name, lb);
  const ops = [op];
  if (certificateName !== undefined && certificateDomainName !== undefined) {
    addLbCertificate(ctx, lb, certificateName, certificateDomainName, alternatives);
    // The CLI example names the load balancer (not the certificate) as the resource of both operations.
    ops.push(
      ctx.state.startOperation(
        {
          operationType: 'CreateLoadBalancerTlsCertificate',
          resourceName: name,
          resourceType: 'LoadBalancerTlsCertificate',
          availabilityZone: 'all',
          operationDetails: name,
          instant: true,
        },
        ctx.now,
      ),
      lbOperation(ctx, 'CreateLoadBalancerTlsCertificate', name, certificateName, true),
    );
  }
  return { operations: operationsJson(ctx, ops) };
};

/** The `instanceHealthSummary` of a load balancer at the request's instant. */
function healthSummary(ctx: ActionContext, lb: LoadBalancerRecord): object[] {
  const { state, now } = ctx;
  const summary: object[] = [];
  for (const attachment of lb.attachments.values()) {
    const instance = state.instances.get(attachment.instanceName);
    const entry = healthAt(attachment, now, {
      healthCheck: state.phase('healthCheckMs'),
      instanceState: instance === undefined ? undefined : instanceStateAt(instance, now),
      setting: state.rules.healthAt(attachment.instanceName, now),
    });
    if (entry !== undefined) summary.push(entry);
  }
  return summary;
}

/** `GetLoadBalancer {loadBalancerName}` → `{loadBalancer}` with its `state` and `instanceHealthSummary`. */
export const getLoadBalancer: ActionHandler = (ctx, input) => {
  const lb = findLoadBalancer(ctx, requireName(input, 'loadBalancerName'));
  return { loadBalancer: loadBalancerJson(lb, ctx.now, ctx.state.config.region, healthSummary(ctx, lb)) };
};

/** Whether the instance is listed in the load balancer's health summary at the request's instant. */
function isListed(ctx: ActionContext, lb: LoadBalancerRecord, instanceName: string): boolean {
  return healthSummary(ctx, lb).some((entry) => (entry as { instanceName: string }).instanceName === instanceName);
}

/** One pair of `Started` operations per instance: on the load balancer and on the instance, each naming the other. */
function pairs(ctx: ActionContext, operationType: string, lb: LoadBalancerRecord, names: readonly string[]) {
  return names.map((instanceName) => {
    const lbOp = lbOperation(ctx, operationType, lb.name, instanceName, false);
    const instanceOp = ctx.state.startOperation(
      {
        operationType,
        resourceName: instanceName,
        resourceType: 'Instance',
        availabilityZone: 'all',
        operationDetails: lb.name,
        instant: false,
      },
      ctx.now,
    );
    return { instanceName, lbOp, instanceOp };
  });
}

function resolve(ctx: ActionContext, input: ActionInput): { lb: LoadBalancerRecord; names: string[] } {
  const lb = findLoadBalancer(ctx, requireName(input, 'loadBalancerName'));
  const names = requireNames(input, 'instanceNames');
  for (const name of names) findInstance(ctx, name);
  return { lb, names };
}

/**
 * `AttachInstancesToLoadBalancer {loadBalancerName, instanceNames}` → two `Started` operations per
 * instance; each instance is `initial` until its attach succeeds and one health check passes.
 */
export const attachInstancesToLoadBalancer: ActionHandler = (ctx, input) => {
  const { lb, names } = resolve(ctx, input);
  const lbState = loadBalancerStateAt(lb, ctx.now);
  if (lbState !== 'active') throw invalidInput(`The load balancer ${lb.name} is ${lbState}; it must be active.`);
  for (const name of names) {
    if (!isCreated(ctx, findInstance(ctx, name))) throw invalidInput(`The instance ${name} is not ready; wait until it is created.`);
    if (isListed(ctx, lb, name)) throw invalidInput(`The instance ${name} is already attached to ${lb.name}.`);
  }
  const created = pairs(ctx, 'AttachInstancesToLoadBalancer', lb, names);
  for (const { instanceName, lbOp } of created) lb.attachments.set(instanceName, { instanceName, attachOp: lbOp, detachOp: undefined });
  return {
    operations: operationsJson(
      ctx,
      created.flatMap(({ lbOp, instanceOp }) => [lbOp, instanceOp]),
    ),
  };
};

/**
 * `DetachInstancesFromLoadBalancer {loadBalancerName, instanceNames}` → two `Started` operations per
 * instance; each instance is `draining` until they succeed, then no longer listed.
 */
export const detachInstancesFromLoadBalancer: ActionHandler = (ctx, input) => {
  const { lb, names } = resolve(ctx, input);
  for (const name of names) {
    const attachment = lb.attachments.get(name);
    if (attachment === undefined || !isListed(ctx, lb, name)) throw invalidInput(`The instance ${name} is not attached to ${lb.name}.`);
    if (attachment.detachOp !== undefined && !isTerminalAt(attachment.detachOp, ctx.now)) {
      throw invalidInput(`The instance ${name} is already being detached from ${lb.name}.`);
    }
  }
  const created = pairs(ctx, 'DetachInstancesFromLoadBalancer', lb, names);
  for (const { instanceName, lbOp } of created) {
    const attachment = lb.attachments.get(instanceName);
    if (attachment !== undefined) attachment.detachOp = lbOp;
  }
  return {
    operations: operationsJson(
      ctx,
      created.flatMap(({ lbOp, instanceOp }) => [lbOp, instanceOp]),
    ),
  };
};
