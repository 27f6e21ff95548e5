import { CreateInstancesCommand, LightsailClient } from '@aws-sdk/client-lightsail';
import { afterEach, expect } from 'vitest';
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

/** A real `LightsailClient` pointed at the simulator, signing for `region` (which decides the simulator's region state). */
export function clientFor(sim: Simulator, maxAttempts = 1, region = 'us-east-1'): LightsailClient {
  const client = new LightsailClient({
    endpoint: sim.endpoint,
    region,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts,
  });
  open.push(async () => client.destroy());
  return client;
}

/**
 * Starts a simulator on a manual clock with a single-attempt client signing for the simulator's
 * default region (`options.region`); both are closed after the test.
 */
export async function setup(options: SimulatorOptions = {}, maxAttempts = 1): Promise<Fixture> {
  const clock = manualClock();
  const sim = await startSimulator({ now: clock.now, ...options });
  open.push(() => sim.close());
  return { sim, clock, client: clientFor(sim, maxAttempts, options.region) };
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

/**
 * Creates an instance with `CreateInstances` and moves the clock past its create (20 s by default)
 * and its public IP delay (5 s by default).
 */
export async function runningInstance(f: Fixture, name: string): Promise<void> {
  await f.client.send(
    new CreateInstancesCommand({
      instanceNames: [name],
      availabilityZone: 'us-east-1a',
      blueprintId: 'ubuntu_22_04',
      bundleId: 'nano_3_0',
    }),
  );
  f.clock.advance(25_000);
}

/** Every key path of a JSON-like value (`a.b[].c`); `Date`s and other non-plain objects are leaves. */
export function keyPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => keyPaths(item, `${prefix}[]`));
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return [];
  return Object.entries(value).flatMap(([key, item]) => {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    return [path, ...keyPaths(item, path)];
  });
}

/**
 * Sends `body` to `action` raw, then asserts that the SDK's parsed `output` of the same call kept
 * every member of the raw answer: the SDK drops members its model does not know, so a member the
 * simulator invents shows up as missing.
 */
export async function expectModelledMembers(f: Fixture, action: string, body: object, output: object): Promise<void> {
  const answer = await raw(f.sim, { target: target(action), body: JSON.stringify(body) });
  expect(answer.status).toBe(200);
  const unique = (paths: string[]) => [...new Set(paths)].sort();
  const parsed = keyPaths(output).filter((path) => !path.startsWith('$metadata'));
  expect(unique(parsed)).toEqual(unique(keyPaths(answer.body)));
}
