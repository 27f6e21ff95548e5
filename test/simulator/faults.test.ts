import {
  AccessDeniedException,
  GetInstanceCommand,
  GetOperationCommand,
  GetOperationsCommand,
  InvalidInputException,
  LightsailServiceException,
  NotFoundException,
  ServiceException,
  UnauthenticatedException,
} from '@aws-sdk/client-lightsail';
import { describe, expect, it } from 'vitest';
import type { Fault } from '../../src/simulator/index.js';
import { clientFor, setup } from './helpers.js';

const list = new GetOperationsCommand({});

describe('injected faults', () => {
  it.each([
    ['ThrottlingException', LightsailServiceException, 400, 'ThrottlingException'],
    ['ServiceException', ServiceException, 500, 'ServiceException'],
    ['AccessDeniedException', AccessDeniedException, 403, 'AccessDeniedException'],
    ['UnauthenticatedException', UnauthenticatedException, 401, 'UnauthenticatedException'],
    ['InvalidInputException', InvalidInputException, 400, 'InvalidInputException'],
    ['NotFoundException', NotFoundException, 404, 'NotFoundException'],
    ['http500', LightsailServiceException, 500, 'InternalFailure'],
    ['http503', LightsailServiceException, 503, 'ServiceUnavailable'],
  ] as const)('answers %s as the SDK expects', async (kind, type, status, name) => {
    const f = await setup();
    f.sim.injectFault({ kind });
    const error = await f.client.send(list).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject({ name, $metadata: { httpStatusCode: status } });
    expect(f.sim.requests.at(-1)).toMatchObject({ action: 'GetOperations', status, error: name, fault: kind });
    await expect(f.client.send(list)).resolves.toBeDefined();
  });

  it('lets the SDK retry a transient fault on its own', async () => {
    const f = await setup();
    f.sim.injectFault({ kind: 'http503' });
    const output = await clientFor(f.sim, 3).send(list);
    expect(output.$metadata.attempts).toBe(2);
    expect(f.sim.requests.map((r) => r.status)).toEqual([503, 200]);
  });

  it('resets the connection without an answer', async () => {
    const f = await setup();
    f.sim.injectFault({ kind: 'reset' });
    const error = await f.client.send(list).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(String((error as NodeJS.ErrnoException).code ?? (error as Error).message)).toMatch(/ECONNRESET|socket hang up/i);
    expect(f.sim.requests).toEqual([expect.objectContaining({ status: 0, error: 'reset', fault: 'reset' })]);
    await expect(f.client.send(list)).resolves.toBeDefined();
  });

  it('delays by real milliseconds, then answers normally', async () => {
    const f = await setup();
    f.sim.injectFault({ kind: 'delay', delayMs: 40 });
    const started = performance.now();
    await expect(f.client.send(list)).resolves.toBeDefined();
    expect(performance.now() - started).toBeGreaterThanOrEqual(35);
    expect(f.sim.requests).toEqual([expect.objectContaining({ status: 200, fault: 'delay' })]);
    expect(f.sim.requests[0]).not.toHaveProperty('error');
  });

  it('only hits the named action', async () => {
    const f = await setup();
    f.sim.injectFault({ kind: 'NotFoundException', action: 'GetInstance' });
    await expect(f.client.send(list)).resolves.toBeDefined();
    await expect(f.client.send(new GetInstanceCommand({ instanceName: 'x-1' }))).rejects.toBeInstanceOf(NotFoundException);
    expect(f.sim.requests.map((r) => r.fault)).toEqual([undefined, 'NotFoundException']);
  });

  it('hits `times` requests, first injected first', async () => {
    const f = await setup();
    f.sim.injectFault({ kind: 'AccessDeniedException', times: 2 });
    f.sim.injectFault({ kind: 'ServiceException' });
    const outcomes = [];
    for (let i = 0; i < 4; i++)
      outcomes.push(
        await f.client.send(list).then(
          () => 'ok',
          (e: Error) => e.name,
        ),
      );
    expect(outcomes).toEqual(['AccessDeniedException', 'AccessDeniedException', 'ServiceException', 'ok']);
  });

  it('keeps an Infinity fault until clearFaults', async () => {
    const f = await setup();
    f.sim.injectFault({ kind: 'UnauthenticatedException', times: Infinity });
    for (let i = 0; i < 5; i++) await expect(f.client.send(list)).rejects.toBeInstanceOf(UnauthenticatedException);
    f.sim.clearFaults();
    await expect(f.client.send(list)).resolves.toBeDefined();
  });

  it('hits a request before its own validation, so GetOperation faults need no real operation', async () => {
    const f = await setup();
    f.sim.injectFault({ kind: 'ThrottlingException', action: 'GetOperation' });
    await expect(f.client.send(new GetOperationCommand({ operationId: 'x' }))).rejects.toMatchObject({ name: 'ThrottlingException' });
  });

  it('lists pending faults with what remains of `times`', async () => {
    const f = await setup();
    f.sim.injectFault({ kind: 'http500', times: 2, action: 'GetOperations' });
    await f.client.send(list).catch(() => undefined);
    expect(f.sim.pendingFaults).toEqual([{ kind: 'http500', times: 1, action: 'GetOperations' }]);
    await f.client.send(list).catch(() => undefined);
    expect(f.sim.pendingFaults).toEqual([]);
  });

  it('drops a delayed request when the simulator closes, clearing its timer', async () => {
    const f = await setup();
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    f.sim.injectFault({ kind: 'delay', delayMs: 60_000 });
    const pending = f.client.send(list).catch((e: unknown) => e);
    await expect.poll(() => f.sim.pendingFaults.length).toBe(0);
    const during = timers();
    await f.sim.close();
    expect(await pending).toBeInstanceOf(Error);
    expect(timers()).toBeLessThan(during);
    expect(f.sim.requests).toEqual([expect.objectContaining({ status: 0, fault: 'delay' })]);
  });

  it.each([
    [{ kind: 'explode' }, /`kind`/],
    [{ kind: 'reset', times: 0 }, /`times`/],
    [{ kind: 'reset', times: 1.5 }, /`times`/],
    [{ kind: 'delay' }, /`delayMs`/],
    [{ kind: 'delay', delayMs: -1 }, /`delayMs`/],
    [{ kind: 'reset', delayMs: 5 }, /`delayMs`/],
    [{ kind: 'reset', action: '' }, /`action`/],
  ])('rejects the fault %j', async (fault, message) => {
    const f = await setup();
    expect(() => f.sim.injectFault(fault as Fault)).toThrow(message);
  });
});
