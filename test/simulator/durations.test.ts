// Operation durations: exact by default, drawn from evidence-based distributions with
// `varyDurations` (deterministic under `seed`); statusChangedAt and operationDetails as Lightsail sends them.
import { CreateInstancesCommand, CreateRelationalDatabaseCommand, GetOperationCommand } from '@aws-sdk/client-lightsail';
import { describe, expect, it } from 'vitest';
import { DURATION_DISTRIBUTIONS, type SimulatorOptions } from '../../src/simulator/index.js';
import { raw, setup, T0, target } from './helpers.js';

/** The durations (ms) of `count` operations of a type made by createOperation, read once all are done. */
async function durations(options: SimulatorOptions, operationType: string, count: number): Promise<number[]> {
  const f = await setup({ notStartedMs: 0, ...options });
  const ids = Array.from({ length: count }, () => f.sim.createOperation({ operationType }).id);
  f.clock.advance(10 * 86_400_000);
  return ids.map((id) => {
    const op = f.sim.operation(id);
    return Math.round(((op?.statusChangedAt ?? 0) - (op?.createdAt ?? 0)) * 1000);
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

describe('exact durations (the default)', () => {
  it('keeps each type at its default, and other types at exactly 10 s', async () => {
    expect(new Set(await durations({}, 'CreateInstance', 5))).toEqual(new Set([20_000]));
    expect(new Set(await durations({}, 'PeeredVpc', 5))).toEqual(new Set([10_000]));
  });
});

describe('varyDurations', () => {
  it('draws around the evidence: CreateInstance near its 17.9 s median, every draw within e^±3σ', async () => {
    const drawn = await durations({ varyDurations: true }, 'CreateInstance', 301);
    const { medianMs, sigma } = DURATION_DISTRIBUTIONS.CreateInstance as { medianMs: number; sigma: number };
    expect(medianMs).toBe(17_900);
    expect(new Set(drawn).size).toBeGreaterThan(250);
    expect(median(drawn)).toBeGreaterThan(medianMs * 0.9);
    expect(median(drawn)).toBeLessThan(medianMs * 1.1);
    for (const ms of drawn) {
      expect(ms).toBeGreaterThanOrEqual(Math.floor(medianMs * Math.exp(-3 * sigma)));
      expect(ms).toBeLessThanOrEqual(Math.ceil(medianMs * Math.exp(3 * sigma)));
    }
  });

  it('spreads load balancer attaches over the observed 16-68 s, and detaches tightly around 301 s', async () => {
    const attaches = await durations({ varyDurations: true }, 'AttachInstancesToLoadBalancer', 201);
    expect(median(attaches)).toBeGreaterThan(28_000);
    expect(median(attaches)).toBeLessThan(37_000);
    expect(attaches.filter((ms) => ms >= 15_700 && ms <= 67_500).length / attaches.length).toBeGreaterThan(0.55);
    for (const ms of await durations({ varyDurations: true }, 'DetachInstancesFromLoadBalancer', 50)) {
      expect(ms).toBeGreaterThan(298_000);
      expect(ms).toBeLessThan(304_000);
    }
  });

  it('gives the same durations for the same seed, and others for another seed', async () => {
    const a = await durations({ varyDurations: true, seed: 7 }, 'CreateDisk', 20);
    expect(await durations({ varyDurations: true, seed: 7 }, 'CreateDisk', 20)).toEqual(a);
    expect(await durations({ varyDurations: true, seed: 8 }, 'CreateDisk', 20)).not.toEqual(a);
  });

  it('keeps the types the durations option names exact', async () => {
    expect(new Set(await durations({ varyDurations: true, durations: { CreateInstance: 1234 } }, 'CreateInstance', 10))).toEqual(
      new Set([1234]),
    );
  });

  it('varies the durations of the actions themselves', async () => {
    const f = await setup({ varyDurations: true, seed: 3 });
    const input = { availabilityZone: 'us-east-1a', blueprintId: 'b', bundleId: 'n' };
    const { operations } = await f.client.send(new CreateInstancesCommand({ instanceNames: ['a-1', 'a-2', 'a-3'], ...input }));
    f.clock.advance(120_000);
    const taken = operations?.map((op) => Math.round((f.sim.operation(op.id ?? '')?.statusChangedAt ?? 0) * 1000) - T0);
    expect(new Set(taken).size).toBe(3);
  });

  it('moves statusChangedAt of a database create 1.393 s in while it is still Started, as the CLI example shows', async () => {
    const f = await setup({ varyDurations: true });
    const { operations } = await f.client.send(
      new CreateRelationalDatabaseCommand({
        relationalDatabaseName: 'db-1',
        relationalDatabaseBlueprintId: 'mysql_8_0',
        relationalDatabaseBundleId: 'micro_2_0',
        masterDatabaseName: 'app',
        masterUsername: 'admin',
      }),
    );
    const id = operations?.[0]?.id ?? '';
    expect(operations?.[0]).toMatchObject({ status: 'Started', statusChangedAt: new Date(T0) });
    f.clock.advance(1393);
    const { operation } = await f.client.send(new GetOperationCommand({ operationId: id }));
    expect(operation).toMatchObject({ status: 'Started', createdAt: new Date(T0), statusChangedAt: new Date(T0 + 1393) });
  });
});

describe('operations as Lightsail sends them', () => {
  it('creates operations Started unless told otherwise', async () => {
    const f = await setup();
    expect(f.sim.createOperation()).toMatchObject({ status: 'Started', statusChangedAt: T0 / 1000 });
    expect(f.sim.createOperation({ status: 'NotStarted' }).status).toBe('NotStarted');
  });

  it('leaves operationDetails out when empty, as create-relational-database.rst and create-instances.rst do', async () => {
    const f = await setup();
    const answer = await raw(f.sim, {
      target: target('CreateInstances'),
      body: '{"instanceNames":["web-1"],"availabilityZone":"us-east-1a","blueprintId":"b","bundleId":"n"}',
    });
    const [op] = (answer.body?.operations ?? []) as Record<string, unknown>[];
    expect(op).not.toHaveProperty('operationDetails');
    expect(op).toMatchObject({ status: 'Started', isTerminal: false, statusChangedAt: T0 / 1000, createdAt: T0 / 1000 });
  });
});
