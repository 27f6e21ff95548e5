// The members every published GetInstance, GetDisk and GetStaticIp answer has (the AWS CLI examples
// get-instance.rst, get-instances.rst, get-disk.rst, get-static-ip.rst), and only members of the SDK model.
import {
  AllocateStaticIpCommand,
  AttachDiskCommand,
  CreateDiskCommand,
  CreateInstancesCommand,
  GetDiskCommand,
  GetInstanceCommand,
  GetStaticIpCommand,
  type Tag,
} from '@aws-sdk/client-lightsail';
import { describe, expect, it } from 'vitest';
import { expectModelledMembers, type Fixture, setup, T0 } from './helpers.js';

const TAGS: Tag[] = [{ key: 'env', value: 'test' }, { key: 'team' }];

const createInstance = (f: Fixture, extra: Partial<{ blueprintId: string; bundleId: string; keyPairName: string; tags: Tag[] }> = {}) =>
  f.client.send(
    new CreateInstancesCommand({
      instanceNames: ['web-1'],
      availabilityZone: 'us-east-1a',
      blueprintId: 'ubuntu_22_04',
      bundleId: 'micro_3_0',
      ...extra,
    }),
  );

const getInstance = async (f: Fixture) => (await f.client.send(new GetInstanceCommand({ instanceName: 'web-1' }))).instance;

const port = (n: number) => ({
  fromPort: n,
  toPort: n,
  protocol: 'tcp',
  accessFrom: 'Anywhere (0.0.0.0/0)',
  accessType: 'public',
  commonName: '',
  accessDirection: 'inbound',
});

/** An 8 GB disk `data-1` attached to a running `web-1` created with tags and a key pair. */
async function instanceWithDisk(f: Fixture): Promise<void> {
  await createInstance(f, { keyPairName: 'my-key', tags: TAGS });
  await f.client.send(new CreateDiskCommand({ diskName: 'data-1', availabilityZone: 'us-east-1a', sizeInGb: 8, tags: TAGS }));
  f.clock.advance(25_000);
  await f.client.send(new AttachDiskCommand({ diskName: 'data-1', instanceName: 'web-1', diskPath: '/dev/xvdf' }));
  f.clock.advance(8000);
}

describe('GetInstance', () => {
  it('answers supportCode, tags, blueprintName, hardware, networking, username and sshKeyName as get-instance.rst', async () => {
    const f = await setup();
    await createInstance(f, { keyPairName: 'my-key', tags: TAGS });
    expect(await getInstance(f)).toMatchObject({
      supportCode: expect.stringMatching(/^\d{12}\/i-[0-9a-f]{17}$/),
      tags: TAGS,
      blueprintName: 'Ubuntu',
      hardware: {
        cpuCount: 2,
        ramSizeInGb: 1,
        disks: [
          {
            createdAt: new Date(T0),
            sizeInGb: 40,
            isSystemDisk: true,
            iops: 120,
            path: '/dev/sda1',
            attachedTo: 'web-1',
            attachmentState: 'attached',
          },
        ],
      },
      networking: { monthlyTransfer: { gbPerMonthAllocated: 2048 }, ports: [port(80), port(22)] },
      username: 'ubuntu',
      sshKeyName: 'my-key',
    });
  });

  it('answers tags [] and the default key pair when the create gave neither', async () => {
    const f = await setup();
    await createInstance(f);
    expect(await getInstance(f)).toMatchObject({ tags: [], sshKeyName: 'LightsailDefaultKeyPair' });
  });

  it.each([
    ['nano_3_0', 2, 0.5, 20, 100, 1024],
    ['small_3_0', 2, 2, 60, 180, 3072],
    ['medium_3_0', 2, 4, 80, 240, 4096],
  ])('answers the hardware of bundle %s', async (bundleId, cpuCount, ramSizeInGb, sizeInGb, iops, gbPerMonthAllocated) => {
    const f = await setup();
    await createInstance(f, { bundleId });
    expect(await getInstance(f)).toMatchObject({
      hardware: { cpuCount, ramSizeInGb, disks: [{ sizeInGb, iops }] },
      networking: { monthlyTransfer: { gbPerMonthAllocated } },
    });
  });

  it.each([
    ['debian_12', 'admin', [80, 22]],
    ['amazon_linux_2023', 'ec2-user', [80, 22]],
    ['wordpress', 'bitnami', [80, 22, 443]],
    ['windows_server_2022', 'Administrator', [80, 22, 3389]],
  ])('answers the user name and default firewall of blueprint %s', async (blueprintId, username, ports) => {
    const f = await setup();
    await createInstance(f, { blueprintId });
    const instance = await getInstance(f);
    expect(instance?.username).toBe(username);
    expect(instance?.networking?.ports).toEqual(ports.map(port));
  });

  it('lists an attached disk after the system disk, as get-instances.rst does', async () => {
    const f = await setup();
    await instanceWithDisk(f);
    const disks = (await getInstance(f))?.hardware?.disks;
    expect(disks?.map((disk) => [disk.name, disk.isSystemDisk, disk.path])).toEqual([
      [undefined, true, '/dev/sda1'],
      ['data-1', false, '/dev/xvdf'],
    ]);
    expect(disks?.[1]).toEqual((await f.client.send(new GetDiskCommand({ diskName: 'data-1' }))).disk);
  });

  it('sends only members of the SDK model', async () => {
    const f = await setup();
    await instanceWithDisk(f);
    const output = await f.client.send(new GetInstanceCommand({ instanceName: 'web-1' }));
    await expectModelledMembers(f, 'GetInstance', { instanceName: 'web-1' }, output);
  });
});

describe('GetDisk', () => {
  it('answers supportCode, tags and iops as get-disk.rst', async () => {
    const f = await setup();
    await instanceWithDisk(f);
    expect((await f.client.send(new GetDiskCommand({ diskName: 'data-1' }))).disk).toMatchObject({
      supportCode: expect.stringMatching(/^\d{12}\/vol-[0-9a-f]{17}$/),
      tags: TAGS,
      iops: 100,
    });
  });

  it('answers tags [] and 3 IOPS a GB when the create gave no tags', async () => {
    const f = await setup();
    await f.client.send(new CreateDiskCommand({ diskName: 'big-1', availabilityZone: 'us-east-1a', sizeInGb: 128 }));
    expect((await f.client.send(new GetDiskCommand({ diskName: 'big-1' }))).disk).toMatchObject({ tags: [], iops: 384 });
  });

  it('sends only members of the SDK model', async () => {
    const f = await setup();
    await instanceWithDisk(f);
    await expectModelledMembers(f, 'GetDisk', { diskName: 'data-1' }, await f.client.send(new GetDiskCommand({ diskName: 'data-1' })));
  });
});

describe('GetStaticIp', () => {
  it('answers supportCode <account>/<address>, as get-static-ip.rst', async () => {
    const f = await setup();
    await f.client.send(new AllocateStaticIpCommand({ staticIpName: 'ip-1' }));
    const { staticIp } = await f.client.send(new GetStaticIpCommand({ staticIpName: 'ip-1' }));
    expect(staticIp?.supportCode).toBe(`${staticIp?.arn?.split(':')[4]}/${staticIp?.ipAddress}`);
  });

  it('sends only members of the SDK model', async () => {
    const f = await setup();
    await f.client.send(new AllocateStaticIpCommand({ staticIpName: 'ip-1' }));
    const output = await f.client.send(new GetStaticIpCommand({ staticIpName: 'ip-1' }));
    await expectModelledMembers(f, 'GetStaticIp', { staticIpName: 'ip-1' }, output);
  });
});
