/**
 * For code written against the AWS SDK's generated waiters: the same call shape, seconds included.
 * Run it: `npx tsx examples/sdk-style.ts`.
 */
import { CreateInstancesCommand, type LightsailClient } from '@aws-sdk/client-lightsail';
import { waitUntilOperationSucceeded } from 'lightsail-waiter';
import { isMain, runOnSimulator } from './simulated.js';

/** Creates an instance and waits like `waitUntilInstanceRunning` would; returns the final status. */
export async function createInstanceSdkStyle(client: LightsailClient, minDelay = 1, maxDelay = 30): Promise<string | undefined> {
  const { operations = [] } = await client.send(
    new CreateInstancesCommand({
      instanceNames: ['web-1'],
      availabilityZone: 'us-east-1a',
      blueprintId: 'ubuntu_22_04',
      bundleId: 'nano_3_0',
    }),
  );
  const result = await waitUntilOperationSucceeded({ client, maxWaitTime: 600, minDelay, maxDelay }, { operationId: operations[0]?.id });
  return `${result.state}: ${result.reason.operation.status}`;
}

if (isMain(import.meta.url)) {
  // The simulator runs 10× faster than Lightsail: poll 10× as often (seconds, as in the SDK).
  await runOnSimulator(async (client) => console.log(await createInstanceSdkStyle(client, 0.1, 3)));
}
