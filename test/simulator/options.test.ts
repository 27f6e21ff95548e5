import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  ACTION_NAMES,
  CERTIFICATE_OUTCOMES,
  DEFAULT_DURATIONS_MS,
  DEFAULT_RESOURCE_DURATIONS_MS,
  FAULT_KINDS,
  type Simulator,
  type SimulatorOptions,
  startSimulator,
  toSdkOperation,
} from '../../src/simulator/index.js';

describe('startSimulator options', () => {
  it.each([
    [{ port: -1 }, RangeError, '`port`'],
    [{ port: 1.5 }, RangeError, '`port`'],
    [{ port: '80' }, TypeError, '`port`'],
    [{ host: '' }, TypeError, '`host`'],
    [{ region: 'US East' }, TypeError, '`region`'],
    [{ timeScale: 0 }, RangeError, '`timeScale`'],
    [{ timeScale: Infinity }, RangeError, '`timeScale`'],
    [{ timeScale: NaN }, RangeError, '`timeScale`'],
    [{ durations: { CreateInstance: -5 } }, RangeError, '`durations.CreateInstance`'],
    [{ notStartedMs: -1 }, RangeError, '`notStartedMs`'],
    [{ notFoundForMs: Infinity }, RangeError, '`notFoundForMs`'],
    [{ pageSize: 0 }, RangeError, '`pageSize`'],
    [{ maxRequestsPerSecond: 0.5 }, RangeError, '`maxRequestsPerSecond`'],
    [{ cors: '' }, TypeError, '`cors`'],
    [{ now: 5 }, TypeError, '`now`'],
    [{ instanceAddresses: 'public' }, TypeError, '`instanceAddresses`'],
    [{ resourceDurations: { publicIpDelayMs: -1 } }, RangeError, '`resourceDurations.publicIpDelayMs`'],
    [{ resourceDurations: { bogusMs: 1 } }, TypeError, '`resourceDurations`'],
    [{ failures: [{ match: { operationType: 5 }, failure: { errorCode: 'X' } }] }, TypeError, '`match.operationType`'],
    [{ certificateOutcomes: { 'cert-1': 'REVOKED' } }, TypeError, '`certificateOutcomes.cert-1`'],
    [{ unhealthyInstances: ['bad name'] }, TypeError, '`unhealthyInstances[0]`'],
  ])('rejects %j naming the option and the value', async (options, type, name) => {
    const error = await startSimulator(options as SimulatorOptions).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(type);
    expect((error as Error).message).toContain(name);
    expect((error as Error).message).toMatch(/got `/);
  });

  it('shows the received value in the message', async () => {
    await expect(startSimulator({ timeScale: -5 })).rejects.toThrow('Expected `timeScale` to be a finite number > 0, got `-5` (number)');
  });
});

describe('public API', () => {
  it('exports its constants', () => {
    expect(DEFAULT_DURATIONS_MS).toMatchObject({
      CreateInstance: 20_000,
      CreateDisk: 10_000,
      StartInstance: 20_000,
      StopInstance: 15_000,
      AttachDisk: 8000,
    });
    expect(FAULT_KINDS).toContain('reset');
    expect(ACTION_NAMES).toEqual(
      expect.arrayContaining(['GetOperation', 'GetOperations', 'GetOperationsForResource', 'CreateInstances', 'AttachDisk']),
    );
    expect(DEFAULT_RESOURCE_DURATIONS_MS).toMatchObject({ publicIpDelayMs: 5000, certificateValidationTimeoutMs: 259_200_000 });
    expect(CERTIFICATE_OUTCOMES).toEqual(['ISSUED', 'FAILED', 'VALIDATION_TIMED_OUT']);
  });

  it('has the documented types', () => {
    expectTypeOf(startSimulator).parameter(0).toEqualTypeOf<SimulatorOptions | undefined>();
    expectTypeOf(startSimulator).returns.resolves.toEqualTypeOf<Simulator>();
    expectTypeOf<Simulator['createOperation']>().returns.toHaveProperty('createdAt').toEqualTypeOf<number>();
    expectTypeOf(toSdkOperation).returns.toHaveProperty('createdAt').toEqualTypeOf<Date | undefined>();
  });
});
