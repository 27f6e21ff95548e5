/**
 * Ctrl-C stops the wait at once: the request in flight is cancelled, nothing is left running, and
 * the script says where the operation stood. Run it: `npx tsx examples/abort-on-ctrl-c.ts`, then
 * press Ctrl-C (or let it finish).
 */
import { CreateInstancesCommand, type LightsailClient } from '@aws-sdk/client-lightsail';
import { isWaiterAbortError, OperationWaiter, type WaitOptions } from 'lightsail-waiter';
import { isMain, runOnSimulator } from './simulated.js';

/** Creates an instance and waits for it until `signal` aborts; returns what happened, in words. */
export async function createInstanceUntilAborted(client: LightsailClient, signal: AbortSignal, options: WaitOptions = {}): Promise<string> {
  const { operations = [] } = await client.send(
    new CreateInstancesCommand({
      instanceNames: ['web-1'],
      availabilityZone: 'us-east-1a',
      blueprintId: 'ubuntu_22_04',
      bundleId: 'nano_3_0',
    }),
  );
  const waiter = new OperationWaiter(client, operations[0] ?? '', { ...options, signal });
  try {
    const operation = await waiter.wait();
    return `web-1 is ready (${operation.status})`;
  } catch (error) {
    if (isWaiterAbortError(error)) return `Interrupted: operation ${waiter.operationId} was ${waiter.status ?? 'unknown'}`;
    throw error;
  }
}

if (isMain(import.meta.url)) {
  const controller = new AbortController();
  const onSigint = () => controller.abort(new Error('Ctrl-C'));
  process.once('SIGINT', onSigint);
  await runOnSimulator(async (client, _, options) => console.log(await createInstanceUntilAborted(client, controller.signal, options)), 1);
  process.off('SIGINT', onSigint);
}
