// The server's own clock (clockSkewMs), the bounded request log (requestLogLimit), faults given at
// start, and the validation of these options.
import { GetOperationCommand, GetOperationsCommand } from '@aws-sdk/client-lightsail';
import { describe, expect, it } from 'vitest';
import { type SimulatorOptions, startSimulator } from '../../src/simulator/index.js';
import { RequestLog } from '../../src/simulator/request-log.js';
import { setup, T0 } from './helpers.js';

describe('clockSkewMs', () => {
  it.each([300_000, -300_000])('stamps createdAt and statusChangedAt on a server clock %i ms off the client', async (skew) => {
    const f = await setup({ clockSkewMs: skew });
    const op = f.sim.createOperation({ durationMs: 1000 });
    expect(op).toMatchObject({ createdAt: (T0 + skew) / 1000, statusChangedAt: (T0 + skew) / 1000 });
    f.clock.advance(1000);
    const { operation } = await f.client.send(new GetOperationCommand({ operationId: op.id }));
    expect(operation).toMatchObject({ status: 'Succeeded', statusChangedAt: new Date(T0 + skew + 1000) });
    expect(f.sim.requests.at(-1)?.time).toBe(T0 + skew + 1000);
  });

  it('divides the skew by timeScale, like every simulated duration', async () => {
    const f = await setup({ clockSkewMs: 300_000, timeScale: 100 });
    expect(f.sim.createOperation().createdAt).toBe((T0 + 3000) / 1000);
  });
});

describe('requestLogLimit', () => {
  it('keeps the latest requests only', async () => {
    const f = await setup({ requestLogLimit: 3 });
    for (let i = 0; i < 7; i++) {
      f.clock.advance(1);
      await f.client.send(new GetOperationsCommand({}));
    }
    expect(f.sim.requests.map((r) => r.time)).toEqual([T0 + 5, T0 + 6, T0 + 7]);
  });

  it('keeps none at 0', async () => {
    const f = await setup({ requestLogLimit: 0 });
    await f.client.send(new GetOperationsCommand({}));
    expect(f.sim.requests).toEqual([]);
  });

  it('holds at most twice the limit, whatever the number of requests', () => {
    const log = new RequestLog(10_000);
    for (let i = 0; i < 200_000; i++) log.push({ time: i, action: 'GetOperation', status: 200 });
    const entries = log.entries();
    expect(entries).toHaveLength(10_000);
    expect(entries[0]?.time).toBe(190_000);
    expect(entries.at(-1)?.time).toBe(199_999);
  });
});

describe('faults given at start', () => {
  it('are pending from the start, in order', async () => {
    const f = await setup({ faults: [{ kind: 'ThrottlingException', action: 'GetOperations', times: 2 }, { kind: 'http500' }] });
    expect(f.sim.pendingFaults).toEqual([
      { kind: 'ThrottlingException', action: 'GetOperations', times: 2 },
      { kind: 'http500', times: 1 },
    ]);
    await expect(f.client.send(new GetOperationsCommand({}))).rejects.toMatchObject({ name: 'ThrottlingException' });
  });
});

describe('validation of the new options', () => {
  it.each([
    [{ varyDurations: 'yes' }, TypeError, '`varyDurations`'],
    [{ seed: 1.5 }, RangeError, '`seed`'],
    [{ notFoundShape: 'bare' }, TypeError, '`notFoundShape`'],
    [{ clockSkewMs: Infinity }, RangeError, '`clockSkewMs`'],
    [{ requestLogLimit: -1 }, RangeError, '`requestLogLimit`'],
    [{ faults: [{ kind: 'explode' }] }, TypeError, '`kind`'],
    [{ faults: 'reset' }, TypeError, '`faults`'],
  ])('rejects %j naming the option', async (options, type, name) => {
    const error = await startSimulator(options as SimulatorOptions).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(type);
    expect((error as Error).message).toContain(name);
  });
});
