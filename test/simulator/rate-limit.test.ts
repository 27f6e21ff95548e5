import { GetOperationsCommand } from '@aws-sdk/client-lightsail';
import { describe, expect, it } from 'vitest';
import { type Fixture, setup } from './helpers.js';

const outcome = (f: Fixture): Promise<string> =>
  f.client.send(new GetOperationsCommand({})).then(
    () => 'ok',
    (e: Error) => e.name,
  );

describe('maxRequestsPerSecond', () => {
  it('answers ThrottlingException above the limit within one second of the clock', async () => {
    const f = await setup({ maxRequestsPerSecond: 2 });
    expect([await outcome(f), await outcome(f), await outcome(f)]).toEqual(['ok', 'ok', 'ThrottlingException']);
    expect(f.sim.requests.at(-1)).toMatchObject({ status: 400, error: 'ThrottlingException' });
    expect(f.sim.requests.at(-1)).not.toHaveProperty('fault');
  });

  it('slides the window: a request leaves it exactly 1000 ms after it arrived', async () => {
    const f = await setup({ maxRequestsPerSecond: 2 });
    await outcome(f); // t = 0
    f.clock.advance(500);
    await outcome(f); // t = 500
    f.clock.advance(499);
    expect(await outcome(f)).toBe('ThrottlingException'); // t = 999: both still in the window
    f.clock.advance(1);
    expect(await outcome(f)).toBe('ok'); // t = 1000: the first has left
    expect(await outcome(f)).toBe('ThrottlingException'); // t = 1000: 500 and 1000 are in
  });

  it('does not count throttled requests against the limit', async () => {
    const f = await setup({ maxRequestsPerSecond: 1 });
    await outcome(f);
    for (let i = 0; i < 5; i++) expect(await outcome(f)).toBe('ThrottlingException');
    f.clock.advance(1000);
    expect(await outcome(f)).toBe('ok');
  });

  it('does not limit when the option is unset', async () => {
    const f = await setup();
    const results = await Promise.all(Array.from({ length: 50 }, () => outcome(f)));
    expect(new Set(results)).toEqual(new Set(['ok']));
  });
});

describe('requestBurst: a token bucket', () => {
  it('lets a full bucket burst, then admits one request per token refilled', async () => {
    // 10 tokens, 2 a second: one token every 500 ms.
    const f = await setup({ maxRequestsPerSecond: 2, requestBurst: 10 });
    const burst = [];
    for (let i = 0; i < 11; i++) burst.push(await outcome(f));
    expect(burst).toEqual([...Array(10).fill('ok'), 'ThrottlingException']);
    f.clock.advance(499);
    expect(await outcome(f)).toBe('ThrottlingException'); // 0.998 of a token
    f.clock.advance(1);
    expect(await outcome(f)).toBe('ok'); // a whole one at 500 ms
    expect(await outcome(f)).toBe('ThrottlingException');
    expect(f.sim.requests.at(-1)).toMatchObject({ status: 400, error: 'ThrottlingException' });
  });

  it('fills up to the burst and no further while idle, and a throttled request takes no token', async () => {
    const f = await setup({ maxRequestsPerSecond: 1, requestBurst: 3 });
    for (let i = 0; i < 3; i++) await outcome(f);
    for (let i = 0; i < 4; i++) expect(await outcome(f)).toBe('ThrottlingException');
    f.clock.advance(60_000);
    const after = [];
    for (let i = 0; i < 4; i++) after.push(await outcome(f));
    expect(after).toEqual(['ok', 'ok', 'ok', 'ThrottlingException']);
  });

  it.each([
    [{ requestBurst: 5 }, TypeError, '`requestBurst` sizes the token bucket of `maxRequestsPerSecond`: give `maxRequestsPerSecond` too'],
    [{ maxRequestsPerSecond: 5, requestBurst: 0 }, RangeError, '`requestBurst`'],
    [{ maxRequestsPerSecond: 5, requestBurst: 2.5 }, RangeError, '`requestBurst`'],
  ])('refuses %j', async (options, type, message) => {
    await expect(setup(options)).rejects.toThrow(type);
    await expect(setup(options)).rejects.toThrow(message);
  });
});
