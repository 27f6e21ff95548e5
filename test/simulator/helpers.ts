import { CreateInstancesCommand, LightsailClient } from '@aws-sdk/client-lightsail';
import { afterEach } from 'vitest';
import { type Simulator, type SimulatorOptions, startSimulator } from '../../src/simulator/index.js';

/** A hand-driven clock (epoch ms) for the simulator's `now`. */
export interface ManualClock {
  now(): number;
  advance(ms: number): void;
}

export const T0 = Date.UTC(2024, 0, 2, 3, 4, 5, 678);

export function manualClock(start = T0): ManualClock {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms) };
}

export interface Fixture {
  readonly sim: Simulator;
  readonly client: LightsailClient;
  readonly clock: ManualClock;
}

const open: Array<() => Promise<void>> = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((close) => close()));
});

/** A real `LightsailClient` pointed at the simulator. */
export function clientFor(sim: Simulator, maxAttempts = 1): LightsailClient {
  const client = new LightsailClient({
    endpoint: sim.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts,
  });
  open.push(async () => client.destroy());
  return client;
}

/** Starts a simulator on a manual clock with a single-attempt client; both are closed after the test. */
export async function setup(options: SimulatorOptions = {}, maxAttempts = 1): Promise<Fixture> {
  const clock = manualClock();
  const sim = await startSimulator({ now: clock.now, ...options });
  open.push(() => sim.close());
  return { sim, clock, client: clientFor(sim, maxAttempts) };
}

/** Sends a raw HTTP request to the simulator and returns status, headers and parsed JSON body. */
export async function raw(
  sim: Simulator,
  init: { method?: string; path?: string; target?: string | undefined; body?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Headers; body: Record<string, unknown> | undefined }> {
  const headers: Record<string, string> = { 'content-type': 'application/x-amz-json-1.1', ...init.headers };
  if (init.target !== undefined) headers['x-amz-target'] = init.target;
  const method = init.method ?? 'POST';
  const response = await fetch(`${sim.endpoint}${init.path ?? '/'}`, {
    method,
    headers,
    ...(method === 'GET' || method === 'HEAD' ? {} : { body: init.body ?? '{}' }),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>),
  };
}

export const target = (action: string): string => `Lightsail_20161128.${action}`;

/** Creates an instance with `CreateInstances` and moves the clock past its create (20 s by default). */
export async function runningInstance(f: Fixture, name: string): Promise<void> {
  await f.client.send(
    new CreateInstancesCommand({
      instanceNames: [name],
      availabilityZone: 'us-east-1a',
      blueprintId: 'ubuntu_22_04',
      bundleId: 'nano_3_0',
    }),
  );
  f.clock.advance(20_000);
}
