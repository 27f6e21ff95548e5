// Shared set-up for the integration tests: a real `LightsailClient` talking HTTP to a simulator
// started for the test, both closed after it.
import { CreateInstancesCommand, LightsailClient, type Operation } from '@aws-sdk/client-lightsail';
import { afterEach, expect } from 'vitest';
import { Poller, type WaitOptions } from '../../src/index.js';
import { type RequestLogEntry, type Simulator, type SimulatorOptions, startSimulator } from '../../src/simulator/index.js';

/**
 * Divides every simulated duration: a 20 s instance create takes 200 ms, an 8 s disk attach 80 ms,
 * and `NotStarted` lasts 10 ms.
 */
export const TIME_SCALE = 100;

/** A simulator and a real client pointed at it. */
export interface Fixture {
  readonly sim: Simulator;
  readonly client: LightsailClient;
}

export interface SetupOptions {
  readonly simulator?: SimulatorOptions;
  /**
   * Keep the SDK's own retries (3 attempts per request). Off by default (`maxAttempts: 1`), so
   * that every retry a test sees is the waiter's. @default false
   */
  readonly sdkRetries?: boolean;
}

const cleanups: Array<() => Promise<void> | void> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Starts a simulator (`timeScale` {@link TIME_SCALE}) and a client; both are closed after the test. */
export async function setup({ simulator = {}, sdkRetries = false }: SetupOptions = {}): Promise<Fixture> {
  const sim = await startSimulator({ timeScale: TIME_SCALE, ...simulator });
  cleanups.push(() => sim.close());
  const client = new LightsailClient({
    endpoint: sim.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    ...(sdkRetries ? {} : { maxAttempts: 1 }),
  });
  cleanups.push(() => client.destroy());
  return { sim, client };
}

/**
 * Fast waiter options: delays of 5 to 50 ms, through a poller of its own whose cap (1000 per
 * second) never paces these small tests; a test about pacing sets its own cap.
 */
export function fast(options: WaitOptions = {}): WaitOptions {
  return { minDelayMs: 5, maxDelayMs: 50, poller: new Poller({ maxRequestsPerSecond: 1000 }), ...options };
}

/** The longest any delay of {@link fast} options can last, plus a margin for the request itself. */
export const LONGER_THAN_ANY_DELAY_MS = 100;

/** The requests the simulator answered for one action, oldest first. */
export function requestsFor(sim: Simulator, action: string): RequestLogEntry[] {
  return sim.requests.filter((entry) => entry.action === action);
}

/** The `GetOperation` requests the simulator answered, oldest first. */
export const getOperationRequests = (sim: Simulator): RequestLogEntry[] => requestsFor(sim, 'GetOperation');

/** The `operations` of a Lightsail response, checked to number `count`. */
export function operationsOf(response: { operations?: Operation[] | undefined }, count: number): Operation[] {
  const operations = response.operations ?? [];
  expect(operations).toHaveLength(count);
  return operations;
}

/** The `index`th item, checked to exist. */
export function nth<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new RangeError(`Expected an item at index ${index}, got ${items.length} items`);
  return item;
}

/** Creates instances with the real `CreateInstancesCommand`; resolves with their operations, in order. */
export async function createInstances(client: LightsailClient, names: readonly string[]): Promise<Operation[]> {
  const response = await client.send(
    new CreateInstancesCommand({
      instanceNames: [...names],
      availabilityZone: 'us-east-1a',
      blueprintId: 'ubuntu_22_04',
      bundleId: 'nano_3_0',
    }),
  );
  return operationsOf(response, names.length);
}

/** Creates one instance; resolves with its `CreateInstance` operation. */
export async function createInstance(client: LightsailClient, name: string): Promise<Operation> {
  return nth(await createInstances(client, [name]), 0);
}

/**
 * Records when the client puts each request of one command on the wire (per attempt, after the
 * SDK's retry step), as `performance.now()` times.
 */
export function recordSends(client: LightsailClient, commandName: string): number[] {
  const sends: number[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === commandName) sends.push(performance.now());
      return next(args);
    },
    { step: 'finalizeRequest', name: `recordSends:${commandName}` },
  );
  return sends;
}

/** The most of these times (ms) that fall within any window of `windowMs` starting at one of them, end excluded. */
export function maxInWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (const [i, start] of sorted.entries()) {
    let count = 0;
    for (const time of sorted.slice(i)) if (time < start + windowMs) count += 1;
    most = Math.max(most, count);
  }
  return most;
}

/** Resolves after `ms` of real time; used only to prove that nothing more happens meanwhile. */
export function quietPeriod(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
