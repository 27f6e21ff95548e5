import {
  AttachInstancesToLoadBalancerCommand,
  CreateLoadBalancerCommand,
  DeleteInstanceCommand,
  DetachInstancesFromLoadBalancerCommand,
  GetLoadBalancerCommand,
  GetOperationCommand,
  InvalidInputException,
  NotFoundException,
  StopInstanceCommand,
} from '@aws-sdk/client-lightsail';
import { describe, expect, it } from 'vitest';
import { expectModelledMembers, type Fixture, runningInstance, setup } from './helpers.js';

const CREATE_MS = 60_000;
const ACTIVE_AFTER_MS = 60_000;
const ATTACH_MS = 40_000;
const HEALTH_CHECK_MS = 30_000;

const getLb = async (f: Fixture) => (await f.client.send(new GetLoadBalancerCommand({ loadBalancerName: 'lb-1' }))).loadBalancer;
const healthOf = async (f: Fixture) => (await getLb(f))?.instanceHealthSummary;

/** An active load balancer `lb-1` and running instances. */
async function activeLb(f: Fixture, ...instances: string[]): Promise<void> {
  for (const name of instances) await runningInstance(f, name);
  await f.client.send(new CreateLoadBalancerCommand({ loadBalancerName: 'lb-1', instancePort: 80 }));
  f.clock.advance(CREATE_MS + ACTIVE_AFTER_MS);
}

const attach = (f: Fixture, instanceNames: string[]) =>
  f.client.send(new AttachInstancesToLoadBalancerCommand({ loadBalancerName: 'lb-1', instanceNames }));

describe('load balancers', () => {
  it('creates with a certificate: one Started and two Succeeded operations, as the CLI example', async () => {
    const f = await setup();
    const { operations } = await f.client.send(
      new CreateLoadBalancerCommand({
        loadBalancerName: 'lb-1',
        instancePort: 80,
        certificateName: 'cert-1',
        certificateDomainName: 'example.com',
        certificateAlternativeNames: ['www.example.com'],
      }),
    );
    expect(operations?.map((op) => [op.operationType, op.resourceType, op.resourceName, op.operationDetails, op.status])).toEqual([
      ['CreateLoadBalancer', 'LoadBalancer', 'lb-1', undefined, 'Started'],
      ['CreateLoadBalancerTlsCertificate', 'LoadBalancerTlsCertificate', 'lb-1', 'lb-1', 'Succeeded'],
      ['CreateLoadBalancerTlsCertificate', 'LoadBalancer', 'lb-1', 'cert-1', 'Succeeded'],
    ]);
    for (const op of operations ?? []) expect(op.location).toEqual({ availabilityZone: 'all', regionName: 'us-east-1' });
  });

  it('creates without a certificate with one Started operation', async () => {
    const f = await setup();
    const { operations } = await f.client.send(new CreateLoadBalancerCommand({ loadBalancerName: 'lb-1', instancePort: 80 }));
    expect(operations).toHaveLength(1);
  });

  it('is provisioning until a minute after its create operation succeeded, then active', async () => {
    const f = await setup();
    const { operations } = await f.client.send(new CreateLoadBalancerCommand({ loadBalancerName: 'lb-1', instancePort: 80 }));
    expect((await getLb(f))?.state).toBe('provisioning');
    f.clock.advance(CREATE_MS);
    const { operation } = await f.client.send(new GetOperationCommand({ operationId: operations?.[0]?.id }));
    expect(operation?.status).toBe('Succeeded');
    expect((await getLb(f))?.state).toBe('provisioning');
    f.clock.advance(ACTIVE_AFTER_MS);
    expect((await getLb(f))?.state).toBe('active');
  });

  it('is failed when its create fails', async () => {
    const f = await setup();
    f.sim.failOperations({ operationType: 'CreateLoadBalancer' }, { errorCode: 'LimitExceeded' });
    await f.client.send(new CreateLoadBalancerCommand({ loadBalancerName: 'lb-1', instancePort: 80 }));
    f.clock.advance(CREATE_MS);
    expect((await getLb(f))?.state).toBe('failed');
  });

  it('returns the documented shape with only members of the SDK model', async () => {
    const f = await setup();
    await activeLb(f, 'web-1');
    await attach(f, ['web-1']);
    const output = await f.client.send(new GetLoadBalancerCommand({ loadBalancerName: 'lb-1' }));
    expect(output.loadBalancer).toMatchObject({
      name: 'lb-1',
      resourceType: 'LoadBalancer',
      location: { availabilityZone: 'all', regionName: 'us-east-1' },
      dnsName: expect.stringMatching(/\.us-east-1\.elb\.amazonaws\.com$/),
      protocol: 'HTTP',
      instancePort: 80,
      healthCheckPath: '/',
      instanceHealthSummary: [{ instanceName: 'web-1', instanceHealth: 'initial', instanceHealthReason: 'Lb.RegistrationInProgress' }],
    });
    await expectModelledMembers(f, 'GetLoadBalancer', { loadBalancerName: 'lb-1' }, output);
  });

  it('answers InvalidInputException to attaching to a provisioning load balancer', async () => {
    const f = await setup();
    await runningInstance(f, 'web-1');
    await f.client.send(new CreateLoadBalancerCommand({ loadBalancerName: 'lb-1', instancePort: 80 }));
    await expect(attach(f, ['web-1'])).rejects.toBeInstanceOf(InvalidInputException);
  });
});

describe('instance health', () => {
  it('attaches with two Started operations per instance, each naming the other', async () => {
    const f = await setup();
    await activeLb(f, 'web-1', 'web-2');
    const { operations } = await attach(f, ['web-1', 'web-2']);
    expect(operations?.map((op) => [op.operationType, op.resourceType, op.resourceName, op.operationDetails, op.status])).toEqual([
      ['AttachInstancesToLoadBalancer', 'LoadBalancer', 'lb-1', 'web-1', 'Started'],
      ['AttachInstancesToLoadBalancer', 'Instance', 'web-1', 'lb-1', 'Started'],
      ['AttachInstancesToLoadBalancer', 'LoadBalancer', 'lb-1', 'web-2', 'Started'],
      ['AttachInstancesToLoadBalancer', 'Instance', 'web-2', 'lb-1', 'Started'],
    ]);
  });

  it('goes initial (registration, then initial health checking) → healthy; the operation succeeds first', async () => {
    const f = await setup();
    await activeLb(f, 'web-1');
    const { operations } = await attach(f, ['web-1']);
    expect(await healthOf(f)).toEqual([
      { instanceName: 'web-1', instanceHealth: 'initial', instanceHealthReason: 'Lb.RegistrationInProgress' },
    ]);
    f.clock.advance(ATTACH_MS);
    const { operation } = await f.client.send(new GetOperationCommand({ operationId: operations?.[0]?.id }));
    expect(operation?.status).toBe('Succeeded');
    expect(await healthOf(f)).toEqual([
      { instanceName: 'web-1', instanceHealth: 'initial', instanceHealthReason: 'Lb.InitialHealthChecking' },
    ]);
    f.clock.advance(HEALTH_CHECK_MS);
    expect(await healthOf(f)).toEqual([{ instanceName: 'web-1', instanceHealth: 'healthy' }]);
  });

  it('reports unhealthy from the moment setInstanceHealth says so, and healthy again after', async () => {
    const f = await setup();
    await activeLb(f, 'web-1');
    await attach(f, ['web-1']);
    f.clock.advance(ATTACH_MS + HEALTH_CHECK_MS);
    f.sim.setInstanceHealth('web-1', 'unhealthy');
    expect(await healthOf(f)).toEqual([
      { instanceName: 'web-1', instanceHealth: 'unhealthy', instanceHealthReason: 'Instance.FailedHealthChecks' },
    ]);
    f.sim.setInstanceHealth('web-1', 'healthy');
    expect((await healthOf(f))?.[0]?.instanceHealth).toBe('healthy');
  });

  it('never becomes healthy with the unhealthyInstances option', async () => {
    const f = await setup({ unhealthyInstances: ['web-1'] });
    await activeLb(f, 'web-1');
    await attach(f, ['web-1']);
    f.clock.advance(ATTACH_MS + HEALTH_CHECK_MS);
    expect((await healthOf(f))?.[0]?.instanceHealth).toBe('unhealthy');
  });

  it('reports unused (Instance.InvalidState) for a stopped instance', async () => {
    const f = await setup();
    await activeLb(f, 'web-1');
    await attach(f, ['web-1']);
    f.clock.advance(ATTACH_MS + HEALTH_CHECK_MS);
    await f.client.send(new StopInstanceCommand({ instanceName: 'web-1' }));
    expect(await healthOf(f)).toEqual([{ instanceName: 'web-1', instanceHealth: 'unused', instanceHealthReason: 'Instance.InvalidState' }]);
  });

  it('drains for 300 s when detached, then no longer lists the instance', async () => {
    const f = await setup();
    await activeLb(f, 'web-1');
    await attach(f, ['web-1']);
    f.clock.advance(ATTACH_MS + HEALTH_CHECK_MS);
    const { operations } = await f.client.send(
      new DetachInstancesFromLoadBalancerCommand({ loadBalancerName: 'lb-1', instanceNames: ['web-1'] }),
    );
    expect(operations?.map((op) => [op.operationType, op.status])).toEqual([
      ['DetachInstancesFromLoadBalancer', 'Started'],
      ['DetachInstancesFromLoadBalancer', 'Started'],
    ]);
    expect(await healthOf(f)).toEqual([
      { instanceName: 'web-1', instanceHealth: 'draining', instanceHealthReason: 'Instance.DeregistrationInProgress' },
    ]);
    f.clock.advance(299_999);
    expect((await healthOf(f))?.[0]?.instanceHealth).toBe('draining');
    f.clock.advance(1);
    expect(await healthOf(f)).toEqual([]);
  });

  it('does not list an instance whose attach failed, nor a deleted instance', async () => {
    const f = await setup();
    await activeLb(f, 'web-1', 'web-2');
    f.sim.failOperations({ operationType: 'AttachInstancesToLoadBalancer', resourceName: 'lb-1' }, { errorCode: 'Boom' });
    await attach(f, ['web-1']);
    f.clock.advance(ATTACH_MS);
    expect(await healthOf(f)).toEqual([]);
    f.sim.clearFailures();
    await attach(f, ['web-2']);
    await f.client.send(new DeleteInstanceCommand({ instanceName: 'web-2' }));
    expect(await healthOf(f)).toEqual([]);
  });

  it('answers NotFoundException for an unknown load balancer or instance', async () => {
    const f = await setup();
    await expect(getLb(f)).rejects.toBeInstanceOf(NotFoundException);
    await activeLb(f);
    await expect(attach(f, ['ghost-1'])).rejects.toBeInstanceOf(NotFoundException);
  });
});
