import {
  AllocateStaticIpCommand,
  CreateCertificateCommand,
  CreateContainerServiceCommand,
  CreateDiskCommand,
  CreateInstancesCommand,
  CreateLoadBalancerCommand,
  CreateRelationalDatabaseCommand,
  DeleteDiskCommand,
  GetOperationsForResourceCommand,
  InvalidInputException,
  ReleaseStaticIpCommand,
} from '@aws-sdk/client-lightsail';
import { describe, expect, it } from 'vitest';
import { clientFor, setup } from './helpers.js';

// Lightsail names share one namespace across resource types within a region (its Developer Guide:
// "Must be unique within each AWS Region in your Lightsail account"; GetActiveNames lists every type's).
describe('resource names', () => {
  const creates = {
    'an instance': (name: string) =>
      new CreateInstancesCommand({
        instanceNames: [name],
        availabilityZone: 'us-east-1a',
        blueprintId: 'ubuntu_22_04',
        bundleId: 'nano_3_0',
      }),
    'a disk': (name: string) => new CreateDiskCommand({ diskName: name, availabilityZone: 'us-east-1a', sizeInGb: 8 }),
    'a load balancer': (name: string) => new CreateLoadBalancerCommand({ loadBalancerName: name, instancePort: 80 }),
    'a database': (name: string) =>
      new CreateRelationalDatabaseCommand({
        relationalDatabaseName: name,
        relationalDatabaseBlueprintId: 'mysql_8_0',
        relationalDatabaseBundleId: 'micro_2_0',
        masterDatabaseName: 'app',
        masterUsername: 'admin',
      }),
    'a certificate': (name: string) => new CreateCertificateCommand({ certificateName: name, domainName: 'example.com' }),
    'a container service': (name: string) => new CreateContainerServiceCommand({ serviceName: name, power: 'nano', scale: 1 }),
  };

  for (const [kind, create] of Object.entries(creates)) {
    it(`refuses ${kind} named like a static IP, naming it`, async () => {
      const f = await setup();
      await f.client.send(new AllocateStaticIpCommand({ staticIpName: 'web-1' }));
      const error = await f.client.send(create('web-1') as never).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidInputException);
      expect((error as Error).message).toBe('Some names are already in use: web-1');
      const { operations } = await f.client.send(new GetOperationsForResourceCommand({ resourceName: 'web-1' }));
      expect(operations?.map((o) => o.operationType)).toEqual(['AllocateStaticIp']);
    });
  }

  it('names every taken name of a CreateInstances call, whatever holds it', async () => {
    const f = await setup();
    await f.client.send(creates['a disk']('a-1'));
    await f.client.send(new AllocateStaticIpCommand({ staticIpName: 'c-1' }));
    const error = await f.client
      .send(
        new CreateInstancesCommand({
          instanceNames: ['a-1', 'b-1', 'c-1'],
          availabilityZone: 'us-east-1a',
          blueprintId: 'ubuntu_22_04',
          bundleId: 'nano_3_0',
        }),
      )
      .catch((e: unknown) => e);
    expect((error as Error).message).toBe('Some names are already in use: a-1, c-1');
  });

  it('frees a name once its resource is gone, and not before', async () => {
    const f = await setup();
    await f.client.send(new AllocateStaticIpCommand({ staticIpName: 'ip-1' }));
    await f.client.send(new ReleaseStaticIpCommand({ staticIpName: 'ip-1' }));
    await expect(f.client.send(creates['a disk']('ip-1'))).resolves.toBeDefined();
    f.clock.advance(60_000);
    await f.client.send(new DeleteDiskCommand({ diskName: 'ip-1' }));
    await expect(f.client.send(creates['an instance']('ip-1'))).rejects.toBeInstanceOf(InvalidInputException);
    f.clock.advance(600_000);
    await expect(f.client.send(creates['an instance']('ip-1'))).resolves.toBeDefined();
  });

  it('keeps each region to itself', async () => {
    const f = await setup();
    await f.client.send(new AllocateStaticIpCommand({ staticIpName: 'web-1' }));
    const west = clientFor(f.sim, 1, 'us-west-2');
    await expect(
      west.send(new CreateDiskCommand({ diskName: 'web-1', availabilityZone: 'us-west-2a', sizeInGb: 8 })),
    ).resolves.toBeDefined();
  });
});
