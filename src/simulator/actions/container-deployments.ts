/**
 * Container service deployments: `CreateContainerServiceDeployment`, `GetContainerServiceDeployments`
 * and `GetContainerLog`, and the planning of a deployment's phases.
 *
 * A deployment is accepted while the service is `READY`, `RUNNING` or `DEPLOYING`. While `DEPLOYING`,
 * the new deployment supersedes the one still activating, which ends `INACTIVE` without ever being
 * `ACTIVE` (no public evidence either way; refusing would be the other choice). A `DISABLED` service
 * refuses ("if the container service is disabled, it must be enabled before handling changes on
 * deployment", terraform-provider-aws PR #20625), and so do `PENDING` (terraform waits for `READY` before
 * deploying), `UPDATING` and `DELETING` services (no evidence). Lightsail keeps "the latest 50 deployment
 * versions" (dev guide amazon-lightsail-container-services-deployments.md).
 */
import { invalidInput } from '../api-error.js';
import { containerServiceJson, deploymentJson } from '../container-json.js';
import { containerEvents, defaultFailureReason, hasContainer, matchesPattern, pageEvents } from '../container-logs.js';
import {
  activatingDeployment,
  activeDeployment,
  type ContainerServiceRecord,
  type ContainerSpec,
  type DeploymentRecord,
  type EndpointSpec,
  serviceStatusAt,
} from '../container-services.js';
import { epochSeconds } from '../protocol.js';
import { readContainers, readEndpoint, requireServiceName } from './container-input.js';
import type { ActionContext, ActionHandler, ActionInput } from './context.js';
import { optionalString, requireString } from './input.js';
import { findContainerService } from './lookup.js';

/** How many deployment versions a service keeps. */
export const KEPT_DEPLOYMENTS = 50;

/** A validated deployment request. */
export interface DeploymentRequest {
  readonly containers: Readonly<Record<string, ContainerSpec>>;
  readonly publicEndpoint: EndpointSpec | undefined;
}

/**
 * Reads `containers` and `publicEndpoint` from a request (or from `CreateContainerService`'s `deployment`).
 * The model requires only `serviceName` (botocore `CreateContainerServiceDeploymentRequest`; `containers` is
 * optional in `ContainerServiceDeploymentRequest` too), and what real Lightsail answers to a deployment
 * without containers is unpublished. A deployment launches its containers (the model's operation doc) and
 * terraform-provider-aws makes `container` Required in aws_lightsail_container_service_deployment_version, so
 * a missing `containers` is refused like an empty one ("1 to 10 containers, got 0"), without calling it a
 * required parameter.
 */
export function readDeploymentRequest(input: ActionInput): DeploymentRequest {
  const containers = readContainers(input.containers ?? {});
  return { containers, publicEndpoint: readEndpoint(input.publicEndpoint, containers) };
}

/**
 * Adds a deployment to the service, starting at `startAt`, with the failure rules in force, and drops
 * the oldest versions beyond `KEPT_DEPLOYMENTS` (never the one running).
 */
export function addDeployment(
  ctx: ActionContext,
  service: ContainerServiceRecord,
  request: DeploymentRequest,
  startAt: number,
  provisioningCodes: readonly string[],
): DeploymentRecord {
  const { state, now } = ctx;
  const creatingEnd = startAt + state.phase('containerDeploymentCreateMs');
  const healthEnd = creatingEnd + state.phase('containerHealthCheckMs');
  const serviceFailure = now < service.readyAt ? service.createFailure : undefined;
  const images = Object.values(request.containers).map((c) => c.image);
  const rule = state.containerRules.deploymentFailure(service.name, images);
  let reason: string | undefined;
  if (serviceFailure !== undefined) reason = `The container service could not be created (${serviceFailure})`;
  else if (rule !== undefined) reason = rule.reason ?? defaultFailureReason(request);
  const deployment: DeploymentRecord = {
    version: service.nextVersion,
    createdAt: now,
    containers: request.containers,
    publicEndpoint: request.publicEndpoint,
    nodes: service.scale,
    startAt,
    creatingEnd,
    healthEnd,
    activeAt: healthEnd + state.phase('containerActivationMs'),
    provisioningCodes,
    failure: reason === undefined ? undefined : { reason, since: now },
    supersededAt: undefined,
  };
  service.nextVersion += 1;
  service.deployments.push(deployment);
  const running = activeDeployment(service, now);
  while (service.deployments.length > KEPT_DEPLOYMENTS) {
    const index = service.deployments.findIndex((d) => d !== running);
    service.deployments.splice(index, 1);
  }
  return deployment;
}

/** `CreateContainerServiceDeployment {serviceName, containers?, publicEndpoint?}` → `{containerService}` with the new `nextDeployment`. */
export const createContainerServiceDeployment: ActionHandler = (ctx, input) => {
  const service = findContainerService(ctx, requireServiceName(input));
  const request = readDeploymentRequest(input);
  const { state } = serviceStatusAt(service, ctx.now);
  if (state !== 'READY' && state !== 'RUNNING' && state !== 'DEPLOYING') {
    throw invalidInput(`The container service ${service.name} is ${state}; a deployment needs it READY, RUNNING or DEPLOYING.`);
  }
  const previous = activatingDeployment(service, ctx.now);
  if (previous !== undefined) previous.supersededAt = ctx.now;
  addDeployment(ctx, service, request, ctx.now, []);
  return { containerService: containerServiceJson(service, ctx.now, ctx.state.config.region) };
};

/** `GetContainerServiceDeployments {serviceName}` → `{deployments}`, newest first. */
export const getContainerServiceDeployments: ActionHandler = (ctx, input) => {
  const service = findContainerService(ctx, requireServiceName(input));
  return { deployments: [...service.deployments].reverse().map((d) => deploymentJson(service, d, ctx.now)) };
};

function optionalEpoch(input: ActionInput, name: string): number | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalidInput(`The parameter \`${name}\` must be a timestamp.`);
  return value * 1000;
}

/**
 * `GetContainerLog {serviceName, containerName, startTime?, endTime?, filterPattern?, pageToken?}` →
 * `{logEvents, nextPageToken?}`, oldest first, `containerLogPageSize` a page. A container that no kept
 * deployment has is answered `InvalidInputException` (no public evidence of what Lightsail answers).
 */
export const getContainerLog: ActionHandler = (ctx, input) => {
  const service = findContainerService(ctx, requireServiceName(input));
  const containerName = requireString(input, 'containerName');
  const start = optionalEpoch(input, 'startTime') ?? -Infinity;
  const end = optionalEpoch(input, 'endTime') ?? Infinity;
  const pattern = optionalString(input, 'filterPattern') ?? '';
  if (!hasContainer(service, containerName)) {
    throw invalidInput(`The container ${containerName} is not a container of the deployments of ${service.name}.`);
  }
  const { config } = ctx.state;
  const events = containerEvents(service, containerName, ctx.now, ctx.state.phase('containerLogRetentionMs')).filter(
    (e) => e.at >= start && e.at <= end && matchesPattern(e.message, pattern),
  );
  const { page, nextPageToken } = pageEvents(events, optionalString(input, 'pageToken'), config.containerLogPageSize);
  return {
    logEvents: page.map((e) => ({ createdAt: epochSeconds(e.at), message: e.message })),
    ...(nextPageToken === undefined ? {} : { nextPageToken }),
  };
};
