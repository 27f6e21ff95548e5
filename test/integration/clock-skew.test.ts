// The waiter against a Lightsail whose clock is 5 minutes off the client's: the schedule reads the
// operation's `createdAt`, so skew moves its idea of the operation's age. The real client talks HTTP
// to the simulator; time is virtual (one hand-moved clock for the client's timers, its wall clock and
// the simulator), so each run is exact: how long the wait took and how many polls it made.
import {
  CreateDiskCommand,
  CreateInstancesCommand,
  CreateLoadBalancerCommand,
  LightsailClient,
  type Operation,
} from '@aws-sdk/client-lightsail';
import { afterEach, describe, expect, it } from 'vitest';
import { createOperationAwareBackoff, Poller, type WaitOptions, waitForOperation, waitForOperations } from '../../src/index.js';
import { type Simulator, startSimulator } from '../../src/simulator/index.js';
import { FakeClock, flush } from '../helpers/fake-clock.js';

const T0 = Date.UTC(2024, 0, 2, 3, 4, 5, 678);
const FIVE_MINUTES = 300_000;

interface Rig {
  readonly sim: Simulator;
  readonly client: LightsailClient;
  readonly clock: FakeClock;
  /** Requests the client has sent and not yet seen answered. */
  inFlight: number;
}

const rigs: Rig[] = [];
afterEach(async () => {
  for (const rig of rigs.splice(0)) {
    rig.client.destroy();
    await rig.sim.close();
  }
});

async function rig(clockSkewMs: number): Promise<Rig> {
  const clock = new FakeClock();
  const sim = await startSimulator({ now: () => T0 + clock.time, clockSkewMs });
  const client = new LightsailClient({
    endpoint: sim.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
  const r: Rig = { sim, client, clock, inFlight: 0 };
  client.middlewareStack.add(
    (next) => async (args) => {
      r.inFlight += 1;
      try {
        return await next(args);
      } finally {
        r.inFlight -= 1;
      }
    },
    { step: 'initialize', name: 'countInFlight' },
  );
  rigs.push(r);
  return r;
}

/** The default schedule and defaults, on the rig's clock: its timers, and its wall clock for `createdAt`. */
function options(r: Rig): WaitOptions {
  return {
    clock: r.clock,
    poller: new Poller({ clock: r.clock }),
    backoff: createOperationAwareBackoff({ now: () => T0 + r.clock.time }),
  };
}

/** Runs the wait in virtual time: fires the earliest timer whenever no request is in flight and nothing else moves. */
async function drive<T>(r: Rig, promise: Promise<T>): Promise<T> {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  for (let step = 0; step < 100_000; step++) {
    do await new Promise((resolve) => setTimeout(resolve, r.inFlight > 0 ? 1 : 0));
    while (r.inFlight > 0);
    await flush();
    if (r.inFlight > 0) continue;
    if (settled) return promise;
    if (!r.clock.fireNext()) throw new Error('The wait is stuck: no timer, no request in flight');
  }
  throw new Error('The wait never settled');
}

/** Polls (GetOperation) and the smallest gap between two polls of the same operation, in virtual ms. */
function polls(r: Rig): { count: number; minGapMs: number } {
  const byId = new Map<string, number[]>();
  for (const entry of r.sim.requests) {
    if (entry.action !== 'GetOperation') continue;
    byId.set(entry.operationId ?? '', [...(byId.get(entry.operationId ?? '') ?? []), entry.time]);
  }
  const gaps = [...byId.values()].flatMap((times) => times.slice(1).map((t, i) => t - (times[i] as number)));
  return { count: [...byId.values()].reduce((n, times) => n + times.length, 0), minGapMs: Math.min(Infinity, ...gaps) };
}

async function createInstance(r: Rig): Promise<Operation> {
  const { operations } = await r.client.send(
    new CreateInstancesCommand({ instanceNames: ['web-1'], availabilityZone: 'us-east-1a', blueprintId: 'b', bundleId: 'n' }),
  );
  return operations?.[0] as Operation;
}

const SKEWS = [
  ['no skew', 0],
  ['the server 5 min ahead', FIVE_MINUTES],
  ['the server 5 min behind', -FIVE_MINUTES],
] as const;

describe('waitForOperation under clock skew', () => {
  it.each(SKEWS)('%s: a 20 s CreateInstance is seen Succeeded within 30 s of its end, in at most 10 polls', async (_, skew) => {
    const r = await rig(skew);
    const created = await createInstance(r);
    expect(created.createdAt?.getTime()).toBe(T0 + skew);

    const final = await drive(r, waitForOperation(r.client, created, options(r)));

    expect(final).toMatchObject({ status: 'Succeeded', statusChangedAt: new Date(T0 + skew + 20_000) });
    const { count, minGapMs } = polls(r);
    expect(r.clock.time).toBeGreaterThanOrEqual(20_000);
    expect(r.clock.time).toBeLessThanOrEqual(50_000);
    expect(count).toBeLessThanOrEqual(10);
    expect(minGapMs).toBeGreaterThanOrEqual(1000);
  });
});

describe('waitForOperations under clock skew', () => {
  it.each(SKEWS)('%s: a disk (10 s), an instance (20 s) and a load balancer (60 s) all end, none polled absurdly', async (_, skew) => {
    const r = await rig(skew);
    const instance = await createInstance(r);
    const disk = await r.client.send(new CreateDiskCommand({ diskName: 'data-1', availabilityZone: 'us-east-1a', sizeInGb: 8 }));
    const lb = await r.client.send(new CreateLoadBalancerCommand({ loadBalancerName: 'lb-1', instancePort: 80 }));

    const finals = await drive(
      r,
      waitForOperations(r.client, [instance, ...(disk.operations ?? []), ...(lb.operations ?? [])], options(r)),
    );

    expect(finals.map((op) => [op.operationType, op.status])).toEqual([
      ['CreateInstance', 'Succeeded'],
      ['CreateDisk', 'Succeeded'],
      ['CreateLoadBalancer', 'Succeeded'],
    ]);
    const { count, minGapMs } = polls(r);
    expect(r.clock.time).toBeGreaterThanOrEqual(60_000);
    expect(r.clock.time).toBeLessThanOrEqual(90_000);
    expect(count).toBeLessThanOrEqual(30);
    expect(minGapMs).toBeGreaterThanOrEqual(1000);
  });
});
