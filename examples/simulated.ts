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

/** True when the module at `url` is the script node was asked to run. */
export function isMain(url: string): boolean {
  return url === `file://${process.argv[1]}`;
}
