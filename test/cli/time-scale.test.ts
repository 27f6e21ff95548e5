import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src/cli/args.js';
import { sharedWaitOptions } from '../../src/cli/shared-wait-options.js';
import { UsageError } from '../../src/cli/usage-error.js';
import { type BackoffContext, operationAwareBackoff } from '../../src/index.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { testIO } from './helpers.js';

const options = (argv: string[]) => sharedWaitOptions(parseCliArgs(argv), testIO().io, new FakeClock());

describe('--time-scale', () => {
  it('divides the default schedule and its bounds by n', () => {
    const scaled = options(['--time-scale', '100', 'op-1']);
    expect(scaled).toMatchObject({ minDelayMs: 10, maxDelayMs: 300 });
    const context: BackoffContext = {
      attempt: 2,
      elapsedMs: 20_000,
      minDelayMs: 1000,
      maxDelayMs: 30_000,
      operation: { id: 'op-1', operationType: 'CreateInstance', status: 'Started' },
      random: () => 0,
    };
    const fast = { ...context, elapsedMs: 200, minDelayMs: 10, maxDelayMs: 300 };
    expect(scaled.backoff?.(fast)).toBe(Math.round(operationAwareBackoff(context) / 100));
  });

  it('leaves the schedule alone when not given', () => {
    expect(options(['op-1'])).not.toHaveProperty('backoff');
  });

  it('lets --min-delay and --max-delay win over the scaled bounds', () => {
    expect(options(['--time-scale', '100', '--min-delay', '50ms', '--max-delay', '2s', 'op-1'])).toMatchObject({
      minDelayMs: 50,
      maxDelayMs: 2000,
    });
  });

  it.each([
    [['--min-delay', '1s'], { minDelayMs: 1000, maxDelayMs: 1000 }],
    [['--max-delay', '5ms'], { minDelayMs: 5, maxDelayMs: 5 }],
  ])('moves the scaled other bound with a bound given alone: %j', (flags, expected) => {
    expect(options(['--time-scale', '100', ...flags, 'op-1'])).toMatchObject(expected);
  });

  it.each(['0', '-3', 'fast', ''])('rejects %j, naming the flag and the value', (value) => {
    expect(() => parseCliArgs([`--time-scale=${value}`, 'op-1'])).toThrow(UsageError);
    expect(() => parseCliArgs([`--time-scale=${value}`, 'op-1'])).toThrow(`invalid --time-scale '${value}'`);
  });
});
