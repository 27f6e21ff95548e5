import {
  type Container,
  CreateContainerServiceCommand,
  CreateContainerServiceDeploymentCommand,
  type EndpointRequest,
  GetContainerLogCommand,
  GetContainerServiceDeploymentsCommand,
  GetContainerServicesCommand,
} from '@aws-sdk/client-lightsail';
import type { Fixture } from './helpers.js';

/** The default container service phases (ms), as `DEFAULT_RESOURCE_DURATIONS_MS` sets them. */
export const CREATE_MS = 60_000;
export const UPDATE_MS = 120_000;
export const DELETING_MS = 10_000;
export const DEPLOY_CREATE_MS = 90_000;
export const HEALTH_MS = 120_000;
export const ACTIVATE_MS = 90_000;
/** A whole successful deployment. */
export const DEPLOY_MS = DEPLOY_CREATE_MS + HEALTH_MS + ACTIVATE_MS;

export const WEB: Record<string, Container> = { web: { image: 'nginx:latest', ports: { '80': 'HTTP' } } };
export const ENDPOINT: EndpointRequest = { containerName: 'web', containerPort: 80 };

/** Creates a container service (`nano`, scale 1), optionally with a deployment. */
export const createService = (f: Fixture, serviceName = 'app', withDeployment = false) =>
  f.client.send(
    new CreateContainerServiceCommand({
      serviceName,
      power: 'nano',
      scale: 1,
      ...(withDeployment ? { deployment: { containers: WEB, publicEndpoint: ENDPOINT } } : {}),
    }),
  );

/** Creates a container service and moves the clock past its creation: it is `READY`. */
export async function readyService(f: Fixture, serviceName = 'app'): Promise<void> {
  await createService(f, serviceName);
  f.clock.advance(CREATE_MS);
}

/** Creates a deployment of `containers` (default one nginx container behind the public endpoint). */
export const deploy = (f: Fixture, serviceName = 'app', containers: Record<string, Container> = WEB) =>
  f.client.send(
    new CreateContainerServiceDeploymentCommand({
      serviceName,
      containers,
      ...(containers === WEB ? { publicEndpoint: ENDPOINT } : {}),
    }),
  );

/** The service as `GetContainerServices` returns it. */
export async function serviceOf(f: Fixture, serviceName = 'app') {
  const { containerServices } = await f.client.send(new GetContainerServicesCommand({ serviceName }));
  return containerServices?.[0];
}

/** `[state, stateDetail.code]` of the service. */
export async function statusOf(f: Fixture, serviceName = 'app'): Promise<[string | undefined, string | undefined]> {
  const service = await serviceOf(f, serviceName);
  return [service?.state, service?.stateDetail?.code];
}

/** `[version, state]` of every deployment, newest first. */
export async function deploymentsOf(f: Fixture, serviceName = 'app'): Promise<Array<[number | undefined, string | undefined]>> {
  const { deployments } = await f.client.send(new GetContainerServiceDeploymentsCommand({ serviceName }));
  return (deployments ?? []).map((d) => [d.version, d.state]);
}

/** The messages of a container's log (first page). */
export async function logOf(f: Fixture, containerName = 'web', serviceName = 'app'): Promise<string[]> {
  const { logEvents } = await f.client.send(new GetContainerLogCommand({ serviceName, containerName }));
  return (logEvents ?? []).map((e) => e.message ?? '');
}
