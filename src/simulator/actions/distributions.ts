/**
 * Distribution actions: create, update and get. Create and update each return one `operation`
 * (the service model's `CreateDistributionResult` and `UpdateDistributionResult`), answered `Started`
 * (no public response shows its status); the distribution's `status` is `InProgress` until
 * `distributionDeployMs` after the change (and not before the operation ends), then `Deployed`.
 * Every distribution action is served only in us-east-1 (`requireUsEast1`).
 */
import { invalidInput } from '../api-error.js';
import { type DistributionOrigin, type DistributionRecord, distributionJson } from '../distributions.js';
import type { OperationRecord } from '../lifecycle.js';
import { type ActionContext, type ActionHandler, type ActionInput, operationsJson } from './context.js';
import { optionalBoolean, optionalObject, optionalString, requireName, requireObject, requireString } from './input.js';
import { findDistribution, throwIfNamesTaken } from './lookup.js';

const BEHAVIORS = ['dont-cache', 'cache'];
// The service model's `OriginProtocolPolicyEnum` (botocore lightsail 2016-11-28 service-2.json): only these two.
const PROTOCOL_POLICIES = ['http-only', 'https-only'];

/**
 * Refuses a distribution action outside us-east-1 with the wording of the service model's
 * `InvalidInputException` (botocore lightsail 2016-11-28 service-2.json: "Domain and distribution APIs
 * are only available in the N. Virginia (us-east-1) …"; its `CreateCertificate` doc: "all distributions
 * are located in the us-east-1 Region"). Real answers to the domain half of the rule are this exception
 * with HTTP 400 (rebuy-de/aws-nuke#138) and `code` `UnsupportedOperation` (clouddrove/terraform-aws-lightsail#12);
 * no real distribution answer is published. Checked before the input, as a wrong region makes any input moot.
 */
function requireUsEast1(ctx: ActionContext): void {
  if (ctx.state.config.region === 'us-east-1') return;
  throw invalidInput(
    'Domain and distribution APIs are only available in the N. Virginia (us-east-1) Amazon Web Services Region. ' +
      'Please set your Amazon Web Services Region configuration to us-east-1 to create, view, or edit these resources.',
    'UnsupportedOperation',
  );
}

function readOrigin(ctx: ActionContext, origin: ActionInput): DistributionOrigin {
  const name = requireName(origin, 'name');
  const protocolPolicy = optionalString(origin, 'protocolPolicy') ?? 'http-only';
  if (!PROTOCOL_POLICIES.includes(protocolPolicy))
    throw invalidInput(`The origin protocolPolicy ${JSON.stringify(protocolPolicy)} is not valid.`);
  const { state } = ctx;
  const resourceType = state.instances.has(name) ? 'Instance' : state.loadBalancers.has(name) ? 'LoadBalancer' : 'Bucket';
  return { name, regionName: requireString(origin, 'regionName'), resourceType, protocolPolicy };
}

function readBehavior(behavior: ActionInput): string {
  const value = requireString(behavior, 'behavior');
  if (!BEHAVIORS.includes(value)) throw invalidInput(`The defaultCacheBehavior behavior ${JSON.stringify(value)} is not valid.`);
  return value;
}

/** The public DNS name of an origin: a load balancer's DNS name, an instance's address, or a bucket's endpoint. */
function originDns(ctx: ActionContext, origin: DistributionOrigin): string {
  const { state } = ctx;
  const lb = state.loadBalancers.get(origin.name);
  if (lb !== undefined) return lb.dnsName;
  const instance = state.instances.get(origin.name);
  if (instance !== undefined) return state.publicAddressOf(instance, ctx.now) ?? '';
  return `${origin.name}.s3.${origin.regionName}.amazonaws.com`;
}

function startChange(ctx: ActionContext, operationType: string, name: string): { op: OperationRecord; deployedAt: number } {
  const op = ctx.state.startOperation(
    { operationType, resourceName: name, resourceType: 'Distribution', availabilityZone: 'all', operationDetails: '', instant: false },
    ctx.now,
  );
  return { op, deployedAt: Math.max(op.endAt, ctx.now + ctx.state.phase('distributionDeployMs')) };
}

function single(ctx: ActionContext, op: OperationRecord): object {
  return operationsJson(ctx, [op])[0] as object;
}

/** `CreateDistribution {distributionName, origin, defaultCacheBehavior, bundleId, …}` → `{distribution, operation}`. */
export const createDistribution: ActionHandler = (ctx, input) => {
  requireUsEast1(ctx);
  const name = requireName(input, 'distributionName');
  const origin = readOrigin(ctx, requireObject(input, 'origin'));
  const defaultBehavior = readBehavior(requireObject(input, 'defaultCacheBehavior'));
  const bundleId = requireString(input, 'bundleId');
  const { state } = ctx;
  throwIfNamesTaken(ctx, [name]);
  const record: DistributionRecord = {
    name,
    arn: state.arn('Distribution'),
    supportCode: state.supportCode(),
    createdAt: ctx.now,
    domainName: `d${state.supportCode().slice(-13)}.cloudfront.net`,
    bundleId,
    origin,
    originPublicDNS: originDns(ctx, origin),
    defaultBehavior,
    isEnabled: true,
    change: startChange(ctx, 'CreateDistribution', name),
  };
  state.distributions.set(name, record);
  return { distribution: distributionJson(record, ctx.now, state.config.region), operation: single(ctx, record.change.op) };
};

/** `UpdateDistribution {distributionName, origin?, defaultCacheBehavior?, isEnabled?, …}` → `{operation}`; `InProgress` again until deployed. */
export const updateDistribution: ActionHandler = (ctx, input) => {
  requireUsEast1(ctx);
  const dist = findDistribution(ctx, requireName(input, 'distributionName'));
  const origin = optionalObject(input, 'origin');
  const behavior = optionalObject(input, 'defaultCacheBehavior');
  const isEnabled = optionalBoolean(input, 'isEnabled');
  if (origin !== undefined) {
    dist.origin = readOrigin(ctx, origin);
    dist.originPublicDNS = originDns(ctx, dist.origin);
  }
  if (behavior !== undefined) dist.defaultBehavior = readBehavior(behavior);
  if (isEnabled !== undefined) dist.isEnabled = isEnabled;
  dist.change = startChange(ctx, 'UpdateDistribution', dist.name);
  return { operation: single(ctx, dist.change.op) };
};

/** `GetDistributions {distributionName?}` → `{distributions}`; an unknown name is answered `NotFoundException`. */
export const getDistributions: ActionHandler = (ctx, input) => {
  requireUsEast1(ctx);
  const name = optionalString(input, 'distributionName');
  const list = name === undefined || name === '' ? [...ctx.state.distributions.values()] : [findDistribution(ctx, name)];
  return { distributions: list.map((dist) => distributionJson(dist, ctx.now, ctx.state.config.region)) };
};
