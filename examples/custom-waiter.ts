/**
 * A waiter of your own on the library's engine: wait until a static IP is attached, with the
 * schedule, timeout, rate cap, retries, events and errors the built-in waiters have.
 */
import {
  AllocateStaticIpCommand,
  AttachStaticIpCommand,
  CreateInstancesCommand,
  GetStaticIpCommand,
  type GetStaticIpCommandOutput,
  type LightsailClient,
} from '@aws-sdk/client-lightsail';
import { defineWaiter, sdkWaiter, Waiter, type WaitOptions, waitForInstanceRunning } from 'lightsail-waiter';
import { isMain, runOnSimulator } from './simulated.js';

export const staticIpAttached = defineWaiter({
  name: 'static-ip-attached',
  action: 'GetStaticIp',
  input: (value: unknown) => ({ staticIpName: String(value) }),
  target: ({ staticIpName }) => staticIpName,
  describe: ({ staticIpName }) => `Lightsail static IP ${staticIpName}`,
  probe: (client: LightsailClient, input, { signal }) => client.send(new GetStaticIpCommand(input), { abortSignal: signal }),
  acceptors: [{ state: 'success', matches: (output: GetStaticIpCommandOutput) => output.staticIp?.isAttached === true }],
  state: (output) => (output.staticIp?.isAttached ? 'attached' : 'detached'),
  typicalDurationMs: [1_000, 30_000],
});

/** The same waiter in the AWS SDK v3 shape: `waitUntilStaticIpAttached({ client, maxWaitTime }, 'web-ip')`. */
export const waitUntilStaticIpAttached = sdkWaiter(staticIpAttached);

/** Creates an instance and a static IP, attaches it, and waits with the custom waiter; returns the states seen. */
export async function attachAndWait(client: LightsailClient, options: WaitOptions = {}): Promise<string[]> {
  await client.send(
    new CreateInstancesCommand({
      instanceNames: ['web-1'],
      availabilityZone: 'us-east-1a',
      blueprintId: 'ubuntu_22_04',
      bundleId: 'nano_3_0',
    }),
  );
  await waitForInstanceRunning(client, 'web-1', options);
  await client.send(new AllocateStaticIpCommand({ staticIpName: 'web-ip' }));
  const waiter = new Waiter(client, staticIpAttached, 'web-ip', options);
  const states: string[] = [];
  waiter.on('status', ({ current }) => states.push(current ?? '?'));
  const pending = waiter.wait();
  // Attach once the waiter has seen the IP detached, so the run shows the change.
  await new Promise((resolve) => waiter.once('status', resolve));
  await client.send(new AttachStaticIpCommand({ staticIpName: 'web-ip', instanceName: 'web-1' }));
  const { staticIp } = await pending;
  states.push(`${staticIp?.ipAddress} on ${staticIp?.attachedTo}`);
  return states;
}

if (isMain(import.meta.url)) {
  await runOnSimulator(async (client, _simulator, options) => {
    for (const state of await attachAndWait(client, options)) console.log(state);
  });
}
