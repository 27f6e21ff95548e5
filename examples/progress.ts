/**
 * Progress for a UI: one line per operation, redrawn from the waiter's events, and an overall
 * count. Run it: `npx tsx examples/progress.ts`.
 */
import { CreateInstancesCommand, type LightsailClient } from '@aws-sdk/client-lightsail';
import { OperationsWaiter, type WaitManyOptions } from 'lightsail-waiter';
import { isMain, runOnSimulator } from './simulated.js';

/** Creates a small fleet and reports its progress through `render`, one snapshot per change. */
export async function createFleetWithProgress(
  client: LightsailClient,
  render: (lines: string[]) => void,
  options: WaitManyOptions = {},
): Promise<void> {
  const names = ['web-1', 'web-2', 'web-3'];
  const created = await client.send(
    new CreateInstancesCommand({ instanceNames: names, availabilityZone: 'us-east-1a', blueprintId: 'ubuntu_22_04', bundleId: 'nano_3_0' }),
  );
  const waiter = new OperationsWaiter(client, created, options);
  const rows = new Map<string, string>();
  const draw = () => {
    const { succeeded, failed, total } = waiter.progress;
    render([...rows.values(), `${succeeded + failed}/${total} done (${failed} failed)`]);
  };
  waiter.on('status', ({ operationId, operation, current }) => {
    rows.set(operationId, `${operation.resourceName}: ${current}`);
    draw();
  });
  waiter.on('progress', draw);
  await waiter.wait();
}

if (isMain(import.meta.url)) {
  await runOnSimulator((client, _, options) => createFleetWithProgress(client, (lines) => console.log(lines.join(' | ')), options));
}
