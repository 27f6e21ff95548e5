import { GetOperationCommand } from '@aws-sdk/client-lightsail';
import { describe, expect, it } from 'vitest';
import { toSdkOperation } from '../../src/simulator/index.js';
import { setup, T0 } from './helpers.js';

describe('operation lifecycle on the injected clock', () => {
  it('goes NotStarted → Started → Succeeded, moving statusChangedAt at each step', async () => {
    const f = await setup({ notStartedMs: 1000 });
    const op = f.sim.createOperation({ status: 'NotStarted', durationMs: 5000 });
    const read = async () => (await f.client.send(new GetOperationCommand({ operationId: op.id }))).operation;
    expect(await read()).toMatchObject({ status: 'NotStarted', isTerminal: false, statusChangedAt: new Date(T0) });
    f.clock.advance(999);
    expect((await read())?.status).toBe('NotStarted');
    f.clock.advance(1);
    expect(await read()).toMatchObject({ status: 'Started', isTerminal: false, statusChangedAt: new Date(T0 + 1000) });
    f.clock.advance(4999);
    expect((await read())?.status).toBe('Started');
    f.clock.advance(1);
    expect(await read()).toMatchObject({ status: 'Succeeded', isTerminal: true, statusChangedAt: new Date(T0 + 6000) });
  });

  it('starts an operation created Started at once and ends it after durationMs', async () => {
    const f = await setup();
    const op = f.sim.createOperation({ status: 'Started', durationMs: 3000 });
    expect(op.status).toBe('Started');
    f.clock.advance(3000);
    expect(f.sim.operation(op.id)).toMatchObject({ status: 'Succeeded', isTerminal: true });
  });

  it.each(['Succeeded', 'Completed'] as const)('creates an operation already %s', async (status) => {
    const f = await setup();
    expect(f.sim.createOperation({ status })).toMatchObject({ status, isTerminal: true, statusChangedAt: T0 / 1000 });
  });

  it('ends in finalStatus Completed when asked', async () => {
    const f = await setup();
    const op = f.sim.createOperation({ status: 'Started', durationMs: 10, finalStatus: 'Completed' });
    f.clock.advance(10);
    expect(f.sim.operation(op.id)?.status).toBe('Completed');
  });

  it('fails with errorCode and errorDetails, which only appear once Failed', async () => {
    const f = await setup();
    const op = f.sim.createOperation({
      status: 'Started',
      durationMs: 100,
      finalStatus: 'Failed',
      errorCode: 'NoCapacity',
      errorDetails: 'try later',
    });
    expect(op).not.toHaveProperty('errorCode');
    f.clock.advance(100);
    const { operation } = await f.client.send(new GetOperationCommand({ operationId: op.id }));
    expect(operation).toMatchObject({ status: 'Failed', isTerminal: true, errorCode: 'NoCapacity', errorDetails: 'try later' });
  });

  it('gives a Failed operation a default errorCode', async () => {
    const f = await setup();
    expect(f.sim.createOperation({ status: 'Failed' })).toMatchObject({ status: 'Failed', errorCode: 'OperationFailure' });
  });

  it('uses createdAt for a back-dated operation, which may already be finished', async () => {
    const f = await setup();
    const op = f.sim.createOperation({ createdAt: T0 - 60_000, status: 'Started', durationMs: 30_000 });
    expect(op).toMatchObject({ createdAt: (T0 - 60_000) / 1000, status: 'Succeeded', statusChangedAt: (T0 - 30_000) / 1000 });
  });

  it('never finishes an operation with durationMs Infinity', async () => {
    const f = await setup();
    const op = f.sim.createOperation({ status: 'Started', durationMs: Infinity });
    f.clock.advance(10 * 365 * 86_400_000);
    expect(f.sim.operation(op.id)?.status).toBe('Started');
  });

  it('divides every duration by timeScale', async () => {
    const f = await setup({ timeScale: 100, notStartedMs: 1000 });
    const op = f.sim.createOperation({ status: 'NotStarted', durationMs: 18_000 });
    f.clock.advance(10);
    expect(f.sim.operation(op.id)?.status).toBe('Started');
    f.clock.advance(179);
    expect(f.sim.operation(op.id)?.status).toBe('Started');
    f.clock.advance(1);
    expect(f.sim.operation(op.id)?.status).toBe('Succeeded');
  });

  it('takes default durations per operation type, overridable with durations', async () => {
    const f = await setup({ durations: { CreateDisk: 50 }, notStartedMs: 0 });
    const disk = f.sim.createOperation({ operationType: 'CreateDisk' });
    const instance = f.sim.createOperation({ operationType: 'CreateInstance' });
    f.clock.advance(50);
    expect(f.sim.operation(disk.id)?.status).toBe('Succeeded');
    f.clock.advance(19_949);
    expect(f.sim.operation(instance.id)?.status).toBe('Started');
    f.clock.advance(1);
    expect(f.sim.operation(instance.id)?.status).toBe('Succeeded');
  });

  it('keeps 10,000 operations cheap: creation and reads need no timers', async () => {
    const f = await setup({ notStartedMs: 0 });
    const ids = Array.from({ length: 10_000 }, (_, i) => f.sim.createOperation({ status: 'Started', durationMs: i }).id);
    f.clock.advance(5000);
    expect(f.sim.operation(ids[4999] as string)?.status).toBe('Succeeded');
    expect(f.sim.operation(ids[5001] as string)?.status).toBe('Started');
  });

  it('returns undefined from operation() for an unknown id', async () => {
    const f = await setup();
    expect(f.sim.operation('nope')).toBeUndefined();
  });
});

describe('failOperations', () => {
  it('makes future operations of a type fail when they finish', async () => {
    const f = await setup();
    f.sim.failOperations({ operationType: 'CreateDisk' }, { errorCode: 'DiskFull', errorDetails: 'no room' });
    const disk = f.sim.createOperation({ operationType: 'CreateDisk', status: 'Started', durationMs: 10 });
    const other = f.sim.createOperation({ operationType: 'CreateInstance', status: 'Started', durationMs: 10 });
    expect(f.sim.operation(disk.id)?.status).toBe('Started');
    f.clock.advance(10);
    expect(f.sim.operation(disk.id)).toMatchObject({ status: 'Failed', errorCode: 'DiskFull', errorDetails: 'no room' });
    expect(f.sim.operation(other.id)?.status).toBe('Succeeded');
  });

  it('makes one running operation fail by id, leaving finished ones alone', async () => {
    const f = await setup();
    const done = f.sim.createOperation({ status: 'Succeeded' });
    const running = f.sim.createOperation({ status: 'Started', durationMs: 10 });
    f.sim.failOperations({ operationId: running.id }, { errorCode: 'Boom' });
    f.sim.failOperations({ operationId: done.id }, { errorCode: 'Boom' });
    f.clock.advance(10);
    expect(f.sim.operation(running.id)).toMatchObject({ status: 'Failed', errorCode: 'Boom' });
    expect(f.sim.operation(running.id)).not.toHaveProperty('errorDetails');
    expect(f.sim.operation(done.id)?.status).toBe('Succeeded');
  });

  it('matches by resourceName and stops after clearFailures', async () => {
    const f = await setup();
    f.sim.failOperations({ resourceName: 'bad-1' }, { errorCode: 'Boom' });
    expect(f.sim.createOperation({ resourceName: 'bad-1', status: 'Succeeded' }).status).toBe('Failed');
    f.sim.clearFailures();
    expect(f.sim.createOperation({ resourceName: 'bad-1', status: 'Succeeded' }).status).toBe('Succeeded');
  });

  it.each([
    [{}, { errorCode: 'X' }, /operationType/],
    [{ operationType: '' }, { errorCode: 'X' }, /match.operationType/],
    [{ operationType: 'A' }, { errorCode: '' }, /failure.errorCode/],
  ])('rejects a bad rule %#', async (match, failure, message) => {
    const f = await setup();
    expect(() => f.sim.failOperations(match, failure)).toThrow(message);
  });
});

describe('createOperation validation', () => {
  it.each([
    [{ status: 'Running' }, TypeError, /`status`/],
    [{ finalStatus: 'Started' }, TypeError, /`finalStatus`/],
    [{ status: 'Succeeded', finalStatus: 'Failed' }, RangeError, /`finalStatus`/],
    [{ errorCode: 'X' }, RangeError, /errorCode/],
    [{ durationMs: -1 }, RangeError, /`durationMs`/],
    [{ durationMs: '5' }, TypeError, /`durationMs`/],
    [{ createdAt: NaN }, RangeError, /`createdAt`/],
    [{ resourceName: 7 }, TypeError, /`resourceName`/],
  ])('rejects %j', async (spec, type, message) => {
    const f = await setup();
    expect(() => f.sim.createOperation(spec as never)).toThrow(type);
    expect(() => f.sim.createOperation(spec as never)).toThrow(message);
  });
});

describe('toSdkOperation', () => {
  it('converts the wire shape to what LightsailClient returns', async () => {
    const f = await setup();
    const op = f.sim.createOperation({ status: 'Failed', errorCode: 'E', errorDetails: 'D' });
    const { operation } = await f.client.send(new GetOperationCommand({ operationId: op.id }));
    expect(toSdkOperation(op)).toEqual(operation);
  });
});
