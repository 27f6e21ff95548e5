/**
 * Lightsail calls that return when their work is done: the SDK plugin. Run it:
 * `npx tsx examples/plugin.ts`.
 */
import { CreateInstancesCommand, GetInstanceCommand, type LightsailClient } from '@aws-sdk/client-lightsail';
import { type WaitManyOptions, waitForOperationsPlugin } from 'lightsail-waiter';
import { isMain, runOnSimulator } from './simulated.js';

/** Installs the plugin, creates an instance, and returns its state right after `send` resolved. */
export async function createWithPlugin(client: LightsailClient, options: WaitManyOptions = {}): Promise<string | undefined> {
  client.middlewareStack.use(waitForOperationsPlugin({ client, timeoutMs: 600_000, ...options }));
  await client.send(
    new CreateInstancesCommand({
      instanceNames: ['web-1'],
      availabilityZone: 'us-east-1a',
      blueprintId: 'ubuntu_22_04',
      bundleId: 'nano_3_0',
    }),
  );
  const { instance } = await client.send(new GetInstanceCommand({ instanceName: 'web-1' }));
  return instance?.state?.name;
}

if (isMain(import.meta.url)) {
  await runOnSimulator(async (client, _, options) =>
    console.log(`web-1 is ${await createWithPlugin(client, options)} as soon as send() returns`),
  );
}
