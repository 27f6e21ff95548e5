import {
  type ContainerService,
  type ContainerServiceDeployment,
  GetContainerServiceDeploymentsCommand,
  type GetContainerServiceDeploymentsCommandOutput,
} from '@aws-sdk/client-lightsail';
import { failedRequestTo } from '../engine/request-action.js';
import { assertCount, describeValue } from '../engine/validate.js';
import { defineWaiter, type SendClient } from '../engine/waiter-definition.js';
import type { GetContainerLogClient } from './container-logs.js';
import {
  CONTAINER_SERVICE_FAILED_DETAILS,
  type GetContainerServicesClient,
  getContainerService,
  serviceDetail,
} from './container-service.js';
import { checkServiceName, notFound } from './resource-input.js';

/** A client for the deployment waiter: `GetContainerServices`, `GetContainerServiceDeployments`, `GetContainerLog`. A `LightsailClient` fits. */
export type ContainerDeploymentClient = GetContainerServicesClient &
  SendClient<GetContainerServiceDeploymentsCommand, GetContainerServiceDeploymentsCommandOutput> &
  GetContainerLogClient;

/** Which deployment to wait on. */
export interface ContainerDeploymentInput {
  /** The container service's name. */
  readonly serviceName: string;
  /** The deployment's version. @default the service's `nextDeployment`, or its `currentDeployment` when there is none */
  readonly version?: number | undefined;
}

/** What a `CreateContainerServiceDeployment` or `UpdateContainerService` call returned: accepted as the input. */
export interface ContainerServiceOutputLike {
  /** The service as the call returned it: its name, and the deployment the call started as `nextDeployment`. */
  readonly containerService?: Pick<ContainerService, 'containerServiceName' | 'nextDeployment' | 'currentDeployment'> | undefined;
}

/** What each look found: the service, the version waited on, and that deployment. */
export interface ContainerDeploymentState {
  /** The service, from `GetContainerServices`. */
  readonly containerService: ContainerService;
  /** The version waited on, once known. */
  readonly version: number | undefined;
  /** The deployment of that version: the service's next or current one, or from `GetContainerServiceDeployments`. */
  readonly deployment: ContainerServiceDeployment | undefined;
}

/** Reads the input: a service name, `{ serviceName, version? }`, or the output of a deploy call. */
export function readDeploymentInput(value: unknown): ContainerDeploymentInput {
  if (typeof value === 'string') return { serviceName: checkServiceName('serviceName', value) };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(
      `Expected a container service name, \`{ serviceName, version? }\`, or the output of CreateContainerServiceDeployment, got ${describeValue(value)}`,
    );
  }
  const output = (value as ContainerServiceOutputLike).containerService;
  if (output !== undefined) {
    // The deploy call's answer: its nextDeployment is the one it started.
    const serviceName = checkServiceName('containerService.containerServiceName', output?.containerServiceName);
    const version = output.nextDeployment?.version;
    return version === undefined ? { serviceName } : { serviceName, version };
  }
  const { serviceName, version } = value as { serviceName?: unknown; version?: unknown };
  checkServiceName('serviceName', serviceName);
  if (version === undefined) return { serviceName: serviceName as string };
  assertCount('version', version, 1);
  return { serviceName: serviceName as string, version };
}

const newest = (service: ContainerService): number =>
  Math.max(service.nextDeployment?.version ?? 0, service.currentDeployment?.version ?? 0);
const failed = (reason: string | ((s: ContainerDeploymentState) => string), matches: (s: ContainerDeploymentState) => boolean) =>
  ({ state: 'failure', matches, reason }) as const;

/**
 * `container-service-deployment-active`: `GetContainerServices` (and, once the deployment is
 * neither next nor current, `GetContainerServiceDeployments`) until **that version** is `ACTIVE`
 * and the service `RUNNING`. Fails fast when the deployment `FAILED`, when it is superseded (a
 * newer deployment appears, or it goes `INACTIVE` before it was ever active), when the service is
 * `DISABLED` or deleted, or its `stateDetail.code` is `CERTIFICATE_LIMIT_EXCEEDED`/`UNKNOWN_ERROR`.
 * Progress: the deployment's state, with the service's state and detail code as `detail`.
 */
export const containerServiceDeploymentActive = defineWaiter<ContainerDeploymentClient, ContainerDeploymentInput, ContainerDeploymentState>(
  {
    name: 'container-service-deployment-active',
    action: 'GetContainerServices',
    input: readDeploymentInput,
    target: ({ serviceName }) => serviceName,
    describe: ({ serviceName, version }) => `Lightsail container service ${serviceName} deployment ${version ?? '(next)'}`,
    probe: async (client, input, { signal, previous, nextTurn }) => {
      const service = await getContainerService(client, input.serviceName, signal);
      const version = input.version ?? previous?.version ?? (service.nextDeployment ?? service.currentDeployment)?.version;
      let deployment = [service.nextDeployment, service.currentDeployment].find((d) => d !== undefined && d.version === version);
      if (deployment === undefined && version !== undefined) {
        await nextTurn();
        const { deployments } = await client
          .send(new GetContainerServiceDeploymentsCommand({ serviceName: input.serviceName }), { abortSignal: signal })
          .catch((error: unknown) => {
            throw failedRequestTo('GetContainerServiceDeployments', error);
          });
        deployment = deployments?.find((d) => d.version === version);
        // Newer than every deployment listed: not visible yet (the deploy call has just returned),
        // not gone. Not found, so it is retried for `notFoundGraceMs` (Terraform's deployment
        // waiter likewise lets a version it cannot find yet go 20 looks).
        const listed = Math.max(newest(service), ...(deployments ?? []).map((d) => d.version ?? 0));
        if (deployment === undefined && version > listed) {
          throw notFound(
            `Lightsail container service ${input.serviceName} lists no deployment ${version} (its newest is ${listed || 'none'})`,
          );
        }
      }
      return { containerService: service, version, deployment };
    },
    acceptors: [
      failed('the service is DISABLED', (s) => s.containerService.state === 'DISABLED'),
      failed('the service is being deleted', (s) => s.containerService.state === 'DELETING'),
      failed(
        (s) =>
          `the service reports ${s.containerService.stateDetail?.code}${s.containerService.stateDetail?.message ? `: ${s.containerService.stateDetail.message}` : ''}`,
        (s) => CONTAINER_SERVICE_FAILED_DETAILS.has(s.containerService.stateDetail?.code ?? ''),
      ),
      failed('the service has no deployment to wait on', (s) => s.version === undefined),
      failed(
        (s) => `deployment ${s.version} FAILED`,
        (s) => s.deployment?.state === 'FAILED',
      ),
      failed(
        (s) => `deployment ${s.version} was superseded by deployment ${newest(s.containerService)}`,
        (s) => newest(s.containerService) > (s.version ?? 0),
      ),
      failed(
        (s) => `deployment ${s.version} went INACTIVE without becoming active`,
        (s) => s.deployment?.state === 'INACTIVE',
      ),
      failed(
        (s) => `deployment ${s.version} is not among the service's deployments`,
        (s) => s.deployment === undefined,
      ),
      { state: 'success', matches: (s) => s.deployment?.state === 'ACTIVE' && s.containerService.state === 'RUNNING' },
    ],
    state: (s) => s.deployment?.state,
    detail: (s) => serviceDetail(s.containerService),
    // A public Lightsail deploy runbook measured a "~5 min floor of Lightsail blue/green (ACTIVATING)";
    // the image pull and health checks of a slow container add to it.
    typicalDurationMs: [180_000, 900_000],
  },
);
