import { AttachDiskCommand, CreateDiskCommand, GetDiskCommand, InvalidInputException, NotFoundException } from '@aws-sdk/client-lightsail';
import { describe, expect, it } from 'vitest';
import { type Fixture, runningInstance, setup } from './helpers.js';

const createDisk = (f: Fixture, diskName = 'data-1', availabilityZone = 'us-east-1a') =>
  f.client.send(new CreateDiskCommand({ diskName, availabilityZone, sizeInGb: 32 }));

describe('disks', () => {
  it('creates with one Started CreateDisk operation; pending, then available after 10 s', async () => {
    const f = await setup();
    const { operations } = await createDisk(f);
    expect(operations).toEqual([
      expect.objectContaining({ operationType: 'CreateDisk', resourceType: 'Disk', resourceName: 'data-1', status: 'Started' }),
    ]);
    expect((await f.client.send(new GetDiskCommand({ diskName: 'data-1' }))).disk).toMatchObject({
      state: 'pending',
      sizeInGb: 32,
      isAttached: false,
    });
    f.clock.advance(10_000);
    expect((await f.client.send(new GetDiskCommand({ diskName: 'data-1' }))).disk?.state).toBe('available');
  });

  it('attaches with two Started operations, each naming the other; in-use after 8 s', async () => {
    const f = await setup();
    await createDisk(f);
    await runningInstance(f, 'web-1');
    const { operations } = await f.client.send(new AttachDiskCommand({ diskName: 'data-1', instanceName: 'web-1', diskPath: '/dev/xvdf' }));
    expect(operations).toEqual([
      expect.objectContaining({
        operationType: 'AttachDisk',
        resourceType: 'Disk',
        resourceName: 'data-1',
        operationDetails: 'web-1',
        status: 'Started',
      }),
      expect.objectContaining({
        operationType: 'AttachDisk',
        resourceType: 'Instance',
        resourceName: 'web-1',
        operationDetails: 'data-1',
        status: 'Started',
      }),
    ]);
    expect((await f.client.send(new GetDiskCommand({ diskName: 'data-1' }))).disk).toMatchObject({
      attachmentState: 'attaching',
      isAttached: false,
    });
    f.clock.advance(8000);
    expect((await f.client.send(new GetDiskCommand({ diskName: 'data-1' }))).disk).toMatchObject({
      state: 'in-use',
      isAttached: true,
      attachedTo: 'web-1',
      path: '/dev/xvdf',
      attachmentState: 'attached',
    });
  });

  it('answers InvalidInputException to attaching a pending disk or a missing diskPath', async () => {
    const f = await setup();
    await runningInstance(f, 'web-1');
    await createDisk(f);
    await expect(
      f.client.send(new AttachDiskCommand({ diskName: 'data-1', instanceName: 'web-1', diskPath: '/dev/xvdf' })),
    ).rejects.toBeInstanceOf(InvalidInputException);
    f.clock.advance(10_000);
    await expect(f.client.send(new AttachDiskCommand({ diskName: 'data-1', instanceName: 'web-1' } as never))).rejects.toThrow(/diskPath/);
  });

  it('answers NotFoundException for an unknown disk', async () => {
    const f = await setup();
    await runningInstance(f, 'web-1');
    await expect(
      f.client.send(new AttachDiskCommand({ diskName: 'ghost-1', instanceName: 'web-1', diskPath: '/dev/xvdf' })),
    ).rejects.toBeInstanceOf(NotFoundException);
    await expect(f.client.send(new GetDiskCommand({ diskName: 'ghost-1' }))).rejects.toBeInstanceOf(NotFoundException);
  });

  it.each([0, 1.5, -3])('answers InvalidInputException to sizeInGb %s', async (sizeInGb) => {
    const f = await setup();
    await expect(f.client.send(new CreateDiskCommand({ diskName: 'data-1', availabilityZone: 'us-east-1a', sizeInGb }))).rejects.toThrow(
      /sizeInGb/,
    );
  });
});
