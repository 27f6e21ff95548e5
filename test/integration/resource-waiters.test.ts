// Every resource waiter through the real LightsailClient over HTTP against the simulator: the
// success path, and each failure path the simulator can be told to produce.
import {
  AttachDiskCommand,
  AttachInstancesToLoadBalancerCommand,
  CreateCertificateCommand,
  CreateDiskCommand,
  CreateDistributionCommand,
  CreateLoadBalancerCommand,
  CreateLoadBalancerTlsCertificateCommand,
  CreateRelationalDatabaseCommand,
  DeleteInstanceCommand,
  type LightsailClient,
  StartInstanceCommand,
  StopInstanceCommand,
} from '@aws-sdk/client-lightsail';
import { describe, expect, it } from 'vitest';
import {
  certificateIssued,
  databaseAvailable,
  instanceRunning,
  isResourceFailedError,
  isResourceRequestError,
  isWaiterTimeoutError,
  Waiter,
  type WaiterStatusEvent,
  waitForCertificateIssued,
  waitForDatabaseAvailable,
  waitForDiskAvailable,
  waitForDiskInUse,
  waitForDistributionDeployed,
  waitForInstanceDeleted,
  waitForInstanceRunning,
  waitForInstanceStopped,
  waitForLoadBalancerActive,
  waitForLoadBalancerCertificateIssued,
  waitForLoadBalancerInstancesHealthy,
  waitUntilRelationalDatabaseAvailable,
} from '../../src/index.js';
import { createInstance, fast, setup } from './helpers.js';

const ZONE = 'us-east-1a';
// Simulated durations ÷ 10,000: a 10-minute database create takes 60 ms.
const SCALE = { timeScale: 10_000 };

async function runningInstance(client: LightsailClient, name: string) {
  await createInstance(client, name);
  return waitForInstanceRunning(client, name, fast());
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected the wait to reject'),
    (error: unknown) => error,
  );
}

function statuses<T>(waiter: { on(event: 'status', listener: (e: WaiterStatusEvent<T>) => void): unknown }): string[] {
  const seen: string[] = [];
  waiter.on('status', (e) => seen.push(`${e.current}${e.detail ? ` (${e.detail})` : ''}`));
  return seen;
}

describe('instance waiters', () => {
  it('instance-running waits past `running` until the public IP is assigned', async () => {
    // Running after 20 s, its IP 5 s later: 400 ms and 100 ms here, polled every 5-15 ms.
    const { client } = await setup({ simulator: { timeScale: 50 } });
    await createInstance(client, 'web-1');
    const waiter = new Waiter(client, instanceRunning, 'web-1', fast({ maxDelayMs: 15 }));
    const seen = statuses(waiter);
    const { instance } = await waiter.wait();
    expect(instance?.state?.name).toBe('running');
    expect(instance?.publicIpAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(seen[0]).toBe('pending');
    expect(seen).toContain('running (no public IP yet)');
    expect(seen.at(-1)).toBe(`running (${instance?.publicIpAddress})`);
  });

  it('instance-stopped and instance-deleted follow StopInstance and DeleteInstance', async () => {
    const { client } = await setup({ simulator: SCALE });
    await runningInstance(client, 'web-1');
    await client.send(new StopInstanceCommand({ instanceName: 'web-1' }));
    expect((await waitForInstanceStopped(client, 'web-1', fast())).instance?.state?.name).toBe('stopped');
    await client.send(new DeleteInstanceCommand({ instanceName: 'web-1' }));
    await expect(waitForInstanceDeleted(client, { instanceName: 'web-1' }, fast())).resolves.toBeUndefined();
  });

  it('an instance whose create fails rejects with ResourceFailedError at once, not at the timeout', async () => {
    const { client, sim } = await setup({ simulator: SCALE });
    sim.failOperations({ operationType: 'CreateInstance' }, { errorCode: 'InternalError' });
    await createInstance(client, 'web-1');
    const error = await rejection(waitForInstanceRunning(client, 'web-1', fast({ timeoutMs: 600_000 })));
    expect(error).toMatchObject({
      waiter: 'instance-running',
      resourceName: 'web-1',
      state: 'terminated',
      reason: 'the instance is terminated',
    });
  });

  it('instance-stopped on an instance being started fails at once', async () => {
    // The start takes 10 h, 3.6 s here: still pending at the first poll, whatever the load.
    const { client } = await setup({ simulator: { ...SCALE, durations: { StartInstance: 36_000_000 } } });
    await runningInstance(client, 'web-1');
    await client.send(new StopInstanceCommand({ instanceName: 'web-1' }));
    await waitForInstanceStopped(client, 'web-1', fast());
    await client.send(new StartInstanceCommand({ instanceName: 'web-1' }));
    const error = await rejection(waitForInstanceStopped(client, 'web-1', fast({ timeoutMs: 600_000 })));
    expect(error).toMatchObject({ waiter: 'instance-stopped', state: 'pending', reason: 'the instance is pending' });
  });

  it('an instance that never appears fails as ResourceRequestError (NotFoundException) once the grace window has passed', async () => {
    const { client } = await setup({ simulator: SCALE });
    const error = await rejection(waitForInstanceRunning(client, 'ghost', fast({ notFoundGraceMs: 30 })));
    expect(isResourceRequestError(error)).toBe(true);
    expect(error).toMatchObject({
      resourceName: 'ghost',
      errorName: 'NotFoundException',
      action: 'GetInstance',
      waiter: 'instance-running',
    });
    expect((error as Error).message).toContain('Lightsail resource ghost does not exist');
  });
});

describe('disk waiters', () => {
  it('disk-available, then disk-in-use after AttachDisk', async () => {
    const { client } = await setup({ simulator: SCALE });
    await runningInstance(client, 'web-1');
    await client.send(new CreateDiskCommand({ diskName: 'data-1', availabilityZone: ZONE, sizeInGb: 32 }));
    expect((await waitForDiskAvailable(client, 'data-1', fast())).disk?.state).toBe('available');
    await client.send(new AttachDiskCommand({ diskName: 'data-1', instanceName: 'web-1', diskPath: '/dev/xvdf' }));
    expect((await waitForDiskInUse(client, 'data-1', fast())).disk?.state).toBe('in-use');
  });

  it('a disk whose create fails rejects with ResourceFailedError in state error', async () => {
    const { client, sim } = await setup({ simulator: SCALE });
    sim.failOperations({ operationType: 'CreateDisk' }, { errorCode: 'InternalError' });
    await client.send(new CreateDiskCommand({ diskName: 'data-1', availabilityZone: ZONE, sizeInGb: 32 }));
    const error = await rejection(waitForDiskAvailable(client, 'data-1', fast()));
    expect(isResourceFailedError(error)).toBe(true);
    expect(error).toMatchObject({ waiter: 'disk-available', resourceName: 'data-1', state: 'error', reason: 'the disk is in state error' });
  });
});

describe('database-available', () => {
  const create = (client: LightsailClient) =>
    client.send(
      new CreateRelationalDatabaseCommand({
        relationalDatabaseName: 'db-1',
        relationalDatabaseBlueprintId: 'mysql_8_0',
        relationalDatabaseBundleId: 'micro_2_0',
        masterDatabaseName: 'app',
        masterUsername: 'admin',
      }),
    );

  it('waits through the states that follow the create operation, until available', async () => {
    // creating for 10 min, then backing-up for 100 s: 2 s and 333 ms here, polled every 5-20 ms.
    const { client } = await setup({ simulator: { timeScale: 300 } });
    await create(client);
    const waiter = new Waiter(client, databaseAvailable, 'db-1', fast({ maxDelayMs: 20 }));
    const seen = statuses(waiter);
    expect((await waiter.wait()).relationalDatabase?.state).toBe('available');
    expect(seen).toEqual(['creating', 'backing-up', 'available']);
  });

  it('in the SDK waiter shape, resolves SUCCESS with the output and the states it counted', async () => {
    const { client } = await setup({ simulator: SCALE });
    await create(client);
    const result = await waitUntilRelationalDatabaseAvailable(
      { client, maxWaitTime: 30, minDelay: 0.005, maxDelay: 0.05 },
      { relationalDatabaseName: 'db-1' },
    );
    expect(result.state).toBe('SUCCESS');
    expect(result.reason.relationalDatabase?.state).toBe('available');
    expect(result.observedResponses['200: available']).toBe(1);
  });

  it('a database whose create fails rejects with ResourceFailedError in state failed', async () => {
    const { client, sim } = await setup({ simulator: SCALE });
    sim.failOperations({ operationType: 'CreateRelationalDatabase' }, { errorCode: 'InternalError' });
    await create(client);
    const error = await rejection(waitForDatabaseAvailable(client, 'db-1', fast()));
    expect(error).toMatchObject({ name: 'ResourceFailedError', state: 'failed', reason: 'the database is failed' });
  });
});

describe('load balancer waiters', () => {
  async function balancer(client: LightsailClient) {
    await client.send(new CreateLoadBalancerCommand({ loadBalancerName: 'lb-1', instancePort: 80 }));
    return waitForLoadBalancerActive(client, 'lb-1', fast());
  }

  it('load-balancer-active, then every attached instance healthy', async () => {
    const { client } = await setup({ simulator: SCALE });
    expect((await balancer(client)).loadBalancer?.state).toBe('active');
    await runningInstance(client, 'web-1');
    await client.send(new AttachInstancesToLoadBalancerCommand({ loadBalancerName: 'lb-1', instanceNames: ['web-1'] }));
    const { loadBalancer } = await waitForLoadBalancerInstancesHealthy(client, 'lb-1', fast());
    expect(loadBalancer?.instanceHealthSummary).toEqual([expect.objectContaining({ instanceName: 'web-1', instanceHealth: 'healthy' })]);
  });

  it('an unhealthy instance keeps it waiting: a timeout that names the count and the last output', async () => {
    const { client, sim } = await setup({ simulator: SCALE });
    await balancer(client);
    await runningInstance(client, 'web-1');
    sim.setInstanceHealth('web-1', 'unhealthy');
    await client.send(new AttachInstancesToLoadBalancerCommand({ loadBalancerName: 'lb-1', instanceNames: ['web-1'] }));
    const error = await rejection(waitForLoadBalancerInstancesHealthy(client, 'lb-1', fast({ timeoutMs: 300 })));
    expect(isWaiterTimeoutError(error)).toBe(true);
    expect(error).toMatchObject({ waiter: 'load-balancer-instances-healthy', target: 'lb-1', state: '0/1 healthy' });
  });

  it('load-balancer-certificate-issued: ISSUED, or ResourceFailedError when validation fails', async () => {
    const { client, sim } = await setup({ simulator: SCALE });
    await balancer(client);
    sim.setCertificateOutcome('bad-cert', 'FAILED');
    for (const certificateName of ['good-cert', 'bad-cert']) {
      await client.send(
        new CreateLoadBalancerTlsCertificateCommand({ loadBalancerName: 'lb-1', certificateName, certificateDomainName: 'example.com' }),
      );
    }
    const issued = await waitForLoadBalancerCertificateIssued(client, { loadBalancerName: 'lb-1', certificateName: 'good-cert' }, fast());
    expect(issued.status).toBe('ISSUED');
    const error = await rejection(
      waitForLoadBalancerCertificateIssued(client, { loadBalancerName: 'lb-1', certificateName: 'bad-cert' }, fast()),
    );
    expect(error).toMatchObject({ name: 'ResourceFailedError', state: 'FAILED', resourceName: 'bad-cert' });
  });
});

describe('certificate-issued', () => {
  it('shows each domain validating, then ISSUED', async () => {
    // 3 min to the first domain, 1 min to the next: 180 ms and 60 ms here, polled every 5-10 ms.
    const { client } = await setup({ simulator: { timeScale: 1000 } });
    await client.send(
      new CreateCertificateCommand({ certificateName: 'cert-1', domainName: 'example.com', subjectAlternativeNames: ['www.example.com'] }),
    );
    const details: string[] = [];
    const waiter = new Waiter(client, certificateIssued, 'cert-1', fast({ maxDelayMs: 10 }));
    waiter.on('status', (e) => details.push(`${e.current}: ${e.detail}`));
    expect((await waiter.wait()).status).toBe('ISSUED');
    expect(details[0]).toBe('PENDING_VALIDATION: example.com: PENDING_VALIDATION, www.example.com: PENDING_VALIDATION');
    expect(details).toContain('PENDING_VALIDATION: example.com: SUCCESS, www.example.com: PENDING_VALIDATION');
    expect(details.at(-1)).toBe('ISSUED: example.com: SUCCESS, www.example.com: SUCCESS');
  });

  it('rejects with ResourceFailedError when validation times out', async () => {
    const { client, sim } = await setup({ simulator: { timeScale: 1_000_000 } });
    sim.setCertificateOutcome('cert-1', 'VALIDATION_TIMED_OUT');
    await client.send(new CreateCertificateCommand({ certificateName: 'cert-1', domainName: 'example.com' }));
    const error = await rejection(waitForCertificateIssued(client, 'cert-1', fast()));
    expect(error).toMatchObject({ name: 'ResourceFailedError', state: 'VALIDATION_TIMED_OUT' });
  });
});

/** CreateDistribution `cdn-1` with web-1 as its origin. */
function createDistribution(client: LightsailClient) {
  return client.send(
    new CreateDistributionCommand({
      distributionName: 'cdn-1',
      origin: { name: 'web-1', regionName: 'us-east-1' },
      defaultCacheBehavior: { behavior: 'cache' },
      bundleId: 'small_1_0',
    }),
  );
}

describe('distribution-deployed', () => {
  it('waits from InProgress to Deployed', async () => {
    const { client } = await setup({ simulator: SCALE });
    await runningInstance(client, 'web-1');
    await createDistribution(client);
    expect((await waitForDistributionDeployed(client, 'cdn-1', fast())).status).toBe('Deployed');
  });

  it('a distribution whose create fails rejects with ResourceFailedError at once, not at the timeout', async () => {
    const { client, sim } = await setup({ simulator: SCALE });
    await runningInstance(client, 'web-1');
    sim.failOperations({ operationType: 'CreateDistribution' }, { errorCode: 'InternalError' });
    await createDistribution(client);
    const error = await rejection(waitForDistributionDeployed(client, 'cdn-1', fast({ timeoutMs: 600_000 })));
    expect(error).toMatchObject({ waiter: 'distribution-deployed', state: 'Failed', reason: 'the distribution is Failed' });
  });
});
