import {
  CreateInstancesCommand,
  DeleteInstanceCommand,
  GetInstanceCommand,
  GetOperationCommand,
  GetOperationsForResourceCommand,
  InvalidInputException,
  NotFoundException,
  RebootInstanceCommand,
  StartInstanceCommand,
  StopInstanceCommand,
} from '@aws-sdk/client-lightsail';
import { describe, expect, it } from 'vitest';
import { expectModelledMembers, type Fixture, raw, runningInstance, setup, T0, target } from './helpers.js';

const create = (f: Fixture, instanceNames: string[], availabilityZone = 'us-east-1a') =>
  f.client.send(new CreateInstancesCommand({ instanceNames, availabilityZone, blueprintId: 'ubuntu_22_04', bundleId: 'nano_3_0' }));

/** The first of a raw answer's `operations`. */
const firstOperation = (body: Record<string, unknown> | undefined) => (body?.operations as Array<Record<string, unknown>> | undefined)?.[0];

const stateOf = async (f: Fixture, instanceName: string) => (await f.client.send(new GetInstanceCommand({ instanceName }))).instance?.state;

describe('CreateInstances', () => {
  it('returns one Started CreateInstance operation per instance', async () => {
    const f = await setup();
    const { operations } = await create(f, ['web-1', 'web-2']);
    expect(operations).toHaveLength(2);
    expect(operations?.map((op) => op.resourceName)).toEqual(['web-1', 'web-2']);
    for (const op of operations ?? []) {
      expect(op).toMatchObject({
        operationType: 'CreateInstance',
        resourceType: 'Instance',
        status: 'Started',
        isTerminal: false,
        createdAt: new Date(T0),
        location: { availabilityZone: 'us-east-1a', regionName: 'us-east-1' },
      });
    }
  });

  it('keeps the instance pending until its create succeeds after 20 s, then running', async () => {
    const f = await setup();
    const { operations } = await create(f, ['web-1']);
    expect(await stateOf(f, 'web-1')).toEqual({ name: 'pending', code: 0 });
    f.clock.advance(19_999);
    expect((await stateOf(f, 'web-1'))?.name).toBe('pending');
    f.clock.advance(1);
    expect(await stateOf(f, 'web-1')).toEqual({ name: 'running', code: 16 });
    const { operation } = await f.client.send(new GetOperationCommand({ operationId: operations?.[0]?.id }));
    expect(operation).toMatchObject({ status: 'Succeeded', statusChangedAt: new Date(T0 + 20_000) });
  });

  it('returns the documented instance shape', async () => {
    const f = await setup({ region: 'eu-west-2' });
    await f.client.send(
      new CreateInstancesCommand({
        instanceNames: ['web-1'],
        availabilityZone: 'eu-west-2b',
        blueprintId: 'debian_12',
        bundleId: 'micro_3_0',
      }),
    );
    f.clock.advance(25_000);
    const { instance } = await f.client.send(new GetInstanceCommand({ instanceName: 'web-1' }));
    expect(instance).toMatchObject({
      name: 'web-1',
      arn: expect.stringMatching(/^arn:aws:lightsail:eu-west-2:\d{12}:Instance\/[0-9a-f-]{36}$/),
      createdAt: new Date(T0),
      location: { availabilityZone: 'eu-west-2b', regionName: 'eu-west-2' },
      resourceType: 'Instance',
      blueprintId: 'debian_12',
      bundleId: 'micro_3_0',
      publicIpAddress: expect.stringMatching(/^\d+\.\d+\.\d+\.\d+$/),
      isStaticIp: false,
    });
  });

  it('sends only members of the SDK model', async () => {
    const f = await setup();
    await runningInstance(f, 'web-1');
    const output = await f.client.send(new GetInstanceCommand({ instanceName: 'web-1' }));
    await expectModelledMembers(f, 'GetInstance', { instanceName: 'web-1' }, output);
  });

  it('leaves the instance terminated when its create fails, as a failed EC2 launch ends', async () => {
    const f = await setup();
    f.sim.failOperations({ operationType: 'CreateInstance' }, { errorCode: 'InsufficientCapacity' });
    await create(f, ['web-1']);
    f.clock.advance(20_000);
    expect(await stateOf(f, 'web-1')).toEqual({ code: 48, name: 'terminated' });
  });

  it.each([
    ['an existing name', ['dup-1'], 'dup-1'],
    ['a name given twice', ['twin-1', 'twin-1'], 'twin-1'],
    ['an invalid name', ['bad name'], 'instanceNames[0]'],
  ])('answers InvalidInputException for %s', async (_, names, mention) => {
    const f = await setup();
    await create(f, ['dup-1']);
    const error = await create(f, names).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputException);
    expect((error as Error).message).toContain(mention);
  });

  it.each(['availabilityZone', 'blueprintId', 'bundleId', 'instanceNames'])(
    'answers InvalidInputException naming a missing %s',
    async (member) => {
      const f = await setup();
      const input: Record<string, unknown> = { instanceNames: ['web-1'], availabilityZone: 'us-east-1a', blueprintId: 'b', bundleId: 'n' };
      delete input[member];
      const error = await f.client.send(new CreateInstancesCommand(input as never)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidInputException);
      expect((error as Error).message).toContain(member);
    },
  );

  it('answers InvalidInputException for a zone of another region', async () => {
    const f = await setup();
    await expect(create(f, ['web-1'], 'eu-west-1a')).rejects.toThrow(
      'The given Availability Zone is invalid. It must be one of the following: us-east-1a,us-east-1b,us-east-1c,us-east-1d,us-east-1e,us-east-1f.',
    );
  });
});

describe('start, stop, reboot and delete', () => {
  it('stops: Started StopInstance, instance stopping then stopped after 15 s', async () => {
    const f = await setup();
    await runningInstance(f, 'web-1');
    const { operations } = await f.client.send(new StopInstanceCommand({ instanceName: 'web-1' }));
    expect(operations).toHaveLength(1);
    expect(operations?.[0]).toMatchObject({ operationType: 'StopInstance', status: 'Started', resourceName: 'web-1' });
    expect(await stateOf(f, 'web-1')).toEqual({ name: 'stopping', code: 64 });
    f.clock.advance(15_000);
    expect(await stateOf(f, 'web-1')).toEqual({ name: 'stopped', code: 80 });
  });

  it('starts: Started StartInstance, instance pending then running after 20 s', async () => {
    const f = await setup();
    await runningInstance(f, 'web-1');
    await f.client.send(new StopInstanceCommand({ instanceName: 'web-1' }));
    f.clock.advance(15_000);
    const { operations } = await f.client.send(new StartInstanceCommand({ instanceName: 'web-1' }));
    expect(operations?.[0]).toMatchObject({ operationType: 'StartInstance', status: 'Started' });
    expect((await stateOf(f, 'web-1'))?.name).toBe('pending');
    f.clock.advance(20_000);
    expect((await stateOf(f, 'web-1'))?.name).toBe('running');
  });

  it('keeps the instance running when its stop fails', async () => {
    const f = await setup();
    await runningInstance(f, 'web-1');
    f.sim.failOperations({ operationType: 'StopInstance' }, { errorCode: 'Stuck' });
    await f.client.send(new StopInstanceCommand({ instanceName: 'web-1' }));
    f.clock.advance(15_000);
    expect((await stateOf(f, 'web-1'))?.name).toBe('running');
  });

  it.each([
    ['stop a pending instance', (f: Fixture) => f.client.send(new StopInstanceCommand({ instanceName: 'web-1' }))],
    ['start a pending instance', (f: Fixture) => f.client.send(new StartInstanceCommand({ instanceName: 'web-1' }))],
    ['reboot a pending instance', (f: Fixture) => f.client.send(new RebootInstanceCommand({ instanceName: 'web-1' }))],
  ])('answers InvalidInputException to %s', async (_, send) => {
    const f = await setup();
    await create(f, ['web-1']);
    await expect(send(f)).rejects.toBeInstanceOf(InvalidInputException);
  });

  it('reboots with an already Succeeded operation', async () => {
    const f = await setup();
    await runningInstance(f, 'web-1');
    const { operations } = await f.client.send(new RebootInstanceCommand({ instanceName: 'web-1' }));
    expect(operations?.[0]).toMatchObject({ operationType: 'RebootInstance', status: 'Succeeded', isTerminal: true });
  });

  it('sends the reboot operation\'s empty operationDetails as "", as reboot-instance.rst does', async () => {
    const f = await setup();
    await runningInstance(f, 'web-1');
    const answer = await raw(f.sim, { target: target('RebootInstance'), body: JSON.stringify({ instanceName: 'web-1' }) });
    const op = firstOperation(answer.body);
    expect(op).toHaveProperty('operationDetails', '');
    const { operation } = await f.client.send(new GetOperationCommand({ operationId: op?.id as string }));
    expect(operation?.operationDetails).toBe('');
  });

  it('leaves an empty operationDetails out of start and stop operations, as start-instance.rst and stop-instance.rst do', async () => {
    const f = await setup();
    await runningInstance(f, 'web-1');
    const stop = await raw(f.sim, { target: target('StopInstance'), body: JSON.stringify({ instanceName: 'web-1' }) });
    f.clock.advance(15_000);
    const start = await raw(f.sim, { target: target('StartInstance'), body: JSON.stringify({ instanceName: 'web-1' }) });
    for (const answer of [stop, start]) expect(firstOperation(answer.body)).not.toHaveProperty('operationDetails');
  });

  it('deletes with an already Succeeded operation; the instance is gone, its operations stay', async () => {
    const f = await setup();
    await runningInstance(f, 'web-1');
    const { operations } = await f.client.send(new DeleteInstanceCommand({ instanceName: 'web-1' }));
    expect(operations?.[0]).toMatchObject({ operationType: 'DeleteInstance', status: 'Succeeded', isTerminal: true });
    await expect(f.client.send(new GetInstanceCommand({ instanceName: 'web-1' }))).rejects.toBeInstanceOf(NotFoundException);
    const history = await f.client.send(new GetOperationsForResourceCommand({ resourceName: 'web-1' }));
    expect(history.operations?.map((op) => op.operationType)).toEqual(['DeleteInstance', 'CreateInstance']);
  });

  it.each([
    ['GetInstance', (f: Fixture) => f.client.send(new GetInstanceCommand({ instanceName: 'ghost-1' }))],
    ['StopInstance', (f: Fixture) => f.client.send(new StopInstanceCommand({ instanceName: 'ghost-1' }))],
    ['DeleteInstance', (f: Fixture) => f.client.send(new DeleteInstanceCommand({ instanceName: 'ghost-1' }))],
  ])('answers NotFoundException to %s for an unknown instance', async (_, send) => {
    const f = await setup();
    await expect(send(f)).rejects.toBeInstanceOf(NotFoundException);
  });
});
