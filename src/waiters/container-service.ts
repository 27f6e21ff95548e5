import { type ContainerService, GetContainerServicesCommand, type GetContainerServicesCommandOutput } from '@aws-sdk/client-lightsail';
import { defineWaiter, type SendClient } from '../engine/waiter-definition.js';
import { checkServiceName, notFound, readNamedInput } from './resource-input.js';

/** A client that can send `GetContainerServices`: a `LightsailClient` fits. */
export type GetContainerServicesClient = SendClient<GetContainerServicesCommand, GetContainerServicesCommandOutput>;

/** What the container service waiters take: `GetContainerServices`' input. */
export interface ContainerServiceInput {
  /** The container service's name. */
  readonly serviceName: string;
}

/** `stateDetail.code`s that say the service will not get there on its own (`ContainerServiceStateDetailCode`). */
export const CONTAINER_SERVICE_FAILED_DETAILS: ReadonlySet<string> = new Set(['CERTIFICATE_LIMIT_EXCEEDED', 'UNKNOWN_ERROR']);

/** Reads the named service from a `GetContainerServices` answer; not-found when it is missing. */
export async function getContainerService(
  client: GetContainerServicesClient,
  serviceName: string,
  signal: AbortSignal,
): Promise<ContainerService> {
  const output = await client.send(new GetContainerServicesCommand({ serviceName }), { abortSignal: signal });
  const service = output.containerServices?.find((s) => s.containerServiceName === serviceName);
  if (service === undefined) throw notFound(`No Lightsail container service named ${serviceName}`);
  return service;
}

/** `RUNNING: ACTIVATING_DEPLOYMENT`: the service's state and its detail code, as progress shows it. */
export function serviceDetail(service: ContainerService): string | undefined {
  if (service.state === undefined) return undefined;
  const code = service.stateDetail?.code;
  return code ? `${service.state}: ${code}` : service.state;
}

const serviceInput = (value: unknown): ContainerServiceInput => ({
  serviceName: readNamedInput('serviceName', value, checkServiceName).serviceName,
});
const describe = ({ serviceName }: ContainerServiceInput) => `Lightsail container service ${serviceName}`;

/**
 * `container-service-ready`: `GetContainerServices` until the service is `READY` (created, no
 * deployment yet) or `RUNNING`, after a create or an update. Fails fast when it is `DISABLED`,
 * being deleted, or its `stateDetail.code` is `CERTIFICATE_LIMIT_EXCEEDED` or `UNKNOWN_ERROR`.
 */
export const containerServiceReady = defineWaiter<GetContainerServicesClient, ContainerServiceInput, ContainerService>({
  name: 'container-service-ready',
  action: 'GetContainerServices',
  input: serviceInput,
  target: ({ serviceName }) => serviceName,
  describe,
  probe: (client, { serviceName }, { signal }) => getContainerService(client, serviceName, signal),
  acceptors: [
    { state: 'success', matches: (service) => service.state === 'READY' || service.state === 'RUNNING' },
    { state: 'failure', matches: (service) => service.state === 'DISABLED', reason: 'the service is DISABLED' },
    { state: 'failure', matches: (service) => service.state === 'DELETING', reason: 'the service is being deleted' },
    {
      state: 'failure',
      matches: (service) => CONTAINER_SERVICE_FAILED_DETAILS.has(service.stateDetail?.code ?? ''),
      reason: (service) =>
        `the service reports ${service.stateDetail?.code}${service.stateDetail?.message ? `: ${service.stateDetail.message}` : ''}`,
    },
  ],
  state: (service) => service.state,
  detail: (service) => service.stateDetail?.code,
  // terraform-provider-aws PR #20625: its container service acceptance runs, each a create and a delete,
  // passed in 85 s, 341 s and 62 s; the developer guide (amazon-lightsail-creating-container-services.md):
  // "After a few moments, the status of your service changes to Ready".
  typicalDurationMs: [30_000, 300_000],
});

/** `container-service-deleted`: `GetContainerServices` until Lightsail answers not-found for the service. */
export const containerServiceDeleted = defineWaiter<GetContainerServicesClient, ContainerServiceInput, ContainerService | undefined>({
  name: 'container-service-deleted',
  action: 'GetContainerServices',
  input: serviceInput,
  target: ({ serviceName }) => serviceName,
  describe,
  probe: (client, { serviceName }, { signal }) => getContainerService(client, serviceName, signal),
  acceptors: [{ state: 'success', error: 'NotFoundException' }],
  state: (service) => service?.state,
  typicalDurationMs: [10_000, 600_000],
});
