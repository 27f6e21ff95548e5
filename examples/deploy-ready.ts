/**
 * A deployment that waits for usable resources, not just finished operations: an instance running
 * with its public IP, SSH (port 22) accepting connections steadily, a static IP attached, and a
 * database `available` (its create operation succeeds minutes earlier). `npm run demo` runs it
 * against the bundled simulator, whose instances listen on loopback addresses; pass your own
 * `LightsailClient` to `deployReady()` to run it against AWS.
 */
import {
  AllocateStaticIpCommand,
  AttachStaticIpCommand,
  CreateInstancesCommand,
  CreateRelationalDatabaseCommand,
  LightsailClient,
} from '@aws-sdk/client-lightsail';
import { databaseAvailable, instanceRunning, Waiter, type WaiterDefinition, type WaitOptions, waitForOperations } from 'lightsail-waiter';
import { instancePortOpen } from 'lightsail-waiter/node';
import { type PortListener, type Simulator, startSimulator } from 'lightsail-waiter/simulator';
import { isMain, noteNodeVersion } from './simulated.js';

type Log = (line: string) => void;

/** What the deployment needs from its environment: where SSH listens (22 on AWS). */
export interface DeployReadyOptions extends WaitOptions {
  /** The port to wait on for SSH. @default 22 */
  readonly sshPort?: number;
  /** How long SSH must keep accepting connections. @default 10_000 */
  readonly sshStableForMs?: number;
}

/** Waits with a definition, logging each state change of it. */
async function until<TClient, TInput, TOutput>(
  client: TClient,
  definition: WaiterDefinition<TClient, TInput, TOutput>,
  input: TInput | string,
  log: Log,
  options: WaitOptions,
): Promise<TOutput> {
  const started = Date.now();
  const waiter = new Waiter(client, definition, input, options);
  waiter.on('status', ({ target, previous, current, detail }) => {
    const seconds = `${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s`;
    log(
      `  ${seconds}  ${definition.name.padEnd(20)} ${target.padEnd(10)} ${previous && previous !== current ? `${previous} → ` : ''}${current}${detail ? ` (${detail})` : ''}`,
    );
  });
  return waiter.wait();
}

/** The deployment: each step waits until what it made is usable. */
export async function deployReady(client: LightsailClient, log: Log = console.log, options: DeployReadyOptions = {}): Promise<string> {
  const { sshPort = 22, sshStableForMs = 10_000, ...wait } = options;
  log('▶ Create instance web-1 and wait until it runs with a public IP');
  await client.send(
    new CreateInstancesCommand({
      instanceNames: ['web-1'],
      availabilityZone: 'us-east-1a',
      blueprintId: 'ubuntu_22_04',
      bundleId: 'nano_3_0',
    }),
  );
  const { instance } = await until(client, instanceRunning, 'web-1', log, wait);

  log(`▶ Wait until SSH on ${instance?.publicIpAddress}:${sshPort} accepts connections for ${sshStableForMs} ms`);
  await until(client, instancePortOpen, { instanceName: 'web-1', port: sshPort, stableForMs: sshStableForMs }, log, wait);

  log('▶ Allocate static IP web-ip and attach it to web-1');
  await waitForOperations(client, await client.send(new AllocateStaticIpCommand({ staticIpName: 'web-ip' })), wait);
  await waitForOperations(client, await client.send(new AttachStaticIpCommand({ staticIpName: 'web-ip', instanceName: 'web-1' })), wait);

  log('▶ Create database db-1 and wait until it is available (its operation succeeds before that)');
  const created = await client.send(
    new CreateRelationalDatabaseCommand({
      relationalDatabaseName: 'db-1',
      relationalDatabaseBlueprintId: 'mysql_8_0',
      relationalDatabaseBundleId: 'micro_2_0',
      masterDatabaseName: 'app',
      masterUsername: 'admin',
    }),
  );
  await waitForOperations(client, created, wait);
  const { relationalDatabase } = await until(client, databaseAvailable, 'db-1', log, wait);
  const ready = `web-1 and db-1 are ready: db-1 is ${relationalDatabase?.state} at ${relationalDatabase?.masterEndpoint?.address}`;
  log(`✔ ${ready}`);
  return ready;
}

/** The port the demo's sshd listens on: 22 where this process may bind it (root), 2222 otherwise. */
export const DEMO_SSH_PORT = process.getuid?.() === 0 ? 22 : 2222;

/**
 * Plays sshd on the simulator: once the instance has its public (loopback) IP, opens a real TCP
 * listener on it. Resolves with the listener.
 */
export async function startSshWhenReady(simulator: Simulator, name: string, port = DEMO_SSH_PORT): Promise<PortListener> {
  for (;;) {
    try {
      return await simulator.openPort(name, port);
    } catch (error) {
      // Not created yet, or no public IP yet: look again shortly.
      if (!(error instanceof RangeError)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

/** `npm run demo` (second part): against an in-process simulator, a hundred times faster than Lightsail (a database takes minutes). */
if (isMain(import.meta.url)) {
  noteNodeVersion();
  const timeScale = Number(process.env.DEMO_TIME_SCALE ?? 100);
  const simulator = await startSimulator({ timeScale, instanceAddresses: 'loopback' });
  const client = new LightsailClient({
    endpoint: simulator.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'demo', secretAccessKey: 'demo' },
  });
  console.log(`Lightsail simulator at ${simulator.endpoint} (durations ÷ ${timeScale}, instances on loopback addresses)\n`);
  const started = Date.now();
  try {
    const ssh = startSshWhenReady(simulator, 'web-1');
    await deployReady(client, console.log, { ...simulator.waitOptions, sshPort: DEMO_SSH_PORT, sshStableForMs: 10_000 / timeScale });
    await (await ssh).close();
    const gets = simulator.requests.filter((r) => r.action.startsWith('Get')).length;
    console.log(`\nReady in ${((Date.now() - started) / 1000).toFixed(1)} s with ${gets} Get* calls.`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  } finally {
    client.destroy();
    await simulator.close();
  }
}
