/**
 * Container service actions: create, get, update, delete. None returns an operation; each (but the
 * delete, answered `{}`) returns the `containerService` as seen at the request's instant.
 */
import { randomUUID } from 'node:crypto';
import { invalidInput } from '../api-error.js';
import { containerServiceJson } from '../container-json.js';
import type { ContainerServiceRecord } from '../container-services.js';
import { serviceStatusAt } from '../container-services.js';
import { ACCOUNT_ID } from '../state.js';
import { addDeployment, readDeploymentRequest } from './container-deployments.js';
import { checkDomainCount, readDomainNames, readEcrPuller, readPower, readScale, requireServiceName } from './container-input.js';
import type { ActionHandler } from './context.js';
import { optionalBoolean, optionalObject, readTags } from './input.js';
import { findContainerService, purgeContainerServices, throwIfNamesTaken } from './lookup.js';

/** A random lower-case alphanumeric string, like the one in a service's default domain. */
function randomId(length: number): string {
  return randomUUID().replace(/-/g, '').slice(0, length);
}

/**
 * `CreateContainerService {serviceName, power, scale, publicDomainNames?, tags?, deployment?, privateRegistryAccess?}`
 * → `{containerService}`, `PENDING` for `containerServiceCreateMs`, then `READY`; with a `deployment`, the
 * deployment (version 1) starts then and the service is `DEPLOYING`, then `RUNNING`. A service whose name is
 * given to `failContainerService` stays `PENDING` with that `stateDetail` once its creation would have ended.
 */
export const createContainerService: ActionHandler = (ctx, input) => {
  const name = requireServiceName(input);
  const power = readPower(input, true) as string;
  const scale = readScale(input, true) as number;
  const publicDomainNames = readDomainNames(input) ?? {};
  checkDomainCount(publicDomainNames);
  const tags = readTags(input);
  const deploymentInput = optionalObject(input, 'deployment');
  const deployment = deploymentInput === undefined ? undefined : readDeploymentRequest(deploymentInput);
  const { state, now } = ctx;
  purgeContainerServices(ctx);
  throwIfNamesTaken(ctx, [name]);
  const { region } = state.config;
  const service: ContainerServiceRecord = {
    name,
    arn: state.arn('ContainerService'),
    createdAt: now,
    // Dev guide: the default domain is https://<ServiceName>.<RandomGUID>.<AWSRegion>.cs.amazonlightsail.com
    url: `https://${name}.${randomId(13)}.${region}.cs.amazonlightsail.com/`,
    principalArn: `arn:aws:iam::${ACCOUNT_ID}:role/amazon/lightsail/${region}/containers/${name}/${randomId(26)}`,
    tags,
    power,
    scale,
    publicDomainNames,
    ecrPullerActive: readEcrPuller(input) ?? false,
    isDisabled: false,
    readyAt: now + state.phase('containerServiceCreateMs'),
    createFailure: state.containerRules.serviceFailure(name),
    update: undefined,
    deletedAt: undefined,
    deployments: [],
    nextVersion: 1,
  };
  state.containerServices.set(name, service);
  if (deployment !== undefined) {
    const certificate = Object.keys(publicDomainNames).length > 0 ? ['PROVISIONING_CERTIFICATE'] : [];
    const provisioning = ['CREATING_SYSTEM_RESOURCES', 'CREATING_NETWORK_INFRASTRUCTURE', ...certificate, 'PROVISIONING_SERVICE'];
    addDeployment(ctx, service, deployment, service.readyAt, provisioning);
  }
  return { containerService: containerServiceJson(service, now, region) };
};

/** `GetContainerServices {serviceName?}` → `{containerServices}`; an unknown name is answered `NotFoundException`. */
export const getContainerServices: ActionHandler = (ctx, input) => {
  const given = input.serviceName;
  purgeContainerServices(ctx);
  const list =
    given === undefined || given === null || given === ''
      ? [...ctx.state.containerServices.values()]
      : [findContainerService(ctx, requireServiceName(input))];
  return { containerServices: list.map((service) => containerServiceJson(service, ctx.now, ctx.state.config.region)) };
};

/**
 * `UpdateContainerService {serviceName, power?, scale?, isDisabled?, publicDomainNames?, privateRegistryAccess?}`
 * → `{containerService}`, `UPDATING` for `containerServiceUpdateMs`, then `DISABLED`, `READY` or `RUNNING`.
 * Only a `READY`, `RUNNING` or `DISABLED` service can be updated (no public evidence for the other states).
 * A certificate given with no domain names is detached (terraform-provider-aws sends that to detach one).
 */
export const updateContainerService: ActionHandler = (ctx, input) => {
  const service = findContainerService(ctx, requireServiceName(input));
  const power = readPower(input, false);
  const scale = readScale(input, false);
  const isDisabled = optionalBoolean(input, 'isDisabled');
  const domains = readDomainNames(input);
  const ecr = readEcrPuller(input);
  if ([power, scale, isDisabled, domains, ecr].every((v) => v === undefined)) {
    throw invalidInput('Specify at least one of `power`, `scale`, `isDisabled`, `publicDomainNames` or `privateRegistryAccess`.');
  }
  const { state } = serviceStatusAt(service, ctx.now);
  if (state !== 'READY' && state !== 'RUNNING' && state !== 'DISABLED') {
    throw invalidInput(`The container service ${service.name} is ${state}; it can be updated when READY, RUNNING or DISABLED.`);
  }
  let merged = service.publicDomainNames;
  if (domains !== undefined) {
    merged = { ...service.publicDomainNames, ...domains };
    for (const [cert, names] of Object.entries(domains)) if (names.length === 0) delete merged[cert];
    checkDomainCount(merged);
  }
  service.publicDomainNames = merged;
  if (power !== undefined) service.power = power;
  if (scale !== undefined) service.scale = scale;
  if (isDisabled !== undefined) service.isDisabled = isDisabled;
  if (ecr !== undefined) service.ecrPullerActive = ecr;
  service.update = {
    start: ctx.now,
    end: ctx.now + ctx.state.phase('containerServiceUpdateMs'),
    codes: domains === undefined ? ['PROVISIONING_SERVICE'] : ['PROVISIONING_CERTIFICATE', 'PROVISIONING_SERVICE'],
  };
  return { containerService: containerServiceJson(service, ctx.now, ctx.state.config.region) };
};

/** `DeleteContainerService {serviceName}` → `{}`; `DELETING` for `containerServiceDeletingMs`, then `NotFoundException`. */
export const deleteContainerService: ActionHandler = (ctx, input) => {
  const service = findContainerService(ctx, requireServiceName(input));
  if (service.deletedAt !== undefined) throw invalidInput(`The container service ${service.name} is already being deleted.`);
  service.deletedAt = ctx.now;
  return {};
};
