import { LightsailClient } from '@aws-sdk/client-lightsail';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_SSH_PORT, deployReady, startSshWhenReady } from '../../examples/deploy-ready.js';
import { Poller } from '../../src/index.js';
import { type Simulator, startSimulator } from '../../src/simulator/index.js';

let simulator: Simulator | undefined;
let client: LightsailClient | undefined;
afterEach(async () => {
  client?.destroy();
  await simulator?.close();
});

describe('examples/deploy-ready.ts', () => {
  it('waits for the instance running with an IP, SSH steadily open on a real socket, and the database available', async () => {
    // The IP comes 100 s after running and the backup takes 200 s (100 and 200 ms here): long enough
    // for polls every 5-20 ms, through a poller that does not pace them, to surely see both.
    simulator = await startSimulator({
      timeScale: 1000,
      instanceAddresses: 'loopback',
      resourceDurations: { publicIpDelayMs: 100_000, databaseBackupMs: 200_000 },
    });
    client = new LightsailClient({
      endpoint: simulator.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 't', secretAccessKey: 't' },
    });
    const ssh = startSshWhenReady(simulator, 'web-1');
    const lines: string[] = [];
    const ready = await deployReady(client, (line) => lines.push(line), {
      minDelayMs: 5,
      maxDelayMs: 20,
      poller: new Poller({ maxRequestsPerSecond: 1000 }),
      sshPort: DEMO_SSH_PORT,
      sshStableForMs: 50,
    });
    expect(ready).toMatch(/^web-1 and db-1 are ready: db-1 is available at \S+\.rds\.amazonaws\.com$/);
    expect(
      lines.some((l) => /instance-running\s+web-1\s+(pending → )?running \(no public IP yet\)/.test(l)),
      lines.join('\n'),
    ).toBe(true);
    expect(
      lines.some((l) => /instance-running\s+web-1\s+running \(127\.\d+\.\d+\.\d+\)/.test(l)),
      lines.join('\n'),
    ).toBe(true);
    // The listener opens a moment after the IP appears: the first probe may find the port closed.
    expect(
      lines.some((l) => new RegExp(`instance-port-open\\s+web-1:${DEMO_SSH_PORT}\\s+(closed → )?open`).test(l)),
      lines.join('\n'),
    ).toBe(true);
    // The create operation has succeeded before the database is available: the waiter first sees it backing up.
    expect(
      lines.some((l) => /database-available\s+db-1\s+backing-up → available/.test(l)),
      lines.join('\n'),
    ).toBe(true);
    const listener = await ssh;
    expect(listener.port).toBe(DEMO_SSH_PORT);
    expect(simulator.requests.filter((r) => r.action === 'GetRelationalDatabase').length).toBeGreaterThan(1);
  });
});
