import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMEOUT_MS, parseCliArgs } from '../../src/cli/args.js';
import { UsageError } from '../../src/cli/usage-error.js';

describe('parseCliArgs', () => {
  it('reads ids and defaults', () => {
    expect(parseCliArgs(['op-1', 'op-2'])).toEqual({
      help: false,
      version: false,
      ids: ['op-1', 'op-2'],
      resources: [],
      explicitStdin: false,
      timeoutMs: DEFAULT_TIMEOUT_MS,
      output: 'auto',
    });
  });

  it.each([
    [['--min-delay', '2s', '--max-delay', '1m'], { minDelayMs: 2000, maxDelayMs: 60_000 }],
    // The library's default minimum (1 s) comes down with a shorter maximum given alone.
    [['--max-delay', '250ms'], { maxDelayMs: 250 }],
    [['--max-delay', '5s'], { maxDelayMs: 5000 }],
    [['--min-delay', '45s'], { minDelayMs: 45_000 }],
  ])('reads the poll delays %j', (argv, expected) => {
    const { minDelayMs, maxDelayMs } = parseCliArgs([...argv, 'op-1']);
    expect(JSON.parse(JSON.stringify({ minDelayMs, maxDelayMs }))).toEqual(expected);
  });

  it('reads every flag, leaving out the ones not given', () => {
    const config = parseCliArgs([
      '--region=eu-west-3',
      '--profile',
      'ops',
      '--endpoint-url',
      'http://127.0.0.1:4566',
      '--timeout',
      '10m',
      '--max-rps',
      '2.5',
      '--json',
      '--resource',
      'web-1',
      '--resource=ip_1',
      '--resource',
      'web-1',
      '-',
      'op-1',
    ]);
    expect(config).toEqual({
      help: false,
      version: false,
      ids: ['op-1'],
      resources: ['web-1', 'ip_1'],
      explicitStdin: true,
      region: 'eu-west-3',
      profile: 'ops',
      endpoint: 'http://127.0.0.1:4566',
      timeoutMs: 600_000,
      maxRequestsPerSecond: 2.5,
      output: 'json',
    });
  });

  it.each([
    [['--quiet'], 'quiet'],
    [['--json'], 'json'],
    [[], 'auto'],
  ])('picks the output mode of %j', (argv, output) => {
    expect(parseCliArgs(argv).output).toBe(output);
  });

  it.each([
    [['--help'], 'help'],
    [['-h'], 'help'],
    [['--version'], 'version'],
  ] as const)('reads %j', (argv, key) => {
    expect(parseCliArgs(argv)[key]).toBe(true);
  });

  it('takes ids after -- as ids', () => {
    expect(parseCliArgs(['--', 'op-1']).ids).toEqual(['op-1']);
  });

  it.each([
    [['--bogus'], "unknown option '--bogus'"],
    [['-x'], "unknown option '-x'"],
    [['--timeout'], "option '--timeout' needs a value"],
    [['--json=yes'], "option '--json' does not take a value"],
    [['--timeout', '10x'], "invalid --timeout '10x': expected a duration such as 90, 90s, 10m or 1h"],
    [['--timeout', '0'], "invalid --timeout '0': expected a duration longer than 0"],
    [['--max-rps', 'abc'], "invalid --max-rps 'abc': expected a number greater than 0"],
    [['--resource=-web'], "invalid --resource '-web': expected a Lightsail resource name such as web-1"],
    [['--min-delay', 'soon'], "invalid --min-delay 'soon': expected a duration such as 90, 90s, 10m or 1h"],
    [['--max-delay', '0'], "invalid --max-delay '0': expected a duration longer than 0"],
    [['--min-delay', '10s', '--max-delay', '5s'], '--max-delay (5s) must not be shorter than --min-delay (10s)'],
    [['--resource', 'a b'], "invalid --resource 'a b': expected a Lightsail resource name such as web-1"],
    [['--resource'], "option '--resource' needs a value"],
    [['--max-rps', '0'], "invalid --max-rps '0': expected a number greater than 0"],
    [['--max-rps', '-1'], "option '--max-rps' needs a value"],
    [['--max-rps=-1'], "invalid --max-rps '-1': expected a number greater than 0"],
    [['--max-rps', 'Infinity'], "invalid --max-rps 'Infinity': expected a number greater than 0"],
    [['--endpoint-url', 'localhost:4566'], "invalid --endpoint-url 'localhost:4566': expected an http:// or https:// URL"],
    [['--endpoint-url', 'not a url'], "invalid --endpoint-url 'not a url': expected an http:// or https:// URL"],
    [['--region', 'US East'], "invalid --region 'US East': expected a region such as us-east-1"],
    [['--profile', ''], '--profile needs a non-empty value'],
    [['--json', '--quiet'], '--json and --quiet cannot be used together'],
    [['response.json'], "'response.json' is not an operation id (to read JSON from a file: lightsail-wait - < FILE)"],
    [['null'], "'null' is not an operation id: JSON null, what an AWS CLI `--query` that matched nothing prints"],
    [['op-1', 'None'], "'None' is not an operation id: what an AWS CLI `--query` that matched nothing prints with `--output text`"],
  ])('rejects %j: %s', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(new UsageError(message));
  });

  it('throws a UsageError', () => {
    expect(() => parseCliArgs(['--bogus'])).toThrow(UsageError);
  });
});
