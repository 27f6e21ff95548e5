import { LightsailClient } from '@aws-sdk/client-lightsail';
import { afterEach, describe, expect, it } from 'vitest';
import { createInstanceUntilAborted } from '../../examples/abort-on-ctrl-c.js';
import { attachAndWait } from '../../examples/custom-waiter.js';
import { createWithPlugin } from '../../examples/plugin.js';
import { createFleetWithProgress } from '../../examples/progress.js';
import { createInstanceSdkStyle } from '../../examples/sdk-style.js';
import { attachWhenIdle } from '../../examples/wait-for-resource.js';
import { type Simulator, startSimulator } from '../../src/simulator/index.js';

let simulator: Simulator;
let client: LightsailClient;
const fast = { minDelayMs: 5, maxDelayMs: 20 };

async function start(timeScale = 1000) {
  simulator = await startSimulator({ timeScale });
  client = new LightsailClient({
    endpoint: simulator.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 't', secretAccessKey: 't' },
  });
}

afterEach(async () => {
  client.destroy();
  await simulator.close();
});

describe('the examples', () => {
  it('progress.ts renders a line per operation and the overall count, ending 3/3 done', async () => {
    await start();
    const frames: string[][] = [];
    await createFleetWithProgress(client, (lines) => frames.push(lines), fast);
    expect(frames.at(-1)).toEqual(['web-1: Succeeded', 'web-2: Succeeded', 'web-3: Succeeded', '3/3 done (0 failed)']);
    expect(frames[0]?.[0]).toBe('web-1: Started');
  });

  it('abort-on-ctrl-c.ts reports where the operation stood when interrupted', async () => {
    await start(1);
    const controller = new AbortController();
    const result = createInstanceUntilAborted(client, controller.signal, fast);
    while (!simulator.requests.some((r) => r.action === 'GetOperation')) await new Promise((r) => setImmediate(r));
    controller.abort(new Error('Ctrl-C'));
    expect(await result).toMatch(/^Interrupted: operation [\w-]+ was Started$/);
    const polls = simulator.requests.filter((r) => r.action === 'GetOperation').length;
    await new Promise((r) => setTimeout(r, 50));
    expect(simulator.requests.filter((r) => r.action === 'GetOperation')).toHaveLength(polls);
  });

  it('abort-on-ctrl-c.ts finishes normally when not interrupted', async () => {
    await start();
    expect(await createInstanceUntilAborted(client, new AbortController().signal, fast)).toBe('web-1 is ready (Succeeded)');
  });

  it('sdk-style.ts resolves with state SUCCESS', async () => {
    await start();
    expect(await createInstanceSdkStyle(client, 0.005, 0.02)).toBe('SUCCESS: Succeeded');
  });

  it('wait-for-resource.ts waits on the instance it only knows by name', async () => {
    await start(20); // the create takes 1 s: still running when the example lists it
    const waited = await attachWhenIdle(client, fast);
    expect(waited[0]).toBe('web-1 CreateInstance Succeeded');
  });

  it('plugin.ts finds the instance running as soon as send() returns', async () => {
    await start();
    expect(await createWithPlugin(client, fast)).toBe('running');
  });

  it('custom-waiter.ts waits with a waiter of its own until the static IP is attached', async () => {
    await start();
    expect(await attachAndWait(client, fast)).toEqual(['detached', 'attached', expect.stringMatching(/^203\.0\.113\.\d+ on web-1$/)]);
  });
});
