import { LightsailClient } from '@aws-sdk/client-lightsail';
import { afterEach, describe, expect, it } from 'vitest';
import { deploy } from '../../examples/deploy.js';
import { type Simulator, startSimulator } from '../../src/simulator/index.js';

let simulator: Simulator | undefined;
let client: LightsailClient | undefined;
afterEach(async () => {
  client?.destroy();
  await simulator?.close();
});

describe('examples/deploy.ts', () => {
  it('deploys two instances, a static IP and a disk, waiting on every operation', async () => {
    simulator = await startSimulator({ timeScale: 1000 });
    client = new LightsailClient({
      endpoint: simulator.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 't', secretAccessKey: 't' },
    });
    const lines: string[] = [];
    await deploy(client, (line) => lines.push(line), { minDelayMs: 5, maxDelayMs: 20 });
    const done = lines.filter((l) => l.startsWith('✔'));
    expect(done).toHaveLength(5);
    expect(lines.some((l) => /web-1\s+CreateInstance\s+Started → Succeeded/.test(l))).toBe(true);
    expect(lines.some((l) => /web-2\s+AttachDisk\s+Started → Succeeded/.test(l))).toBe(true);
    // the static IP steps came back Succeeded: waited on with no GetOperation at all
    const polled = new Set(simulator.requests.filter((r) => r.action === 'GetOperation').map((r) => r.operationId));
    const quick = simulator.requests.filter((r) => r.action === 'AllocateStaticIp' || r.action === 'AttachStaticIp');
    expect(quick).toHaveLength(2);
    expect(polled.size).toBe(5); // 2 creates, 1 disk create, 2 disk attach operations
  });
});
