/**
 * Wait until nothing is pending on a resource whose operation ids you do not hold (it was created
 * by another tool, or by a run that crashed). Run it: `npx tsx examples/wait-for-resource.ts`.
 */
import { AttachDiskCommand, CreateDiskCommand, CreateInstancesCommand, type LightsailClient } from '@aws-sdk/client-lightsail';
import { type WaitManyOptions, waitForResource } from 'lightsail-waiter';
import { isMain, runOnSimulator } from './simulated.js';

/** Something else started work on web-1; we only know its name. Returns the operations waited on. */
export async function attachWhenIdle(client: LightsailClient, options: WaitManyOptions = {}): Promise<string[]> {
  await client.send(
    new CreateInstancesCommand({
      instanceNames: ['web-1'],
      availabilityZone: 'us-east-1a',
      blueprintId: 'ubuntu_22_04',
      bundleId: 'nano_3_0',
    }),
  );
  await client.send(new CreateDiskCommand({ diskName: 'data-1', availabilityZone: 'us-east-1a', sizeInGb: 32 }));
  // ...later, knowing only the names:
  const onInstance = await waitForResource(client, 'web-1', options);
  const onDisk = await waitForResource(client, 'data-1', options);
  await client.send(new AttachDiskCommand({ diskName: 'data-1', instanceName: 'web-1', diskPath: '/dev/xvdf' }));
  return [...onInstance, ...onDisk].map((o) => `${o.resourceName} ${o.operationType} ${o.status}`);
}

if (isMain(import.meta.url)) {
  await runOnSimulator(async (client, _, options) => console.log((await attachWhenIdle(client, options)).join('\n')));
}
