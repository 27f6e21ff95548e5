// One endpoint serves every region, each with its own state, read from the SigV4 credential scope
// of each request; an availability zone of another region is refused as Lightsail refuses it.
import {
  CreateInstancesCommand,
  GetInstanceCommand,
  GetOperationCommand,
  GetOperationsCommand,
  InvalidInputException,
  NotFoundException,
} from '@aws-sdk/client-lightsail';
import { describe, expect, it } from 'vitest';
import { clientFor, raw, setup, target } from './helpers.js';

const create = (name: string, availabilityZone: string) =>
  new CreateInstancesCommand({ instanceNames: [name], availabilityZone, blueprintId: 'ubuntu_22_04', bundleId: 'nano_3_0' });

describe('regions', () => {
  it('serves a client of us-east-2 from the us-east-2 state, whatever the region option', async () => {
    const f = await setup();
    const ohio = clientFor(f.sim, 1, 'us-east-2');
    const { operations } = await ohio.send(create('web-1', 'us-east-2a'));
    expect(operations?.[0]?.location).toEqual({ availabilityZone: 'us-east-2a', regionName: 'us-east-2' });
    const { instance } = await ohio.send(new GetInstanceCommand({ instanceName: 'web-1' }));
    expect(instance?.location?.regionName).toBe('us-east-2');
    expect(instance?.arn).toMatch(/^arn:aws:lightsail:us-east-2:/);
  });

  it('keeps resources and operations apart per region', async () => {
    const f = await setup();
    const ohio = clientFor(f.sim, 1, 'us-east-2');
    const [op] = (await ohio.send(create('web-1', 'us-east-2a'))).operations ?? [];
    await expect(f.client.send(new GetInstanceCommand({ instanceName: 'web-1' }))).rejects.toBeInstanceOf(NotFoundException);
    await expect(f.client.send(new GetOperationCommand({ operationId: op?.id ?? '' }))).rejects.toBeInstanceOf(NotFoundException);
    expect((await f.client.send(new GetOperationsCommand({}))).operations).toEqual([]);
    // The same name is free in another region.
    await expect(f.client.send(create('web-1', 'us-east-1a'))).resolves.toBeDefined();
    expect((await ohio.send(new GetOperationsCommand({}))).operations).toHaveLength(1);
    expect(f.sim.operation(op?.id ?? '')?.location.regionName).toBe('us-east-2');
  });

  it("refuses a zone outside the request's region with Lightsail's message", async () => {
    const f = await setup();
    const ohio = clientFor(f.sim, 1, 'us-east-2');
    const error = await ohio.send(create('web-1', 'us-east-1a')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputException);
    expect((error as Error).message).toBe(
      'The given Availability Zone is invalid. It must be one of the following: us-east-2a,us-east-2b,us-east-2c.',
    );
  });

  it('uses the region option for unsigned requests and for createOperation; createOperation takes a region', async () => {
    const f = await setup({ region: 'eu-west-2' });
    const answer = await raw(f.sim, {
      target: target('CreateInstances'),
      body: '{"instanceNames":["web-1"],"availabilityZone":"eu-west-2a","blueprintId":"b","bundleId":"n"}',
    });
    expect(answer.status).toBe(200);
    await expect(f.client.send(new GetInstanceCommand({ instanceName: 'web-1' }))).resolves.toBeDefined();
    const here = f.sim.createOperation();
    const there = f.sim.createOperation({ region: 'ap-south-1' });
    expect(here.location).toEqual({ availabilityZone: 'eu-west-2a', regionName: 'eu-west-2' });
    expect(there.location).toEqual({ availabilityZone: 'ap-south-1a', regionName: 'ap-south-1' });
    const mumbai = clientFor(f.sim, 1, 'ap-south-1');
    await expect(mumbai.send(new GetOperationCommand({ operationId: there.id }))).resolves.toBeDefined();
    await expect(f.client.send(new GetOperationCommand({ operationId: there.id }))).rejects.toBeInstanceOf(NotFoundException);
    expect(() => f.sim.createOperation({ region: 'Mars 1' })).toThrow(/`region`/);
  });

  it('applies failOperations in every region, and a fault only in its region', async () => {
    const f = await setup();
    const ohio = clientFor(f.sim, 1, 'us-east-2');
    f.sim.failOperations({ operationType: 'CreateInstance' }, { errorCode: 'NoCapacity' });
    f.sim.injectFault({ kind: 'ThrottlingException', region: 'us-east-2' });
    await expect(f.client.send(new GetOperationsCommand({}))).resolves.toBeDefined();
    await expect(ohio.send(new GetOperationsCommand({}))).rejects.toMatchObject({ name: 'ThrottlingException' });
    const [op] = (await ohio.send(create('web-1', 'us-east-2b'))).operations ?? [];
    f.clock.advance(20_000);
    expect(f.sim.operation(op?.id ?? '')).toMatchObject({ status: 'Failed', errorCode: 'NoCapacity' });
  });
});
