// Calls answered with a mix of finished and running operations on several resources, as the CLI
// examples delete-instance.rst and create-load-balancer.rst show.
import {
  AttachDiskCommand,
  CreateDiskCommand,
  DeleteInstanceCommand,
  GetDiskCommand,
  GetInstanceCommand,
  GetOperationsForResourceCommand,
  NotFoundException,
} from '@aws-sdk/client-lightsail';
import { describe, expect, it } from 'vitest';
import { type Fixture, runningInstance, setup } from './helpers.js';

/** A running instance `web-1` with the disk `data-1` attached (create 10 s, attach 8 s). */
async function instanceWithDisk(f: Fixture): Promise<void> {
  await f.client.send(new CreateDiskCommand({ diskName: 'data-1', availabilityZone: 'us-east-1a', sizeInGb: 32 }));
  await runningInstance(f, 'web-1');
  await f.client.send(new AttachDiskCommand({ diskName: 'data-1', instanceName: 'web-1', diskPath: '/dev/xvdf' }));
  f.clock.advance(8000);
}

const diskOf = async (f: Fixture) => (await f.client.send(new GetDiskCommand({ diskName: 'data-1' }))).disk;

describe('DeleteInstance with a disk attached', () => {
  it('answers two Started DetachDisk operations (disk, instance) and an already Succeeded DeleteInstance', async () => {
    const f = await setup();
    await instanceWithDisk(f);

    const { operations } = await f.client.send(new DeleteInstanceCommand({ instanceName: 'web-1' }));

    expect(
      operations?.map((op) => [op.operationType, op.resourceType, op.resourceName, op.operationDetails, op.status, op.isTerminal]),
    ).toEqual([
      ['DetachDisk', 'Disk', 'data-1', 'web-1', 'Started', false],
      ['DetachDisk', 'Instance', 'web-1', 'data-1', 'Started', false],
      ['DeleteInstance', 'Instance', 'web-1', undefined, 'Succeeded', true],
    ]);
  });

  it('leaves the disk in-use and detaching until its DetachDisk succeeds (8 s), then available', async () => {
    const f = await setup();
    await instanceWithDisk(f);
    await f.client.send(new DeleteInstanceCommand({ instanceName: 'web-1' }));

    await expect(f.client.send(new GetInstanceCommand({ instanceName: 'web-1' }))).rejects.toBeInstanceOf(NotFoundException);
    expect(await diskOf(f)).toMatchObject({ state: 'in-use', attachmentState: 'detaching', attachedTo: 'web-1' });
    f.clock.advance(7999);
    expect((await diskOf(f))?.state).toBe('in-use');
    f.clock.advance(1);
    expect(await diskOf(f)).toMatchObject({ state: 'available', isAttached: false, attachmentState: 'detached' });
    const history = await f.client.send(new GetOperationsForResourceCommand({ resourceName: 'data-1' }));
    expect(history.operations?.map((op) => [op.operationType, op.status])).toEqual([
      ['DetachDisk', 'Succeeded'],
      ['AttachDisk', 'Succeeded'],
      ['CreateDisk', 'Succeeded'],
    ]);
  });

  it('answers only DeleteInstance for an instance without disks', async () => {
    const f = await setup();
    await runningInstance(f, 'web-2');
    const alone = await f.client.send(new DeleteInstanceCommand({ instanceName: 'web-2' }));
    expect(alone.operations?.map((op) => op.operationType)).toEqual(['DeleteInstance']);
  });

  it('makes the detach fail with failOperations, leaving the disk attached to the deleted instance', async () => {
    const f = await setup();
    await instanceWithDisk(f);
    f.sim.failOperations({ operationType: 'DetachDisk' }, { errorCode: 'DetachFailed' });
    await f.client.send(new DeleteInstanceCommand({ instanceName: 'web-1' }));
    f.clock.advance(8000);
    expect(await diskOf(f)).toMatchObject({ state: 'in-use', attachedTo: 'web-1' });
  });
});
