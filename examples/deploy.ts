/**
 * A small deployment, waited on step by step: two instances, a static IP attached to the first,
 * a disk attached to the second. `npm run demo` runs it against the bundled simulator; pass your
 * own `LightsailClient` to `deploy()` to run it against AWS.
 */
import {
  AllocateStaticIpCommand,
  AttachDiskCommand,
  AttachStaticIpCommand,
  CreateDiskCommand,
  CreateInstancesCommand,
  type LightsailClient,
} from '@aws-sdk/client-lightsail';
import { OperationsWaiter, type WaitManyOptions } from 'lightsail-waiter';
import { isMain, runOnSimulator } from './simulated.js';

type Log = (line: string) => void;

/** Runs one step: sends the command, then waits on every operation it returned, logging each status change. */
async function step(client: LightsailClient, title: string, send: () => Promise<object>, log: Log, options: WaitManyOptions) {
  const started = Date.now();
  const seconds = () => `${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s`;
  log(`▶ ${title}`);
  const response = await send();
  const waiter = new OperationsWaiter(client, response, options);
  waiter.on('status', ({ operation, previous, current }) => {
    const from = previous ? `${previous} → ` : '';
    log(`  ${seconds()}  ${(operation.resourceName ?? '').padEnd(10)} ${(operation.operationType ?? '').padEnd(16)} ${from}${current}`);
  });
  waiter.on('retry', ({ operationId, error, delayMs }) => log(`  retrying ${operationId} in ${delayMs} ms after ${(error as Error).name}`));
  const operations = await waiter.wait();
  log(`✔ ${title}: ${operations.length} operation(s) succeeded in ${seconds().trim()}`);
  return operations;
}

/** The deployment itself. */
export async function deploy(client: LightsailClient, log: Log = console.log, options: WaitManyOptions = {}): Promise<void> {
  const zone = 'us-east-1a';
  await step(
    client,
    'Create instances web-1 and web-2',
    () =>
      client.send(
        new CreateInstancesCommand({
          instanceNames: ['web-1', 'web-2'],
          availabilityZone: zone,
          blueprintId: 'ubuntu_22_04',
          bundleId: 'nano_3_0',
        }),
      ),
    log,
    options,
  );
  await step(client, 'Allocate static IP web-ip', () => client.send(new AllocateStaticIpCommand({ staticIpName: 'web-ip' })), log, options);
  await step(
    client,
    'Attach web-ip to web-1',
    () => client.send(new AttachStaticIpCommand({ staticIpName: 'web-ip', instanceName: 'web-1' })),
    log,
    options,
  );
  await step(
    client,
    'Create disk data-1',
    () => client.send(new CreateDiskCommand({ diskName: 'data-1', availabilityZone: zone, sizeInGb: 32 })),
    log,
    options,
  );
  await step(
    client,
    'Attach data-1 to web-2',
    () => client.send(new AttachDiskCommand({ diskName: 'data-1', instanceName: 'web-2', diskPath: '/dev/xvdf' })),
    log,
    options,
  );
}

/** `npm run demo`: the deployment against an in-process simulator, ten times faster than Lightsail. */
if (isMain(import.meta.url)) {
  await runOnSimulator(async (client, simulator, options) => {
    const started = Date.now();
    await deploy(client, console.log, options);
    const polls = simulator.requests.filter((r) => r.action === 'GetOperation').length;
    console.log(`\nDeployed in ${((Date.now() - started) / 1000).toFixed(1)} s with ${polls} GetOperation calls.`);
  });
}
