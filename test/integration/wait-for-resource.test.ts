// waitForResource end to end: GetOperationsForResource listings, then the pending operations.
import { AllocateStaticIpCommand } from '@aws-sdk/client-lightsail';
import { describe, expect, it } from 'vitest';
import { OperationsFailedError, ResourceRequestError, waitForResource } from '../../src/index.js';
import { createInstance, createInstances, fast, getOperationRequests, requestsFor, setup } from './helpers.js';

describe('waitForResource over real HTTP', () => {
  it('resolves with the operations of an instance being created, Succeeded, after a last listing shows nothing pending', async () => {
    const { sim, client } = await setup();
    const operation = await createInstance(client, 'web-1');

    const waited = await waitForResource(client, 'web-1', fast());

    expect(waited.map(({ id, status }) => [id, status])).toEqual([[operation.id, 'Succeeded']]);
    expect(requestsFor(sim, 'GetOperationsForResource').map((request) => request.resourceName)).toEqual(['web-1', 'web-1']);
  });

  it('resolves [] on an idle resource after exactly one listing', async () => {
    const { sim, client } = await setup();
    await client.send(new AllocateStaticIpCommand({ staticIpName: 'ip-1' }));
    sim.clearRequests();

    const waited = await waitForResource(client, 'ip-1', fast());

    expect(waited).toEqual([]);
    expect(sim.requests.map((request) => request.action)).toEqual(['GetOperationsForResource']);
  });

  it('rejects an unknown resource at once with a ResourceRequestError (NotFoundException)', async () => {
    const { sim, client } = await setup();

    const error: unknown = await waitForResource(client, 'no-such-instance', fast()).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ResourceRequestError);
    expect(error).toMatchObject({ resourceName: 'no-such-instance', errorName: 'NotFoundException', retriesExhausted: false });
    expect((error as Error).message).toContain('no-such-instance does not exist');
    expect(sim.requests.map((request) => request.action)).toEqual(['GetOperationsForResource']);
    expect(getOperationRequests(sim)).toEqual([]);
  });

  it('rejects with an OperationsFailedError when an operation on the resource fails', async () => {
    const { sim, client } = await setup();
    sim.failOperations({ resourceName: 'web-1' }, { errorCode: 'NoAvailableCapacity' });
    await createInstances(client, ['web-1']);

    const error: unknown = await waitForResource(client, 'web-1', fast()).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(OperationsFailedError);
    expect((error as OperationsFailedError).results.map((result) => result.outcome)).toEqual(['failed']);
  });
});
