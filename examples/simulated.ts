/**
 * Shared by the examples: runs `main` against a Lightsail simulator started in this process, with
 * a client pointed at it, and cleans both up. Only used when an example is run directly.
 */
import { LightsailClient } from '@aws-sdk/client-lightsail';
import type { WaitManyOptions } from 'lightsail-waiter';
import { type Simulator, startSimulator } from 'lightsail-waiter/simulator';

export async function runOnSimulator(
  main: (client: LightsailClient, simulator: Simulator, options: WaitManyOptions) => Promise<void>,
  timeScale = Number(process.env.DEMO_TIME_SCALE ?? 10),
): Promise<void> {
  noteNodeVersion();
  const simulator = await startSimulator({ timeScale });
  const client = new LightsailClient({
    endpoint: simulator.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'demo', secretAccessKey: 'demo' },
  });
  console.log(`Lightsail simulator at ${simulator.endpoint} (durations ÷ ${timeScale})\n`);
  try {
    // The schedule runs as fast as the simulator: Lightsail's shape, `timeScale` times faster.
    await main(client, simulator, simulator.waitOptions);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  } finally {
    client.destroy();
    await simulator.close();
  }
}

/**
 * On Node.js before 22, the AWS SDK prints a ten-line `NodeVersionSupportWarning` when the first
 * client is made (its releases from January 2027 need Node.js 22). The examples say it in one line
 * instead, unless you set `AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED` yourself.
 */
export function noteNodeVersion(): void {
  if (process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED !== undefined) return;
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 22) console.log(`Node.js ${major}: AWS SDK releases from January 2027 need Node.js 22.\n`);
}

/** True when the module at `url` is the script node was asked to run. */
export function isMain(url: string): boolean {
  return url === `file://${process.argv[1]}`;
}
