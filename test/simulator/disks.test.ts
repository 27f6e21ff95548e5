import {
  AttachDiskCommand,
  CreateDiskCommand,
  DeleteDiskCommand,
  DetachDiskCommand,
  GetDiskCommand,
  InvalidInputException,
  NotFoundException,
  StopInstanceCommand,
} from '@aws-sdk/client-lightsail';
import { describe, expect, it } from 'vitest';
import { expectModelledMembers, type Fixture, runningInstance, setup } from './helpers.js';

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

const getDisk = async (f: Fixture, diskName = 'data-1') => (await f.client.send(new GetDiskCommand({ diskName }))).disk;

/** A disk attached to a running instance `web-1`. */
async function attachedDisk(f: Fixture): Promise<void> {
  await createDisk(f);
  await runningInstance(f, 'web-1');
  await f.client.send(new AttachDiskCommand({ diskName: 'data-1', instanceName: 'web-1', diskPath: '/dev/xvdf' }));
  f.clock.advance(8000);
}

describe('detaching and deleting disks', () => {
  it('sends only members of the SDK model', async () => {
    const f = await setup();
    await attachedDisk(f);
    await expectModelledMembers(f, 'GetDisk', { diskName: 'data-1' }, await f.client.send(new GetDiskCommand({ diskName: 'data-1' })));
  });

  it('detaches a disk of a stopped instance with two Started operations; detaching, then available after 8 s', async () => {
    const f = await setup();
    await attachedDisk(f);
    await f.client.send(new StopInstanceCommand({ instanceName: 'web-1' }));
    f.clock.advance(15_000);
    const { operations } = await f.client.send(new DetachDiskCommand({ diskName: 'data-1' }));
    expect(operations).toEqual([
      expect.objectContaining({
        operationType: 'DetachDisk',
        resourceType: 'Disk',
        resourceName: 'data-1',
        operationDetails: 'web-1',
        status: 'Started',
      }),
      expect.objectContaining({
        operationType: 'DetachDisk',
        resourceType: 'Instance',
        resourceName: 'web-1',
        operationDetails: 'data-1',
        status: 'Started',
      }),
    ]);
    expect(await getDisk(f)).toMatchObject({ state: 'in-use', attachmentState: 'detaching', isAttached: true, attachedTo: 'web-1' });
    f.clock.advance(8000);
    const disk = await getDisk(f);
    expect(disk).toMatchObject({ state: 'available', attachmentState: 'detached', isAttached: false });
    expect(disk).not.toHaveProperty('attachedTo');
  });

  it('answers InvalidInputException to detaching from a running instance, or a disk not attached', async () => {
    const f = await setup();
    await attachedDisk(f);
    await expect(f.client.send(new DetachDiskCommand({ diskName: 'data-1' }))).rejects.toThrow(/stop it/);
    await createDisk(f, 'data-2');
    f.clock.advance(10_000);
    await expect(f.client.send(new DetachDiskCommand({ diskName: 'data-2' }))).rejects.toBeInstanceOf(InvalidInputException);
  });

  it('keeps the disk attached when its detach fails', async () => {
    const f = await setup();
    await attachedDisk(f);
    await f.client.send(new StopInstanceCommand({ instanceName: 'web-1' }));
    f.clock.advance(15_000);
    f.sim.failOperations({ operationType: 'DetachDisk' }, { errorCode: 'Stuck' });
    await f.client.send(new DetachDiskCommand({ diskName: 'data-1' }));
    f.clock.advance(8000);
    expect(await getDisk(f)).toMatchObject({ state: 'in-use', attachmentState: 'attached', attachedTo: 'web-1' });
  });

  it('deletes with an already Succeeded operation; deleting for 3 min, then NotFoundException', async () => {
    const f = await setup();
    await createDisk(f);
    f.clock.advance(10_000);
    const { operations } = await f.client.send(new DeleteDiskCommand({ diskName: 'data-1' }));
    expect(operations).toEqual([
      expect.objectContaining({ operationType: 'DeleteDisk', resourceType: 'Disk', status: 'Succeeded', isTerminal: true }),
    ]);
    expect((await getDisk(f))?.state).toBe('deleting');
    f.clock.advance(179_999);
    expect((await getDisk(f))?.state).toBe('deleting');
    f.clock.advance(1);
    await expect(getDisk(f)).rejects.toBeInstanceOf(NotFoundException);
  });

  it('answers InvalidInputException to deleting an attached disk', async () => {
    const f = await setup();
    await attachedDisk(f);
    await expect(f.client.send(new DeleteDiskCommand({ diskName: 'data-1' }))).rejects.toThrow(/in-use/);
  });
});
