import {
  AllocateStaticIpCommand,
  AttachStaticIpCommand,
  DetachStaticIpCommand,
  GetInstanceCommand,
  GetStaticIpCommand,
  InvalidInputException,
  NotFoundException,
  ReleaseStaticIpCommand,
} from '@aws-sdk/client-lightsail';
import { describe, expect, it } from 'vitest';
import { runningInstance, setup } from './helpers.js';

describe('static IPs', () => {
  it('allocates with one already Succeeded AllocateStaticIp operation', async () => {
    const f = await setup();
    const { operations } = await f.client.send(new AllocateStaticIpCommand({ staticIpName: 'ip-1' }));
    expect(operations).toHaveLength(1);
    expect(operations?.[0]).toMatchObject({
      operationType: 'AllocateStaticIp',
      resourceName: 'ip-1',
      resourceType: 'StaticIp',
      status: 'Succeeded',
      isTerminal: true,
      location: { availabilityZone: 'all', regionName: 'us-east-1' },
    });
    const { staticIp } = await f.client.send(new GetStaticIpCommand({ staticIpName: 'ip-1' }));
    expect(staticIp).toMatchObject({
      name: 'ip-1',
      resourceType: 'StaticIp',
      isAttached: false,
      ipAddress: expect.stringMatching(/^\d+\.\d+\.\d+\.\d+$/),
    });
    expect(staticIp).not.toHaveProperty('attachedTo');
  });

  it('answers InvalidInputException to a duplicate allocation', async () => {
    const f = await setup();
    await f.client.send(new AllocateStaticIpCommand({ staticIpName: 'ip-1' }));
    await expect(f.client.send(new AllocateStaticIpCommand({ staticIpName: 'ip-1' }))).rejects.toBeInstanceOf(InvalidInputException);
  });

  it('attaches with two Succeeded operations, each naming the other resource', async () => {
    const f = await setup();
    await runningInstance(f, 'web-1');
    await f.client.send(new AllocateStaticIpCommand({ staticIpName: 'ip-1' }));
    const { operations } = await f.client.send(new AttachStaticIpCommand({ staticIpName: 'ip-1', instanceName: 'web-1' }));
    expect(operations).toEqual([
      expect.objectContaining({
        operationType: 'AttachStaticIp',
        resourceType: 'StaticIp',
        resourceName: 'ip-1',
        operationDetails: 'web-1',
        status: 'Succeeded',
      }),
      expect.objectContaining({
        operationType: 'AttachStaticIp',
        resourceType: 'Instance',
        resourceName: 'web-1',
        operationDetails: 'ip-1',
        status: 'Succeeded',
      }),
    ]);
    const { staticIp } = await f.client.send(new GetStaticIpCommand({ staticIpName: 'ip-1' }));
    expect(staticIp).toMatchObject({ isAttached: true, attachedTo: 'web-1' });
    const { instance } = await f.client.send(new GetInstanceCommand({ instanceName: 'web-1' }));
    expect(instance).toMatchObject({ isStaticIp: true, publicIpAddress: staticIp?.ipAddress });
  });

  it('detaches with two Succeeded operations and releases with one', async () => {
    const f = await setup();
    await runningInstance(f, 'web-1');
    await f.client.send(new AllocateStaticIpCommand({ staticIpName: 'ip-1' }));
    await f.client.send(new AttachStaticIpCommand({ staticIpName: 'ip-1', instanceName: 'web-1' }));
    const detached = await f.client.send(new DetachStaticIpCommand({ staticIpName: 'ip-1' }));
    expect(detached.operations?.map((op) => [op.operationType, op.resourceName, op.status])).toEqual([
      ['DetachStaticIp', 'ip-1', 'Succeeded'],
      ['DetachStaticIp', 'web-1', 'Succeeded'],
    ]);
    expect((await f.client.send(new GetInstanceCommand({ instanceName: 'web-1' }))).instance?.isStaticIp).toBe(false);
    const released = await f.client.send(new ReleaseStaticIpCommand({ staticIpName: 'ip-1' }));
    expect(released.operations?.map((op) => [op.operationType, op.status])).toEqual([['ReleaseStaticIp', 'Succeeded']]);
    await expect(f.client.send(new GetStaticIpCommand({ staticIpName: 'ip-1' }))).rejects.toBeInstanceOf(NotFoundException);
  });

  it('answers NotFoundException for an unknown static IP or instance', async () => {
    const f = await setup();
    await runningInstance(f, 'web-1');
    await expect(f.client.send(new AttachStaticIpCommand({ staticIpName: 'ghost-ip', instanceName: 'web-1' }))).rejects.toBeInstanceOf(
      NotFoundException,
    );
    await f.client.send(new AllocateStaticIpCommand({ staticIpName: 'ip-1' }));
    await expect(f.client.send(new AttachStaticIpCommand({ staticIpName: 'ip-1', instanceName: 'ghost-1' }))).rejects.toBeInstanceOf(
      NotFoundException,
    );
    await expect(f.client.send(new ReleaseStaticIpCommand({ staticIpName: 'ghost-ip' }))).rejects.toBeInstanceOf(NotFoundException);
  });

  it('answers InvalidInputException to detaching an unattached IP or attaching an attached one', async () => {
    const f = await setup();
    await runningInstance(f, 'web-1');
    await f.client.send(new AllocateStaticIpCommand({ staticIpName: 'ip-1' }));
    await expect(f.client.send(new DetachStaticIpCommand({ staticIpName: 'ip-1' }))).rejects.toBeInstanceOf(InvalidInputException);
    await f.client.send(new AttachStaticIpCommand({ staticIpName: 'ip-1', instanceName: 'web-1' }));
    await expect(f.client.send(new AttachStaticIpCommand({ staticIpName: 'ip-1', instanceName: 'web-1' }))).rejects.toBeInstanceOf(
      InvalidInputException,
    );
  });

  it('answers a failed attach without attaching', async () => {
    const f = await setup();
    await runningInstance(f, 'web-1');
    await f.client.send(new AllocateStaticIpCommand({ staticIpName: 'ip-1' }));
    f.sim.failOperations({ operationType: 'AttachStaticIp' }, { errorCode: 'Nope' });
    const { operations } = await f.client.send(new AttachStaticIpCommand({ staticIpName: 'ip-1', instanceName: 'web-1' }));
    expect(operations?.map((op) => op.status)).toEqual(['Failed', 'Failed']);
    expect((await f.client.send(new GetStaticIpCommand({ staticIpName: 'ip-1' }))).staticIp?.isAttached).toBe(false);
  });
});
