import { LightsailClient } from '@aws-sdk/client-lightsail';
import { afterEach, describe, expect, it } from 'vitest';
import { containerDeploy } from '../../examples/container-deploy.js';
import { Poller } from '../../src/index.js';
import { type Simulator, startSimulator } from '../../src/simulator/index.js';

let simulator: Simulator | undefined;
let client: LightsailClient | undefined;
afterEach(async () => {
  client?.destroy();
  await simulator?.close();
});

describe('examples/container-deploy.ts', () => {
  it('shows a deployment becoming active, then a failing one with its log tail', async () => {
    simulator = await startSimulator({ timeScale: 1000, deploymentFailures: [{ image: 'broken-app' }] });
    client = new LightsailClient({
      endpoint: simulator.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 't', secretAccessKey: 't' },
    });
    const lines: string[] = [];
    const [good, bad] = await containerDeploy(client, (line) => lines.push(line), {
      minDelayMs: 5,
      maxDelayMs: 20,
      poller: new Poller({ maxRequestsPerSecond: 1000 }),
    });
    expect(good).toBe('✔ version 1 is ACTIVE');
    expect(bad).toMatch(/^✖ Container service api deployment 2 will not become active: deployment 2 FAILED\./);
    expect(bad).toContain('--- web ---');
    expect(bad).toContain('Health check failed');
    expect(lines).toContain('  deployment 1: ACTIVE (RUNNING)');
    expect(lines.some((l) => /deployment 2: ACTIVATING \(DEPLOYING: EVALUATING_HEALTH_CHECK\)/.test(l))).toBe(true);
  });
});
