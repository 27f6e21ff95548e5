import { describe, expect, it } from 'vitest';
import {
  certificateIssued,
  containerServiceDeleted,
  containerServiceDeploymentActive,
  containerServiceReady,
  databaseAvailable,
  diskAvailable,
  diskInUse,
  distributionDeployed,
  instanceDeleted,
  instanceRunning,
  instanceStopped,
  loadBalancerActive,
  loadBalancerCertificateIssued,
  loadBalancerInstancesHealthy,
  Waiter,
  type WaiterDefinition,
  waitFor,
  waitForDiskAvailable,
  waitForInstanceRunning,
} from '../../../src/index.js';
import { instancePortOpen } from '../../../src/node.js';
import { noSend } from '../../helpers/stub-sender.js';

type Any = WaiterDefinition<never, unknown, unknown>;
const any = (definition: unknown) => definition as Any;

/** Every built-in waiter and the name field its input is checked by. */
const NAMED: Array<[Any, string]> = [
  [any(instanceRunning), 'instanceName'],
  [any(instanceStopped), 'instanceName'],
  [any(instanceDeleted), 'instanceName'],
  [any(instancePortOpen), 'instanceName'],
  [any(diskAvailable), 'diskName'],
  [any(diskInUse), 'diskName'],
  [any(databaseAvailable), 'relationalDatabaseName'],
  [any(loadBalancerActive), 'loadBalancerName'],
  [any(loadBalancerInstancesHealthy), 'loadBalancerName'],
  [any(loadBalancerCertificateIssued), 'loadBalancerName'],
  [any(distributionDeployed), 'distributionName'],
];

const make = (definition: Any, input: unknown) => new Waiter(noSend as never, definition, input);

describe('bad resource names are refused before any request', () => {
  const badNames: Array<[string, unknown, string]> = [
    ['a name with a space', 'web 1', '`"web 1"` (string)'],
    ['an empty name', '', '`""` (string)'],
    ['a 300-character name', 'a'.repeat(300), `\`"${'a'.repeat(300)}"\` (string)`],
    ['a name starting with -', '-web', '`"-web"` (string)'],
    ['a name ending with -', 'web-', '`"web-"` (string)'],
    ['a one-character name', 'w', '`"w"` (string)'],
    ['a name with a slash', 'web/1', '`"web/1"` (string)'],
  ];
  const cases = NAMED.flatMap(([definition, field]) =>
    badNames.map(([label, name, shown]) => [definition.name, label, definition, field, name, shown] as const),
  );

  it.each(cases)('%s: %s in the string shorthand', (_waiter, _label, definition, field, name, shown) => {
    expect(() => make(definition, name)).toThrow(TypeError);
    expect(() => make(definition, name)).toThrow(
      `Expected \`${field}\` to be a Lightsail resource name (letters, digits, _ and -), got ${shown}`,
    );
  });

  it.each(NAMED.map(([definition, field]) => [definition.name, definition, field] as const))(
    '%s: a non-string name in the input object names the field',
    (_waiter, definition, field) => {
      expect(() => make(definition, { [field]: 42 })).toThrow(
        `Expected \`${field}\` to be a Lightsail resource name (letters, digits, _ and -), got \`42\` (number)`,
      );
      expect(() => make(definition, {})).toThrow(`got \`undefined\``);
    },
  );

  it.each([
    [42, '`42` (number)'],
    [null, '`null`'],
    [undefined, '`undefined`'],
    [['web-1'], 'an array'],
    [true, '`true` (boolean)'],
  ])('an input that is neither a name nor an object (%o) is a TypeError showing it', (input, shown) => {
    expect(() => make(any(instanceRunning), input)).toThrow(
      new TypeError(`Expected the input to be a resource name or \`{ instanceName }\`, got ${shown}`),
    );
  });

  it('rejects the promise of waitFor and of the bound functions without sending', async () => {
    await expect((async () => waitFor(noSend, instanceRunning, 'web 1'))()).rejects.toThrow(TypeError);
    await expect((async () => waitForInstanceRunning(noSend, 'web 1'))()).rejects.toThrow('`instanceName`');
    await expect((async () => waitForDiskAvailable(noSend, { diskName: '' }))()).rejects.toThrow('`diskName`');
  });
});

describe('the string shorthand and the input object', () => {
  it.each([
    [instanceRunning.name, 'web-1', { instanceName: 'web-1', requirePublicIp: true }],
    [instanceRunning.name, { instanceName: 'web-1', requirePublicIp: false }, { instanceName: 'web-1', requirePublicIp: false }],
    [instanceStopped.name, 'web_1', { instanceName: 'web_1' }],
    [diskAvailable.name, { diskName: 'data-1' }, { diskName: 'data-1' }],
    [databaseAvailable.name, 'db-1', { relationalDatabaseName: 'db-1' }],
    [
      loadBalancerCertificateIssued.name,
      { loadBalancerName: 'lb-1', certificateName: 'c-1' },
      { loadBalancerName: 'lb-1', certificateName: 'c-1' },
    ],
    [instancePortOpen.name, 'web-1', { instanceName: 'web-1', port: 22, stableForMs: 10_000, connectTimeoutMs: 3_000 }],
    [
      instancePortOpen.name,
      { instanceName: 'web-1', port: 443, stableForMs: 0 },
      { instanceName: 'web-1', port: 443, stableForMs: 0, connectTimeoutMs: 3_000 },
    ],
  ])('%s reads %o as %o', (name, input, expected) => {
    const definition = [...NAMED.map(([d]) => d)].find((d) => d.name === name) as Any;
    expect(make(definition, input).input).toEqual(expected);
  });

  it('accepts a 255-character name, the longest Lightsail allows', () => {
    expect(make(any(diskAvailable), 'd'.repeat(255)).target).toBe('d'.repeat(255));
  });

  it('names the port waiter target instance:port', () => {
    expect(make(any(instancePortOpen), { instanceName: 'web-1', port: 8080 }).target).toBe('web-1:8080');
  });
});

describe('bad options of a resource waiter are refused before any request', () => {
  it.each([
    ['requirePublicIp', { instanceName: 'web-1', requirePublicIp: 'yes' }, TypeError, '`"yes"` (string)'],
    ['requirePublicIp', { instanceName: 'web-1', requirePublicIp: 1 }, TypeError, '`1` (number)'],
  ])('instance-running %s: %o is refused', (field, input, kind, shown) => {
    expect(() => make(any(instanceRunning), input)).toThrow(kind);
    expect(() => make(any(instanceRunning), input)).toThrow(`Expected \`${field}\` to be a boolean, got ${shown}`);
  });

  it.each([
    ['port', 0, RangeError, '`0` (number)'],
    ['port', 70_000, RangeError, '`70000` (number)'],
    ['port', 1.5, RangeError, '`1.5` (number)'],
    ['port', '22', TypeError, '`"22"` (string)'],
    ['port', Number.NaN, RangeError, '`NaN` (number)'],
    ['stableForMs', -1, RangeError, '`-1` (number)'],
    ['stableForMs', Number.POSITIVE_INFINITY, RangeError, '`Infinity` (number)'],
    ['stableForMs', '10s', TypeError, '`"10s"` (string)'],
    ['connectTimeoutMs', 0, RangeError, '`0` (number)'],
    ['connectTimeoutMs', 200_000, RangeError, '`200000` (number)'],
    ['connectTimeoutMs', '3s', TypeError, '`"3s"` (string)'],
  ])('instance-port-open %s: %o is refused', (field, value, kind, shown) => {
    const input = { instanceName: 'web-1', [field]: value };
    expect(() => make(any(instancePortOpen), input)).toThrow(kind);
    expect(() => make(any(instancePortOpen), input)).toThrow(
      new RegExp(`^Expected \`${field}\` to be .*, got ${shown.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
    );
  });

  it.each([
    ['timeoutMs', { timeoutMs: 0 }, RangeError],
    ['minDelayMs', { minDelayMs: -1 }, RangeError],
    ['maxDelayMs', { minDelayMs: 5_000, maxDelayMs: 1_000 }, RangeError],
    ['signal', { signal: 'stop' }, TypeError],
  ])('%s: %o is refused', (field, options, kind) => {
    const attempt = () => new Waiter(noSend, diskAvailable, 'data-1', options as never);
    expect(attempt).toThrow(kind);
    expect(attempt).toThrow(`\`${field}\``);
  });

  it.each([
    [null, '`null`'],
    [{}, 'an object'],
    [{ send: 'no' }, 'an object'],
  ])('a client without send (%o)', (client, shown) => {
    expect(() => new Waiter(client as never, diskAvailable, 'data-1')).toThrow(
      `Expected \`client\` to be a LightsailClient (an object with a \`send\` method), got ${shown}`,
    );
  });
});

describe('container service names follow the model (ContainerServiceName: 1 to 63 lower-case letters, digits, inner hyphens)', () => {
  const definitions: Array<[string, Any]> = [
    ['container-service-ready', any(containerServiceReady)],
    ['container-service-deleted', any(containerServiceDeleted)],
    ['container-service-deployment-active', any(containerServiceDeploymentActive)],
  ];

  it.each(definitions)('%s takes a one-character name and a 63-character one', (_, definition) => {
    expect(() => make(definition, 'a')).not.toThrow();
    expect(() => make(definition, { serviceName: `a${'-'.repeat(61)}b` })).not.toThrow();
  });

  it.each(definitions)('%s refuses upper case, underscores, outer hyphens and 64 characters, before any request', (_, definition) => {
    for (const bad of ['App', 'my_app', '-app', 'app-', 'a'.repeat(64)]) {
      expect(() => make(definition, bad)).toThrow(
        `Expected \`serviceName\` to be a Lightsail container service name (1 to 63 lower-case letters, digits and inner hyphens), got \`${JSON.stringify(bad)}\` (string)`,
      );
    }
  });
});

describe('certificate names follow the model (CertificateName: a string, no pattern)', () => {
  it.each(['www.example.com', 'c', 'example.com-cert', 'Cert_1'])('certificate-issued takes %j', (name) => {
    expect(() => make(any(certificateIssued), name)).not.toThrow();
  });

  it.each([
    ['', '`""` (string)'],
    ['a b', '`"a b"` (string)'],
    ['a'.repeat(256), `\`"${'a'.repeat(256)}"\` (string)`],
    [42, '`42` (number)'],
  ])('certificate-issued refuses %j before any request', (name, shown) => {
    expect(() => make(any(certificateIssued), { certificateName: name })).toThrow(
      `Expected \`certificateName\` to be a Lightsail certificate name (1 to 255 characters, no spaces or control characters), got ${shown}`,
    );
  });
});
