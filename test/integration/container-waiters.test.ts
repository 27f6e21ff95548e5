// The container service waiters through the real LightsailClient over HTTP against the simulator:
// a deployment that becomes active, one that fails (with its logs), one superseded, a disabled
// service, a deleted one, and logs that cannot be read.
import {
  CreateContainerServiceCommand,
  CreateContainerServiceDeploymentCommand,
  type CreateContainerServiceDeploymentCommandOutput,
  DeleteContainerServiceCommand,
  GetContainerLogCommand,
  type LightsailClient,
  UpdateContainerServiceCommand,
} from '@aws-sdk/client-lightsail';
import { describe, expect, it } from 'vitest';
import {
  type ContainerDeploymentFailedError,
  containerServiceDeleted,
  isContainerDeploymentFailedError,
  LOG_TAIL,
  Waiter,
  waitForContainerServiceDeployment,
  waitForContainerServiceReady,
} from '../../src/index.js';
import { fast, requestsFor, setup } from './helpers.js';

// A 5-minute deployment takes 300 ms here; a service is created in 60 ms.
const SCALE = { timeScale: 1000 };

async function readyService(client: LightsailClient, serviceName = 'api') {
  await client.send(new CreateContainerServiceCommand({ serviceName, power: 'nano', scale: 1 }));
  return waitForContainerServiceReady(client, serviceName, fast());
}

const deploy = (client: LightsailClient, image: string, serviceName = 'api'): Promise<CreateContainerServiceDeploymentCommandOutput> =>
  client.send(
    new CreateContainerServiceDeploymentCommand({
      serviceName,
      containers: { web: { image, ports: { '80': 'HTTP' } } },
      publicEndpoint: { containerName: 'web', containerPort: 80 },
    }),
  );

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail('expected the wait to reject'),
    (error: unknown) => error as ContainerDeploymentFailedError,
  );

describe('container service deployments', () => {
  it('waits on the version the deploy call started until it is ACTIVE and the service RUNNING', async () => {
    const { client } = await setup({ simulator: SCALE });
    expect((await readyService(client)).state).toBe('READY');
    const deployed = await deploy(client, 'nginx:1.27');
    const { version, deployment, containerService } = await waitForContainerServiceDeployment(client, deployed, fast());
    expect(version).toBe(deployed.containerService?.nextDeployment?.version);
    expect(deployment?.state).toBe('ACTIVE');
    expect(containerService.state).toBe('RUNNING');
  });

  it('a deployment that fails its health check rejects with the reason and each container log tail', async () => {
    const { client } = await setup({ simulator: { ...SCALE, deploymentFailures: [{ image: 'broken' }] } });
    await readyService(client);
    await waitForContainerServiceDeployment(client, await deploy(client, 'nginx:1.27'), fast());
    const error = await rejection(waitForContainerServiceDeployment(client, await deploy(client, 'example/broken:2'), fast()));
    expect(isContainerDeploymentFailedError(error)).toBe(true);
    expect(error).toMatchObject({
      serviceName: 'api',
      version: 2,
      reason: 'deployment 2 FAILED',
      deploymentState: 'FAILED',
      serviceState: 'RUNNING',
    });
    expect(error.logs).toHaveLength(1);
    expect(error.logs[0]?.containerName).toBe('web');
    expect(error.logs[0]?.lines.some((line) => line.includes('Health check failed'))).toBe(true);
    expect(error.logs[0]?.error).toBeUndefined();
  });

  it('the log tail is the end of the log, however many pages the log takes', async () => {
    // 12 lines, 2 a page: more pages than one window may read. A 3 s deployment (time scale 100),
    // so that a slow machine's late look at the failure still finds the last lines near "now".
    const { client, sim } = await setup({
      simulator: {
        timeScale: 100,
        containerLogPageSize: 2,
        deploymentFailures: [{ serviceName: 'api', reason: 'Error: Cannot find module /app/server.js' }],
      },
    });
    await readyService(client);
    const error = await rejection(waitForContainerServiceDeployment(client, await deploy(client, 'nginx:1.27'), fast()));
    const lines = error.logs[0]?.lines ?? [];
    expect(lines.slice(-2)).toEqual(['[deployment:1] Took too long', '[deployment:1] Canceled']);
    expect(error.message).toContain('Last log line: web: [deployment:1] Canceled.');
    expect(requestsFor(sim, 'GetContainerLog').length).toBeLessThanOrEqual(LOG_TAIL.requests);
    // The lines are the last ones of the whole log, in order.
    const whole: string[] = [];
    let pageToken: string | undefined;
    do {
      const page = await client.send(
        new GetContainerLogCommand({ serviceName: 'api', containerName: 'web', ...(pageToken ? { pageToken } : {}) }),
      );
      whole.push(...(page.logEvents ?? []).map((event) => event.message ?? ''));
      pageToken = page.nextPageToken;
    } while (pageToken);
    expect(whole.length).toBeGreaterThan(LOG_TAIL.pages * 2);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(whole.slice(-lines.length)).toEqual(lines);
  });

  it('logs that cannot be read do not hide the deployment failure', async () => {
    const { client, sim } = await setup({ simulator: { ...SCALE, deploymentFailures: [{ serviceName: 'api' }] } });
    await readyService(client);
    sim.injectFault({ action: 'GetContainerLog', kind: 'AccessDeniedException', times: Number.POSITIVE_INFINITY });
    const error = await rejection(waitForContainerServiceDeployment(client, await deploy(client, 'nginx:1.27'), fast()));
    expect(error).toMatchObject({ reason: 'deployment 1 FAILED' });
    expect(error.logs).toEqual([{ containerName: 'web', lines: [], error: expect.stringMatching(/^AccessDeniedException/) }]);
  });

  it('a newer deployment supersedes the one waited on', async () => {
    const { client } = await setup({ simulator: SCALE });
    await readyService(client);
    const first = await deploy(client, 'nginx:1.27');
    const waiting = rejection(waitForContainerServiceDeployment(client, first, fast()));
    await deploy(client, 'nginx:1.28');
    expect(await waiting).toMatchObject({
      version: 1,
      reason: expect.stringMatching(/^deployment 1 (was superseded by deployment 2|went INACTIVE without becoming active)$/),
    });
  });

  it('a service disabled while deploying fails the wait; a deleted one ends container-service-deleted', async () => {
    // The simulator's time stands still while `frozenAt` is set, so that the deletion cannot end
    // before the waiter's first poll, however slow the machine.
    let frozenAt: number | undefined;
    const { client } = await setup({ simulator: { ...SCALE, now: () => frozenAt ?? Date.now() } });
    await readyService(client);
    await waitForContainerServiceDeployment(client, await deploy(client, 'nginx:1.27'), fast());
    await client.send(new UpdateContainerServiceCommand({ serviceName: 'api', isDisabled: true }));
    const error = await rejection(waitForContainerServiceDeployment(client, { serviceName: 'api', version: 1 }, fast()));
    expect(error.reason === 'the service is DISABLED' || error.reason.startsWith('deployment 1')).toBe(true);
    frozenAt = Date.now();
    await client.send(new DeleteContainerServiceCommand({ serviceName: 'api' }));
    const deleted = new Waiter(client, containerServiceDeleted, 'api', fast());
    deleted.once('status', () => {
      frozenAt = undefined;
    });
    // Resolves with the last answer before the service was gone: it was being deleted.
    expect((await deleted.wait())?.state).toBe('DELETING');
  });
});
