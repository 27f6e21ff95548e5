import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { CreateInstancesCommand, LightsailClient } from '@aws-sdk/client-lightsail';
import { describe, expect, it } from 'vitest';
import { CliUsageError, parseSimulatorArgs, USAGE } from '../../src/simulator/cli.js';

const BIN = fileURLToPath(new URL('../../src/simulator/bin.ts', import.meta.url));

describe('parseSimulatorArgs', () => {
  it.each([
    [[], {}],
    [['--port', '4566'], { port: 4566 }],
    [['--host', '0.0.0.0', '--region', 'eu-west-1'], { host: '0.0.0.0', region: 'eu-west-1' }],
    [['--time-scale', '10', '--max-rps', '5'], { timeScale: 10, maxRequestsPerSecond: 5 }],
    [['--max-rps', '5', '--burst', '25'], { maxRequestsPerSecond: 5, requestBurst: 25 }],
    [['--time-scale=2.5'], { timeScale: 2.5 }],
    [['--cors'], { cors: true }],
    [['--instance-addresses', 'loopback'], { instanceAddresses: 'loopback' }],
    [
      ['--fail-operation', 'CreateRelationalDatabase', '--fail-operation', 'CreateInstance:InsufficientCapacity'],
      {
        failures: [
          { match: { operationType: 'CreateRelationalDatabase' }, failure: { errorCode: 'OperationFailure' } },
          { match: { operationType: 'CreateInstance' }, failure: { errorCode: 'InsufficientCapacity' } },
        ],
      },
    ],
    [
      ['--fail-certificate', 'cert-1', '--fail-certificate', 'cert-2:VALIDATION_TIMED_OUT'],
      { certificateOutcomes: { 'cert-1': 'FAILED', 'cert-2': 'VALIDATION_TIMED_OUT' } },
    ],
    [['--unhealthy-instance', 'web-1', '--unhealthy-instance', 'web-2'], { unhealthyInstances: ['web-1', 'web-2'] }],
  ])('parses %j', (argv, options) => {
    expect(parseSimulatorArgs(argv)).toEqual({ help: false, options });
  });

  it.each([['--help'], ['-h']])('asks for help with %s', (flag) => {
    expect(parseSimulatorArgs([flag])).toEqual({ help: true });
    expect(USAGE).toContain('--time-scale');
  });

  it.each([
    [['--port', 'abc'], /--port expects a number/],
    [['--max-rps=-3'], /--max-rps expects a number/],
    [['--bogus'], /bogus/],
    [['extra'], /extra/],
    [['--instance-addresses', 'public'], /--instance-addresses/],
    [['--fail-operation', 'Create Instance'], /--fail-operation/],
    [['--fail-certificate', 'cert-1:REVOKED'], /--fail-certificate/],
    [['--unhealthy-instance', 'bad name'], /--unhealthy-instance/],
  ])('rejects %j with CliUsageError', (argv, message) => {
    expect(() => parseSimulatorArgs(argv)).toThrow(CliUsageError);
    expect(() => parseSimulatorArgs(argv)).toThrow(message);
  });
});

describe('lightsail-waiter-simulator', () => {
  it('prints its endpoint, serves the SDK, and exits 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', BIN, '--port', '0', '--time-scale', '10'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
      expect(line).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const client = new LightsailClient({ endpoint: line, region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
      const { operations } = await client.send(
        new CreateInstancesCommand({ instanceNames: ['web-1'], availabilityZone: 'us-east-1a', blueprintId: 'b', bundleId: 'n' }),
      );
      expect(operations?.[0]?.status).toBe('Started');
      client.destroy();
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      expect(await exited).toEqual([0, null]);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('exits 2 with the usage on a bad command line', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', BIN, '--time-scale', '0'], { encoding: 'utf8', timeout: 15_000 });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('`timeScale`');
  });
});
