import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/cli/command.js';
import type { ResourceCliConfig } from '../../src/cli/resource-args.js';
import { UsageError } from '../../src/cli/usage-error.js';
import { CLI_WAITERS, meantWaiter } from '../../src/cli/waiter-catalog.js';
import { RESOURCE_WAITERS } from '../../src/index.js';
import { instancePortOpen } from '../../src/node.js';
import { runCli } from './helpers.js';
import { resourceClient } from './resource-stub.js';

/** The resource config of a command line that must select the resource mode. */
function resources(argv: string[]): ResourceCliConfig {
  const command = parseCommand(argv);
  if (command.kind !== 'resources') throw new Error(`expected the resource mode, got ${command.kind}`);
  return command.config;
}

describe('parseCommand: choosing the mode', () => {
  it('selects the resource mode when the first argument names a waiter', () => {
    const config = resources(['instance-running', 'web-1', 'web-2']);
    expect(config.definition.name).toBe('instance-running');
    expect(config.names).toEqual(['web-1', 'web-2']);
  });

  it.each([[['op-1', 'op-2']], [['-']], [[]], [['--resource', 'web-1']], [['1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d']]])(
    'keeps the operation mode for %j',
    (argv) => {
      expect(parseCommand(argv).kind).toBe('operations');
    },
  );

  it('finds the flags wherever they are', () => {
    const config = resources(['--region', 'eu-west-3', 'disk-available', '--json', 'disk-1', '--timeout=5m']);
    expect(config).toMatchObject({ names: ['disk-1'], region: 'eu-west-3', output: 'json', timeoutMs: 300_000 });
  });

  it.each([
    [['--help'], 'help'],
    [['instance-running', '--help'], 'help'],
    [['--version'], 'version'],
    [['--list'], 'list'],
  ])('answers %j with %s', (argv, kind) => {
    expect(parseCommand(argv).kind).toBe(kind);
  });

  it('runs every waiter of the library, and the TCP port waiter', () => {
    expect([...CLI_WAITERS.keys()].sort()).toEqual([...Object.keys(RESOURCE_WAITERS), instancePortOpen.name].sort());
    for (const name of CLI_WAITERS.keys()) {
      const extra = name === 'load-balancer-certificate-issued' ? ['--certificate', 'c-1'] : [];
      expect(parseCommand([name, 'res-1', ...extra]).kind).toBe('resources');
    }
  });
});

describe('parseCommand: waiter inputs', () => {
  it('takes each name once, in order', () => {
    expect(resources(['disk-in-use', 'd-2', 'd-1', 'd-2']).names).toEqual(['d-2', 'd-1']);
  });

  it.each<[string[], unknown[]]>([
    [['instance-running', 'web-1'], [{ instanceName: 'web-1', requirePublicIp: true }]],
    [['instance-running', 'web-1', '--no-public-ip'], [{ instanceName: 'web-1', requirePublicIp: false }]],
    [['instance-stopped', 'web-1'], [{ instanceName: 'web-1' }]],
    [['disk-available', 'disk-1'], [{ diskName: 'disk-1' }]],
    [['database-available', 'db-1'], [{ relationalDatabaseName: 'db-1' }]],
    [['load-balancer-active', 'lb-1'], [{ loadBalancerName: 'lb-1' }]],
    [['load-balancer-certificate-issued', 'lb-1', '--certificate', 'cert-1'], [{ loadBalancerName: 'lb-1', certificateName: 'cert-1' }]],
    [['certificate-issued', 'cert-1'], [{ certificateName: 'cert-1' }]],
    [['distribution-deployed', 'cdn-1'], [{ distributionName: 'cdn-1' }]],
  ])('builds the input of %j', (argv, inputs) => {
    expect(resources(argv).inputs).toEqual(inputs);
  });

  it("uses instance-port-open's defaults unless --port and --stable-for are given", () => {
    expect(resources(['instance-port-open', 'web-1']).inputs).toEqual([instancePortOpen.input('web-1')]);
    expect(resources(['instance-port-open', 'web-1', '--port', '443', '--stable-for', '30s']).inputs).toEqual([
      { instanceName: 'web-1', port: 443, stableForMs: 30_000, connectTimeoutMs: 3_000 },
    ]);
  });

  it.each(['0', '0s', '0ms'])('takes --stable-for %s as "open once is enough"', (value) => {
    expect(resources(['instance-port-open', 'web-1', '--stable-for', value]).inputs).toEqual([expect.objectContaining({ stableForMs: 0 })]);
  });
});

describe('usage errors', () => {
  it.each([
    [
      ['instance-runing', 'web-1'],
      "unknown waiter 'instance-runing'; did you mean instance-running? (lightsail-wait --list shows them all)",
    ],
    [['disk-availble', 'd-1'], "unknown waiter 'disk-availble'; did you mean disk-available?"],
    [['instance-up', 'web-1'], "unknown waiter 'instance-up'; did you mean instance-running?"],
    [['load-balancer-healthy', 'lb-1'], "unknown waiter 'load-balancer-healthy'; did you mean load-balancer-instances-healthy?"],
    [['distribution', 'cdn-1'], "unknown waiter 'distribution'; did you mean distribution-deployed?"],
    [['web-1', 'instance-running'], 'the waiter comes first: lightsail-wait instance-running <name>...'],
    [['instance-running'], 'instance-running needs at least one name: lightsail-wait instance-running <name>...'],
    [['instance-running', '--json'], 'instance-running needs at least one name'],
    [
      ['load-balancer-certificate-issued', 'lb-1'],
      'load-balancer-certificate-issued needs --certificate <name>: lightsail-wait load-balancer-certificate-issued <name> --certificate <name>',
    ],
    [['instance-running', 'web-1', '--port', '22'], '--port only applies to instance-port-open'],
    [['disk-available', 'd-1', '--stable-for', '5s'], '--stable-for only applies to instance-port-open'],
    [['certificate-issued', 'c-1', '--certificate', 'c-1'], '--certificate only applies to load-balancer-certificate-issued'],
    [['instance-stopped', 'web-1', '--no-public-ip'], '--no-public-ip only applies to instance-running'],
    [['op-1', '--port', '22'], '--port only applies to instance-port-open'],
    [['instance-port-open', 'web-1', '--port', '70000'], "invalid --port '70000': expected a TCP port from 1 to 65535"],
    [['instance-port-open', 'web-1', '--port', 'ssh'], "invalid --port 'ssh': expected a TCP port from 1 to 65535"],
    [['instance-port-open', 'web-1', '--port', '0'], "invalid --port '0': expected a TCP port from 1 to 65535"],
    [
      ['instance-port-open', 'web-1', '--stable-for', 'long'],
      "invalid --stable-for 'long': expected a duration such as 90, 90s, 10m or 1h",
    ],
    [['instance-running', 'web 1'], "invalid name 'web 1': expected a Lightsail resource name such as web-1"],
    [['instance-running', 'web.1'], "invalid name 'web.1': expected a Lightsail resource name such as web-1"],
    [
      ['load-balancer-certificate-issued', 'lb-1', '--certificate', 'a b'],
      "invalid --certificate 'a b': expected a Lightsail resource name such as cert-1",
    ],
    [
      ['instance-running', 'web-1', '--resource', 'web-1'],
      '--resource waits on operations; it cannot be used with a waiter (instance-running)',
    ],
    [['instance-running', '-'], 'instance-running takes names as arguments, not from stdin'],
    [['instance-running', 'web-1', '--json', '--quiet'], '--json and --quiet cannot be used together'],
    [['instance-running', 'web-1', '--timeout', 'soon'], "invalid --timeout 'soon': expected a duration such as 90, 90s, 10m or 1h"],
  ])('rejects %j', (argv, message) => {
    expect(() => parseCommand(argv)).toThrow(UsageError);
    expect(() => parseCommand(argv)).toThrow(message);
  });

  it('exits 2 with one line on stderr, before making a client', async () => {
    const client = resourceClient({});
    const { code, stdout, stderr, clientConfigs } = await runCli(['instance-runing', 'web-1'], { client: client as never });
    expect(code).toBe(2);
    expect(stderr.lines).toEqual([
      "lightsail-wait: unknown waiter 'instance-runing'; did you mean instance-running? (lightsail-wait --list shows them all)",
    ]);
    expect(stdout.text).toBe('');
    expect(clientConfigs).toEqual([]);
    expect(client.calls).toEqual([]);
  });
});

describe('meantWaiter', () => {
  it.each([
    ['instance-runnin', 'instance-running'],
    ['distribution', 'distribution-deployed'],
    ['certificate-issue', 'certificate-issued'],
    ['op-1', undefined],
    ['a', undefined],
    ['nope', undefined],
    ['response.json', undefined],
    ['1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d', undefined],
  ])('reads %s as %s', (word, expected) => {
    expect(meantWaiter(word)).toBe(expected);
  });
});
