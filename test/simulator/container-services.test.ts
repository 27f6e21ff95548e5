import {
  ContainerServiceState,
  ContainerServiceStateDetailCode,
  CreateContainerServiceCommand,
  DeleteContainerServiceCommand,
  GetContainerServiceDeploymentsCommand,
  GetContainerServicesCommand,
  InvalidInputException,
  NotFoundException,
  UpdateContainerServiceCommand,
} from '@aws-sdk/client-lightsail';
import { describe, expect, it } from 'vitest';
import {
  ACTIVATE_MS,
  CREATE_MS,
  createService,
  DELETING_MS,
  DEPLOY_CREATE_MS,
  DEPLOY_MS,
  deploy,
  HEALTH_MS,
  readyService,
  serviceOf,
  statusOf,
  UPDATE_MS,
  WEB,
} from './containers.js';
import { expectModelledMembers, raw, setup, T0, target } from './helpers.js';

describe('container services', () => {
  it('answers CreateContainerService with the service PENDING and no operation', async () => {
    const f = await setup();
    const answer = await raw(f.sim, {
      target: target('CreateContainerService'),
      body: JSON.stringify({ serviceName: 'app', power: 'nano', scale: 1 }),
    });
    expect(Object.keys(answer.body ?? {})).toEqual(['containerService']);
    expect(f.sim.requests.at(-1)).toMatchObject({ action: 'CreateContainerService', resourceName: 'app', status: 200 });
    const containerService = await serviceOf(f);
    expect(containerService).toMatchObject({
      containerServiceName: 'app',
      arn: expect.stringMatching(/^arn:aws:lightsail:us-east-1:\d{12}:ContainerService\/[0-9a-f-]{36}$/),
      createdAt: new Date(T0),
      location: { regionName: 'us-east-1' },
      resourceType: 'ContainerService',
      power: 'nano',
      scale: 1,
      state: ContainerServiceState.PENDING,
      isDisabled: false,
      privateDomainName: 'app.service.local',
      url: expect.stringMatching(/^https:\/\/app\.[a-z0-9]+\.us-east-1\.cs\.amazonlightsail\.com\/$/),
    });
    expect(containerService?.stateDetail).toBeUndefined();
  });

  it('is PENDING for containerServiceCreateMs, then READY', async () => {
    const f = await setup();
    await createService(f);
    f.clock.advance(CREATE_MS - 1);
    expect(await statusOf(f)).toEqual(['PENDING', undefined]);
    f.clock.advance(1);
    expect(await statusOf(f)).toEqual(['READY', undefined]);
  });

  it('created with a deployment: PENDING, DEPLOYING through every code, then RUNNING on version 1', async () => {
    const f = await setup();
    const { containerService } = await createService(f, 'app', true);
    expect(containerService).toMatchObject({ state: 'PENDING', nextDeployment: { version: 1, state: 'ACTIVATING' } });
    expect(containerService?.currentDeployment).toBeUndefined();
    f.clock.advance(CREATE_MS);
    const codes: Array<string | undefined> = [];
    for (let t = 0; t < DEPLOY_CREATE_MS; t += DEPLOY_CREATE_MS / 4) {
      codes.push((await statusOf(f))[1]);
      f.clock.advance(DEPLOY_CREATE_MS / 4);
    }
    expect(codes).toEqual([
      ContainerServiceStateDetailCode.CREATING_SYSTEM_RESOURCES,
      ContainerServiceStateDetailCode.CREATING_NETWORK_INFRASTRUCTURE,
      ContainerServiceStateDetailCode.PROVISIONING_SERVICE,
      ContainerServiceStateDetailCode.CREATING_DEPLOYMENT,
    ]);
    expect(await statusOf(f)).toEqual(['DEPLOYING', 'EVALUATING_HEALTH_CHECK']);
    f.clock.advance(HEALTH_MS);
    expect(await statusOf(f)).toEqual(['DEPLOYING', 'ACTIVATING_DEPLOYMENT']);
    f.clock.advance(ACTIVATE_MS - 1);
    expect((await serviceOf(f))?.nextDeployment?.state).toBe('ACTIVATING');
    f.clock.advance(1);
    const service = await serviceOf(f);
    expect(service).toMatchObject({ state: 'RUNNING', currentDeployment: { version: 1, state: 'ACTIVE' } });
    expect(service?.nextDeployment).toBeUndefined();
    expect(service?.stateDetail).toBeUndefined();
  });

  it('reports PROVISIONING_CERTIFICATE when created with public domain names and a deployment', async () => {
    const f = await setup();
    await f.client.send(
      new CreateContainerServiceCommand({
        serviceName: 'app',
        power: 'micro',
        scale: 2,
        publicDomainNames: { 'cert-1': ['example.com', 'www.example.com'] },
        deployment: { containers: WEB },
      }),
    );
    f.clock.advance(CREATE_MS + (DEPLOY_CREATE_MS / 5) * 2);
    expect(await statusOf(f)).toEqual(['DEPLOYING', 'PROVISIONING_CERTIFICATE']);
    expect((await serviceOf(f))?.publicDomainNames).toEqual({ 'cert-1': ['example.com', 'www.example.com'] });
  });

  it('divides every phase by timeScale', async () => {
    const f = await setup({ timeScale: 1000 });
    await createService(f, 'app', true);
    f.clock.advance((CREATE_MS + DEPLOY_MS) / 1000);
    expect(await statusOf(f)).toEqual(['RUNNING', undefined]);
  });

  it('sends only members of the SDK model, with and without deployments in progress', async () => {
    const f = await setup();
    await createService(f, 'app', true);
    f.clock.advance(CREATE_MS + DEPLOY_MS);
    await deploy(f);
    const output = await f.client.send(new GetContainerServicesCommand({ serviceName: 'app' }));
    expect(output.containerServices?.[0]).toMatchObject({ currentDeployment: { version: 1 }, nextDeployment: { version: 2 } });
    await expectModelledMembers(f, 'GetContainerServices', { serviceName: 'app' }, output);
    const deployments = await f.client.send(new GetContainerServiceDeploymentsCommand({ serviceName: 'app' }));
    await expectModelledMembers(f, 'GetContainerServiceDeployments', { serviceName: 'app' }, deployments);
  });

  it('lists every service without a name, and answers NotFoundException for an unknown one', async () => {
    const f = await setup();
    await createService(f, 'app');
    await createService(f, 'api');
    const { containerServices } = await f.client.send(new GetContainerServicesCommand({}));
    expect(containerServices?.map((s) => s.containerServiceName)).toEqual(['app', 'api']);
    await expect(serviceOf(f, 'ghost')).rejects.toBeInstanceOf(NotFoundException);
  });

  it('disables (UPDATING, then DISABLED, keeping its deployment) and enables again', async () => {
    const f = await setup();
    await createService(f, 'app', true);
    f.clock.advance(CREATE_MS + DEPLOY_MS);
    const { containerService } = await f.client.send(new UpdateContainerServiceCommand({ serviceName: 'app', isDisabled: true }));
    expect(containerService).toMatchObject({ state: 'UPDATING', isDisabled: true, stateDetail: { code: 'PROVISIONING_SERVICE' } });
    f.clock.advance(UPDATE_MS);
    expect(await serviceOf(f)).toMatchObject({ state: 'DISABLED', isDisabled: true, currentDeployment: { version: 1, state: 'ACTIVE' } });
    await expect(deploy(f)).rejects.toThrow(/DISABLED/);
    await f.client.send(new UpdateContainerServiceCommand({ serviceName: 'app', isDisabled: false }));
    expect(await statusOf(f)).toEqual(['UPDATING', 'PROVISIONING_SERVICE']);
    f.clock.advance(UPDATE_MS);
    expect(await serviceOf(f)).toMatchObject({ state: 'RUNNING', isDisabled: false });
  });

  it('updates power and scale through UPDATING, back to READY', async () => {
    const f = await setup();
    await readyService(f);
    await f.client.send(new UpdateContainerServiceCommand({ serviceName: 'app', power: 'small', scale: 3 }));
    f.clock.advance(UPDATE_MS - 1);
    expect(await statusOf(f)).toEqual(['UPDATING', 'PROVISIONING_SERVICE']);
    f.clock.advance(1);
    expect(await serviceOf(f)).toMatchObject({ state: 'READY', power: 'small', scale: 3 });
  });

  it.each([
    ['while PENDING', 0],
    ['while DEPLOYING', CREATE_MS],
  ])('refuses an update %s with InvalidInputException', async (_label, wait) => {
    const f = await setup();
    await createService(f, 'app', true);
    f.clock.advance(wait);
    const error = await f.client.send(new UpdateContainerServiceCommand({ serviceName: 'app', scale: 2 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputException);
  });

  it('deletes: {} at once, DELETING for containerServiceDeletingMs, then NotFoundException everywhere', async () => {
    const f = await setup();
    await readyService(f);
    const output = await f.client.send(new DeleteContainerServiceCommand({ serviceName: 'app' }));
    expect(Object.keys(output).filter((k) => k !== '$metadata')).toEqual([]);
    expect(await statusOf(f)).toEqual(['DELETING', undefined]);
    f.clock.advance(DELETING_MS);
    await expect(serviceOf(f)).rejects.toBeInstanceOf(NotFoundException);
    await expect(f.client.send(new GetContainerServiceDeploymentsCommand({ serviceName: 'app' }))).rejects.toBeInstanceOf(
      NotFoundException,
    );
    const { containerServices } = await f.client.send(new GetContainerServicesCommand({}));
    expect(containerServices).toEqual([]);
    await createService(f, 'app');
    expect(await statusOf(f)).toEqual(['PENDING', undefined]);
  });

  it.each([
    [{ serviceName: 'App', power: 'nano', scale: 1 }, 'serviceName'],
    [{ serviceName: 'app', power: 'huge', scale: 1 }, 'power'],
    [{ serviceName: 'app', power: 'nano', scale: 0 }, 'scale'],
    [{ serviceName: 'app', power: 'nano', scale: 21 }, 'scale'],
    [{ serviceName: 'app', power: 'nano' }, 'scale'],
    [{ serviceName: 'app', power: 'nano', scale: 1, publicDomainNames: { c: ['a.com', 'b.com', 'c.com', 'd.com', 'e.com'] } }, '4'],
  ])('answers InvalidInputException to CreateContainerService %j', async (input, text) => {
    const f = await setup();
    const error = await f.client.send(new CreateContainerServiceCommand(input as never)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputException);
    expect((error as Error).message).toContain(text);
  });

  it('answers InvalidInputException to a name already in use', async () => {
    const f = await setup();
    await createService(f);
    await expect(createService(f)).rejects.toThrow(/already in use/);
  });
});
