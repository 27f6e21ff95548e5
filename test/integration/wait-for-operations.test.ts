// waitForOperations end to end on real Lightsail responses: results in input order, partial
// failures, and the request cap measured on the simulator's own request log.
import {
  AllocateStaticIpCommand,
  AttachDiskCommand,
  AttachStaticIpCommand,
  CreateDiskCommand,
  type LightsailClient,
} from '@aws-sdk/client-lightsail';
import { describe, expect, it } from 'vitest';
import {
  OperationFailedError,
  type OperationResult,
  OperationsFailedError,
  OperationsWaiter,
  type ProgressEvent,
  waitForOperation,
  waitForOperations,
} from '../../src/index.js';
import {
  createInstance,
  createInstances,
  fast,
  getOperationRequests,
  maxInWindow,
  operationsOf,
  recordSends,
  requestsFor,
  setup,
} from './helpers.js';

const FLEET = ['web-1', 'web-2', 'web-3', 'web-4', 'web-5'];

/** Creates an instance and waits until it is running. */
async function runningInstance(client: LightsailClient, name: string): Promise<void> {
  await waitForOperation(client, await createInstance(client, name), fast());
}

describe('waitForOperations on real Lightsail responses', () => {
  it('resolves the two operations of an AttachStaticIp response in order, without a GetOperation request', async () => {
    const { sim, client } = await setup();
    await runningInstance(client, 'web-1');
    await client.send(new AllocateStaticIpCommand({ staticIpName: 'ip-1' }));
    const response = await client.send(new AttachStaticIpCommand({ staticIpName: 'ip-1', instanceName: 'web-1' }));
    const attached = operationsOf(response, 2);
    sim.clearRequests();

    const finals = await waitForOperations(client, response, fast());

    expect(finals.map((operation) => operation.id)).toEqual(attached.map((operation) => operation.id));
    expect(finals.map(({ resourceName, status }) => [resourceName, status])).toEqual([
      ['ip-1', 'Succeeded'],
      ['web-1', 'Succeeded'],
    ]);
    expect(getOperationRequests(sim)).toEqual([]);
  });

  it('resolves the two running operations of an AttachDisk response in order, reporting progress to 2 of 2', async () => {
    const { sim, client } = await setup();
    const created = await client.send(new CreateDiskCommand({ diskName: 'disk-1', availabilityZone: 'us-east-1a', sizeInGb: 8 }));
    await waitForOperations(client, [...operationsOf(created, 1), await createInstance(client, 'web-1')], fast());
    const response = await client.send(new AttachDiskCommand({ diskName: 'disk-1', instanceName: 'web-1', diskPath: '/dev/xvdf' }));
    const [onDisk, onInstance] = operationsOf(response, 2);
    expect([onDisk?.status, onInstance?.status]).toEqual(['Started', 'Started']);
    const waiter = new OperationsWaiter(client, response, fast());
    const progress: ProgressEvent[] = [];
    waiter.on('progress', (event) => progress.push(event));

    const finals = await waiter.wait();

    expect(finals.map(({ id, resourceName, status }) => [id, resourceName, status])).toEqual([
      [onDisk?.id, 'disk-1', 'Succeeded'],
      [onInstance?.id, 'web-1', 'Succeeded'],
    ]);
    expect(progress.at(-1)).toEqual({ total: 2, succeeded: 2, failed: 0, pending: 0 });
    expect(sim.operation(onDisk?.id ?? '')?.status).toBe('Succeeded');
  });

  it('resolves a fleet of five CreateInstances operations in input order', async () => {
    const { client } = await setup();
    const operations = await createInstances(client, FLEET);

    const finals = await waitForOperations(client, { operations }, fast());

    expect(finals.map((operation) => operation.id)).toEqual(operations.map((operation) => operation.id));
    expect(finals.map((operation) => operation.resourceName)).toEqual(FLEET);
    expect(finals.every((operation) => operation.status === 'Succeeded')).toBe(true);
  });

  it('keeps input order when the operations finish in the reverse order', async () => {
    // The simulator runs on a hand-moved clock, so the test decides when each operation finishes.
    let now = Date.now();
    const { sim, client } = await setup({ simulator: { timeScale: 1, now: () => now } });
    const ids = [4000, 3000, 2000, 1000].map((durationMs) => sim.createOperation({ status: 'Started', durationMs }).id);
    const waiter = new OperationsWaiter(client, ids, fast());
    const settledOrder: string[] = [];
    waiter.on('settled', (result) => settledOrder.push(result.operationId));
    const finals = waiter.wait();

    for (let i = 0; i < ids.length; i += 1) {
      const settled = new Promise((resolve) => waiter.once('settled', resolve));
      now += 1000;
      await settled;
    }

    expect((await finals).map((operation) => operation.id)).toEqual(ids);
    expect(settledOrder).toEqual([...ids].reverse());
  });
});

describe('waitForOperations: partial failure', () => {
  it('rejects with an OperationsFailedError holding one result per input, in input order', async () => {
    const { sim, client } = await setup();
    sim.failOperations({ resourceName: 'web-3' }, { errorCode: 'InsufficientCapacity', errorDetails: 'No nano_3_0 capacity left.' });
    const operations = await createInstances(client, FLEET);

    const error: unknown = await waitForOperations(client, { operations }, fast()).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(OperationsFailedError);
    const { results } = error as OperationsFailedError;
    expect(results.map((result) => result.operationId)).toEqual(operations.map((operation) => operation.id));
    expect(results.map(({ operation, outcome }) => [operation?.resourceName, outcome])).toEqual([
      ['web-1', 'succeeded'],
      ['web-2', 'succeeded'],
      ['web-3', 'failed'],
      ['web-4', 'succeeded'],
      ['web-5', 'succeeded'],
    ]);
    const failed = results[2] as OperationResult;
    expect(failed.error).toBeInstanceOf(OperationFailedError);
    expect(failed.error).toMatchObject({ errorCode: 'InsufficientCapacity', errorDetails: 'No nano_3_0 capacity left.' });
    expect((error as Error).message).toContain('1 of 5 Lightsail operations did not succeed');
    expect((error as Error).message).toContain('InsufficientCapacity');
  });
});

describe('waitForOperations: request cap', () => {
  it('never sends more than maxRequestsPerSecond GetOperation requests in any second, so a looser account limit never throttles', async () => {
    const maxRequestsPerSecond = 20;
    // Instances take 500 ms to create; the account allows 25 requests per second.
    const { sim, client } = await setup({ simulator: { timeScale: 40, maxRequestsPerSecond: 25 } });
    const sends = recordSends(client, 'GetOperationCommand');
    const operations = await createInstances(client, FLEET);
    const waiter = new OperationsWaiter(
      client,
      { operations },
      { minDelayMs: 5, maxDelayMs: 50, maxRequestsPerSecond, useGetOperations: false },
    );

    await waiter.wait();

    const polls = getOperationRequests(sim);
    expect(polls.length).toBeGreaterThanOrEqual(FLEET.length * 2);
    expect(
      maxInWindow(
        polls.map((request) => request.time),
        1000,
      ),
    ).toBeLessThanOrEqual(maxRequestsPerSecond);
    // The cap spaces requests 50 ms apart: at most 5 leave in any quarter second (6 allowing for
    // timer rounding), where five waiters polling every 5 to 50 ms on their own would send several times more.
    expect(maxInWindow(sends, 250)).toBeLessThanOrEqual(6);
    expect(sim.requests.filter((request) => request.error === 'ThrottlingException')).toEqual([]);
    expect(waiter.poller.stats.throttled).toBe(0);
  });
});

describe('waitForOperations: reading many operations with GetOperations', () => {
  const many = Array.from({ length: 12 }, (_, i) => `web-${i + 1}`);

  it('reads a fleet of twelve with fewer requests than looks, in input order', async () => {
    const { sim, client } = await setup();
    sim.createOperation({ resourceName: 'someone-else' });
    const operations = await createInstances(client, many);
    sim.clearRequests();
    const waiter = new OperationsWaiter(client, { operations }, fast());
    let looks = 0;
    waiter.on('poll', () => (looks += 1));

    const finals = await waiter.wait();

    expect(finals.map((operation) => operation.id)).toEqual(operations.map((operation) => operation.id));
    expect(finals.every((operation) => operation.status === 'Succeeded')).toBe(true);
    // Every operation was looked at at least twice (each starts Started), most from shared pages.
    expect(looks).toBeGreaterThanOrEqual(2 * many.length);
    expect(requestsFor(sim, 'GetOperations').length).toBeGreaterThan(0);
    expect(sim.requests.length).toBeLessThan(looks / 2);
  });

  it('goes on with GetOperation when GetOperations is refused, after one refusal', async () => {
    const { sim, client } = await setup();
    const operations = await createInstances(client, many);
    sim.clearRequests();
    sim.injectFault({ kind: 'AccessDeniedException', action: 'GetOperations', times: 1 });

    const finals = await waitForOperations(client, { operations }, fast());

    expect(finals.every((operation) => operation.status === 'Succeeded')).toBe(true);
    expect(requestsFor(sim, 'GetOperations').map((request) => request.error)).toEqual(['AccessDeniedException']);
    expect(new Set(getOperationRequests(sim).map((request) => request.operationId))).toEqual(new Set(operations.map((o) => o.id)));
  });

  it('retries a page the server fails, and reads an operation hidden from the list with GetOperation', async () => {
    const { sim, client } = await setup();
    const operations = await createInstances(client, many);
    const hidden = operations[4]?.id as string;
    // Hidden until its own GetOperation has been answered not found, then shown: whatever the timing.
    sim.hideOperation(hidden, 3_600_000);
    sim.clearRequests();
    sim.injectFault({ kind: 'http500', action: 'GetOperations', times: 1 });
    const statuses: Array<number | undefined> = [];
    const waiter = new OperationsWaiter(client, { operations }, fast());
    waiter.on('retry', (event) => {
      const error = event.error as { name?: string; $metadata?: { httpStatusCode?: number } };
      statuses.push(error.$metadata?.httpStatusCode);
      if (event.operationId === hidden && error.name === 'NotFoundException') sim.hideOperation(hidden, 0);
    });

    await waiter.wait();

    expect(requestsFor(sim, 'GetOperations')[0]?.status).toBe(500);
    // Each read the failed page left unanswered retried it.
    expect(statuses).toContain(500);
    // Left out of the list while hidden, it was read on its own, and not found.
    expect(getOperationRequests(sim).filter((request) => request.operationId === hidden)[0]?.error).toBe('NotFoundException');
  });
});
