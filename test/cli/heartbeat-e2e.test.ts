/**
 * End to end, the heartbeat: spawns the built `dist/cli.js` with its output piped (plain lines)
 * against a simulator on a hand-moved clock, where a disk stays pending until the test moves time.
 */
import { CreateDiskCommand, LightsailClient } from '@aws-sdk/client-lightsail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, closeSimulators, lines, simulator, spawnCli } from './e2e-helpers.js';

const clients: LightsailClient[] = [];

beforeAll(assertBuilt);
afterAll(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await closeSimulators();
});

describe('lightsail-wait --heartbeat (spawned)', () => {
  it('prints a "still" line while nothing changes, before the final line', async () => {
    const { sim, advance } = await simulator();
    const client = new LightsailClient({
      endpoint: sim.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    clients.push(client);
    await client.send(new CreateDiskCommand({ diskName: 'data-1', availabilityZone: 'us-east-1a', sizeInGb: 8 }));
    const cli = spawnCli(['--heartbeat', '1s', '--endpoint-url', sim.endpoint, 'disk-available', 'data-1']);
    // The first state, then a heartbeat a second later: the simulator's clock has not moved.
    await cli.lines(2);
    advance(60_000);
    const { code, stdout, stderr } = await cli.exit;
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = lines(stdout);
    expect(out[0]).toBe('[0s] disk data-1: pending (detached)');
    const still = out.findIndex((line) => /^\[\d+s\] disk data-1: still pending \(detached\)$/.test(line));
    expect(still).toBeGreaterThan(0);
    expect(still).toBeLessThan(out.length - 2);
    expect(out.at(-2)).toMatch(/^\[\d+s\] disk data-1: pending → available \(detached\)$/);
    expect(out.at(-1)).toMatch(/^1 resource: 1 succeeded \(\d+(\.\d)?s\)$/);
  });
});
