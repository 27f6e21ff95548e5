import {
  ContainerServiceDeploymentState,
  CreateContainerServiceDeploymentCommand,
  GetContainerServiceDeploymentsCommand,
  InvalidInputException,
  UpdateContainerServiceCommand,
} from '@aws-sdk/client-lightsail';
import { describe, expect, it } from 'vitest';
import {
  ACTIVATE_MS,
  CREATE_MS,
  createService,
  DEPLOY_CREATE_MS,
  DEPLOY_MS,
  deploy,
  deploymentsOf,
  ENDPOINT,
  HEALTH_MS,
  logOf,
  readyService,
  serviceOf,
  statusOf,
  WEB,
} from './containers.js';
import { setup, T0 } from './helpers.js';

describe('container service deployments', () => {
  it('moves a READY service through every deployment phase to RUNNING, version 1 ACTIVE', async () => {
    const f = await setup();
    await readyService(f);
    const { containerService } = await deploy(f);
    expect(containerService).toMatchObject({
      state: 'DEPLOYING',
      stateDetail: { code: 'CREATING_DEPLOYMENT', message: expect.any(String) },
      nextDeployment: {
        version: 1,
        state: ContainerServiceDeploymentState.ACTIVATING,
        containers: { web: { image: 'nginx:latest', command: [], environment: {}, ports: { '80': 'HTTP' } } },
        publicEndpoint: {
          containerName: 'web',
          containerPort: 80,
          healthCheck: {
            healthyThreshold: 2,
            unhealthyThreshold: 2,
            timeoutSeconds: 2,
            intervalSeconds: 5,
            path: '/',
            successCodes: '200-499',
          },
        },
        createdAt: new Date(T0 + CREATE_MS),
      },
    });
    const seen: string[] = [];
    for (const step of [DEPLOY_CREATE_MS, HEALTH_MS, ACTIVATE_MS]) {
      f.clock.advance(step - 1);
      seen.push((await statusOf(f)).join('/'));
      f.clock.advance(1);
    }
    expect(seen).toEqual(['DEPLOYING/CREATING_DEPLOYMENT', 'DEPLOYING/EVALUATING_HEALTH_CHECK', 'DEPLOYING/ACTIVATING_DEPLOYMENT']);
    expect(await serviceOf(f)).toMatchObject({ state: 'RUNNING', currentDeployment: { version: 1, state: 'ACTIVE' } });
    expect(await deploymentsOf(f)).toEqual([[1, 'ACTIVE']]);
  });

  it('keeps the running deployment current while the next one activates, then makes it INACTIVE', async () => {
    const f = await setup();
    await readyService(f);
    await deploy(f);
    f.clock.advance(DEPLOY_MS);
    await deploy(f, 'app', { web: { image: 'nginx:1.27', ports: { '80': 'HTTP' } } });
    expect(await serviceOf(f)).toMatchObject({
      state: 'DEPLOYING',
      currentDeployment: { version: 1, state: 'ACTIVE' },
      nextDeployment: { version: 2, state: 'ACTIVATING' },
    });
    expect(await deploymentsOf(f)).toEqual([
      [2, 'ACTIVATING'],
      [1, 'ACTIVE'],
    ]);
    f.clock.advance(DEPLOY_MS);
    expect(await serviceOf(f)).toMatchObject({
      state: 'RUNNING',
      currentDeployment: { version: 2, containers: { web: { image: 'nginx:1.27' } } },
    });
    expect(await deploymentsOf(f)).toEqual([
      [2, 'ACTIVE'],
      [1, 'INACTIVE'],
    ]);
  });

  it('supersedes a deployment still activating: it turns INACTIVE at once and never ACTIVE', async () => {
    const f = await setup();
    await readyService(f);
    await deploy(f);
    f.clock.advance(DEPLOY_CREATE_MS + HEALTH_MS);
    const { containerService } = await deploy(f);
    expect(containerService).toMatchObject({
      state: 'DEPLOYING',
      stateDetail: { code: 'CREATING_DEPLOYMENT' },
      nextDeployment: { version: 2 },
    });
    expect(await deploymentsOf(f)).toEqual([
      [2, 'ACTIVATING'],
      [1, 'INACTIVE'],
    ]);
    f.clock.advance(ACTIVATE_MS);
    expect(await deploymentsOf(f)).toEqual([
      [2, 'ACTIVATING'],
      [1, 'INACTIVE'],
    ]);
    f.clock.advance(DEPLOY_MS - ACTIVATE_MS);
    expect(await deploymentsOf(f)).toEqual([
      [2, 'ACTIVE'],
      [1, 'INACTIVE'],
    ]);
    expect((await logOf(f)).filter((line) => line.startsWith('[deployment:1]')).at(-1)).toBe('[deployment:1] Canceled');
  });

  it('keeps the 50 most recent versions, and the running one', async () => {
    const f = await setup();
    await readyService(f);
    await deploy(f);
    f.clock.advance(DEPLOY_MS);
    for (let i = 0; i < 54; i += 1) {
      await deploy(f);
      f.clock.advance(1000);
    }
    const versions = (await deploymentsOf(f)).map(([version]) => version);
    expect(versions).toHaveLength(50);
    expect(versions.slice(0, 2)).toEqual([55, 54]);
    expect(versions.slice(-2)).toEqual([7, 1]);
    expect((await serviceOf(f))?.currentDeployment?.version).toBe(1);
  });

  it('fails a deployment (failDeployments): FAILED after the health check, the service back on the previous one', async () => {
    const f = await setup();
    await readyService(f);
    await deploy(f);
    f.clock.advance(DEPLOY_MS);
    f.sim.failDeployments({ serviceName: 'app', reason: 'Error: Cannot find module /app/server.js' });
    await deploy(f);
    f.clock.advance(DEPLOY_CREATE_MS + HEALTH_MS - 1);
    expect(await statusOf(f)).toEqual(['DEPLOYING', 'EVALUATING_HEALTH_CHECK']);
    f.clock.advance(1);
    expect(await deploymentsOf(f)).toEqual([
      [2, 'FAILED'],
      [1, 'ACTIVE'],
    ]);
    const service = await serviceOf(f);
    expect(service).toMatchObject({ state: 'RUNNING', currentDeployment: { version: 1 } });
    expect(service?.nextDeployment).toBeUndefined();
    const log = (await logOf(f)).filter((line) => line.startsWith('[deployment:2]'));
    expect(log.filter((line) => line === '[deployment:2] Started 1 new node')).toHaveLength(3);
    expect(log.filter((line) => line.includes('Cannot find module'))).toHaveLength(3);
    expect(log.slice(-2)).toEqual(['[deployment:2] Took too long', '[deployment:2] Canceled']);
  });

  it('leaves a service whose first deployment fails READY, without a current deployment', async () => {
    const f = await setup({ deploymentFailures: [{ image: 'broken' }] });
    await readyService(f);
    await deploy(f, 'app', { web: { image: 'example/broken:1' } });
    f.clock.advance(DEPLOY_MS);
    const service = await serviceOf(f);
    expect(service?.state).toBe('READY');
    expect(service?.currentDeployment).toBeUndefined();
    expect(await logOf(f)).toContain('[deployment:1] Container exited with code 1');
  });

  it('fails only the deployments a rule selects, including one already in progress', async () => {
    const f = await setup();
    await readyService(f);
    await readyService(f, 'other');
    await deploy(f);
    await deploy(f, 'other');
    f.clock.advance(DEPLOY_CREATE_MS);
    f.sim.failDeployments({ image: 'nginx', serviceName: 'app' });
    f.clock.advance(DEPLOY_MS);
    expect(await deploymentsOf(f)).toEqual([[1, 'FAILED']]);
    expect(await deploymentsOf(f, 'other')).toEqual([[1, 'ACTIVE']]);
    expect((await logOf(f)).join('\n')).toContain('Health check failed: web:80/ did not answer 200-499');
    f.sim.clearDeploymentFailures();
    await deploy(f);
    f.clock.advance(DEPLOY_MS);
    expect((await deploymentsOf(f))[0]).toEqual([2, 'ACTIVE']);
  });

  it.each([
    ['PENDING', 0],
    ['UPDATING', -1],
  ])('refuses a deployment while the service is %s', async (state, wait) => {
    const f = await setup();
    await createService(f);
    if (wait < 0) {
      f.clock.advance(CREATE_MS);
      await f.client.send(new UpdateContainerServiceCommand({ serviceName: 'app', scale: 2 }));
    }
    const error = await deploy(f).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputException);
    expect((error as Error).message).toContain(state);
  });

  it.each([
    [{ containers: {} }, '1 to 10 containers'],
    [{ containers: { Web: { image: 'nginx' } } }, 'containers key'],
    [{ containers: { web: {} } }, 'containers.web.image'],
    [{ containers: WEB, publicEndpoint: { ...ENDPOINT, containerName: 'api' } }, 'api'],
    [
      { containers: { web: { image: 'nginx', ports: { '53': 'UDP' } } }, publicEndpoint: { containerName: 'web', containerPort: 53 } },
      'HTTP',
    ],
    [{ containers: WEB, publicEndpoint: { ...ENDPOINT, healthCheck: { intervalSeconds: 1 } } }, 'intervalSeconds'],
  ])('answers InvalidInputException to the deployment %j', async (input, text) => {
    const f = await setup();
    await readyService(f);
    const error = await f.client
      .send(new CreateContainerServiceDeploymentCommand({ serviceName: 'app', ...input } as never))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputException);
    expect((error as Error).message).toContain(text);
  });

  it('refuses a deployment without containers without calling the optional member required', async () => {
    const f = await setup();
    await readyService(f);
    const error = await f.client.send(new CreateContainerServiceDeploymentCommand({ serviceName: 'app' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputException);
    expect((error as Error).message).toBe('A deployment must have 1 to 10 containers, got 0.');
    expect(await deploymentsOf(f)).toEqual([]);
  });

  it('lists no deployments for a new service', async () => {
    const f = await setup();
    await createService(f);
    const { deployments } = await f.client.send(new GetContainerServiceDeploymentsCommand({ serviceName: 'app' }));
    expect(deployments).toEqual([]);
  });
});
