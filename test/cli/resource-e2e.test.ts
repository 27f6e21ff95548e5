/**
 * End to end, the waiters: spawns the built `dist/cli.js` against a simulator on a hand-moved clock,
 * with instances and disks made through the real SDK client, as a deploy script would.
 */
import { CreateDiskCommand, CreateInstancesCommand, DeleteInstanceCommand, LightsailClient } from '@aws-sdk/client-lightsail';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { CLI_WAITERS, WAITER_ALIASES } from '../../src/cli/waiter-catalog.js';
import type { Simulator } from '../../src/simulator/index.js';
import { assertBuilt, closeSimulators, lines, simulator, spawnCli } from './e2e-helpers.js';
import { progressRecords } from './json-lines.js';

const clients: LightsailClient[] = [];

/** A client on the simulator, to make the resources the CLI then waits for. */
function clientOf(sim: Simulator): LightsailClient {
  const client = new LightsailClient({
    endpoint: sim.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  clients.push(client);
  return client;
}

const createInstances = (sim: Simulator, ...instanceNames: string[]) =>
  clientOf(sim).send(
    new CreateInstancesCommand({ instanceNames, availabilityZone: 'us-east-1a', blueprintId: 'ubuntu_22_04', bundleId: 'nano_3_0' }),
  );

const createDisk = (sim: Simulator, diskName: string) =>
  clientOf(sim).send(new CreateDiskCommand({ diskName, availabilityZone: 'us-east-1a', sizeInGb: 8 }));

const probes = (sim: Simulator, action: string) => sim.requests.filter((r) => r.action === action);

beforeAll(assertBuilt);
afterAll(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await closeSimulators();
});

describe.concurrent('lightsail-wait <waiter> (spawned)', () => {
  it('exits 0 once every instance is running with a public IP, a line per change', async ({ expect }) => {
    const { sim, advance } = await simulator();
    await createInstances(sim, 'web-1', 'web-2');
    const cli = spawnCli(['--endpoint-url', sim.endpoint, 'instance-running', 'web-1', 'web-2']);
    await cli.lines(2);
    advance(120_000);
    const { code, stdout, stderr } = await cli.exit;
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(lines(stdout)).toEqual([
      '[0s] instance web-1: pending',
      '[0s] instance web-2: pending',
      // Elapsed times are real ones: the next poll after `advance` is 1 s later, or 2 s on a loaded machine.
      expect.stringMatching(/^\[\d+s\] instance web-1: pending → running \(\d+\.\d+\.\d+\.\d+\)$/),
      expect.stringMatching(/^\[\d+s\] instance web-2: pending → running \(\d+\.\d+\.\d+\.\d+\)$/),
      expect.stringMatching(/^2 resources: 2 succeeded \(\d+(\.\d)?s\)$/),
    ]);
  });

  it('prints JSON lines with --json for disk-available', async ({ expect }) => {
    const { sim, advance } = await simulator();
    await createDisk(sim, 'data-1');
    const cli = spawnCli(['--json', '--endpoint-url', sim.endpoint, 'disk-available', 'data-1']);
    await cli.lines(1);
    advance(60_000);
    const { code, stdout } = await cli.exit;
    expect(code).toBe(0);
    expect(progressRecords(stdout)).toEqual([
      {
        type: 'status',
        waiter: 'disk-available',
        target: 'data-1',
        previous: null,
        state: 'pending',
        detail: 'detached',
        elapsedMs: expect.any(Number),
      },
      {
        type: 'status',
        waiter: 'disk-available',
        target: 'data-1',
        previous: 'pending',
        state: 'available',
        detail: 'detached',
        elapsedMs: expect.any(Number),
      },
      {
        type: 'result',
        waiter: 'disk-available',
        target: 'data-1',
        outcome: 'succeeded',
        state: 'available',
        detail: 'detached',
        elapsedMs: expect.any(Number),
      },
    ]);
  });

  it('exits 0 for instance-deleted once the instance is gone', async ({ expect }) => {
    const { sim } = await simulator();
    await createInstances(sim, 'old-1');
    const cli = spawnCli(['--endpoint-url', sim.endpoint, 'instance-deleted', 'old-1']);
    await cli.lines(1);
    await clientOf(sim).send(new DeleteInstanceCommand({ instanceName: 'old-1' }));
    const { code, stdout } = await cli.exit;
    expect(code).toBe(0);
    expect(lines(stdout)).toEqual([
      '[0s] instance old-1: pending',
      expect.stringMatching(/^\[\d+s\] instance old-1: pending → deleted$/),
      expect.stringMatching(/^1 resource: 1 succeeded \(/),
    ]);
  });

  it('exits 1 when the disk ends in error, naming the disk, the waiter, the state and the reason', async ({ expect }) => {
    const { sim, advance } = await simulator();
    sim.failOperations({ operationType: 'CreateDisk' }, { errorCode: 'InternalFailure' });
    await createDisk(sim, 'data-2');
    const cli = spawnCli(['--endpoint-url', sim.endpoint, 'disk-available', 'data-2']);
    await cli.lines(1);
    advance(60_000);
    const { code, stderr } = await cli.exit;
    expect(code).toBe(1);
    expect(stderr).toBe('lightsail-wait: disk data-2 (disk-available) failed in state error: the disk is in state error\n');
  });

  it('exits 3 when --timeout runs out', async ({ expect }) => {
    const { sim } = await simulator();
    await createInstances(sim, 'web-3');
    const { code, stderr } = await spawnCli(['--timeout', '1s', '--endpoint-url', sim.endpoint, 'instance-running', 'web-3']).exit;
    expect(code).toBe(3);
    expect(stderr).toBe('lightsail-wait: instance web-3 (instance-running) timed out after 1s; last state pending\n');
  });

  it('exits 4 at once when access is denied', async ({ expect }) => {
    const { sim } = await simulator();
    await createDisk(sim, 'data-3');
    sim.injectFault({ kind: 'AccessDeniedException', action: 'GetDisk', times: Infinity });
    const { code, stderr } = await spawnCli(['--endpoint-url', sim.endpoint, 'disk-in-use', 'data-3']).exit;
    expect(code).toBe(4);
    expect(stderr).toMatch(/^lightsail-wait: disk data-3 \(disk-in-use\): GetDisk failed with AccessDeniedException: .+; no state seen\n$/);
    expect(probes(sim, 'GetDisk')).toHaveLength(1);
  });

  it.for([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)(
    'on %s, stops without another request, says where each instance stood and exits %i',
    async ([signal, expected], { expect }) => {
      const { sim } = await simulator();
      await createInstances(sim, 'web-4');
      const spawned = spawnCli(['--endpoint-url', sim.endpoint, 'instance-deleted', 'web-4']);
      await spawned.lines(1);
      const requests = probes(sim, 'GetInstance').length;
      spawned.child.kill(signal);
      const { code, stderr } = await spawned.exit;
      expect(code).toBe(expected);
      expect(probes(sim, 'GetInstance')).toHaveLength(requests);
      expect(stderr).toMatch(
        /^lightsail-wait: interrupted after \d+s; where each resource stood:\n {2}instance web-4 \(instance-deleted\): pending, still waiting\n$/,
      );
    },
  );

  it('exits 2 on an unknown waiter, suggesting the closest, before any request', async ({ expect }) => {
    const { sim } = await simulator();
    const { code, stdout, stderr } = await spawnCli(['--endpoint-url', sim.endpoint, 'instance-runing', 'web-1']).exit;
    expect(code).toBe(2);
    expect(stderr).toBe(
      "lightsail-wait: unknown waiter 'instance-runing'; did you mean instance-running? (lightsail-wait --list shows them all)\n",
    );
    expect(stdout).toBe('');
    expect(sim.requests).toEqual([]);
  });

  it('lists the waiters with --list', async ({ expect }) => {
    const { code, stdout } = await spawnCli(['--list']).exit;
    expect(code).toBe(0);
    expect(lines(stdout)).toHaveLength(CLI_WAITERS.size + WAITER_ALIASES.size);
    expect(stdout).toMatch(/^instance-running +polls GetInstance until /);
  });
});
