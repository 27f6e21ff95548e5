/**
 * The check before the first request: the client's region and credentials, through the SDK's
 * config providers (injected here), with a region taken from the input when nothing else sets one.
 */
import { describe, expect, it, vi } from 'vitest';
import type { ClientConfig } from '../../src/cli/client.js';
import { PROVIDER_CHECK_TIMEOUT_MS, setUpClient } from '../../src/cli/client-setup.js';
import type { CommonConfig } from '../../src/cli/common-args.js';
import { run } from '../../src/cli/run.js';
import { UsageError } from '../../src/cli/usage-error.js';
import type { ResourceClientLike } from '../../src/index.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { op, scriptedClient } from '../helpers/stub-client.js';
import { testIO } from './helpers.js';

interface Providers {
  region?: () => Promise<string>;
  credentials?: () => Promise<unknown>;
}

const credentials = () => Promise.resolve({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' });
const regionMissing = () => Promise.reject(new Error('Region is missing'));
const never = () => new Promise<never>(() => {});

/**
 * A factory of scripted clients carrying `providers(config)` as their SDK config, as a real
 * LightsailClient made with that config would; records every config and client.
 */
function factory(providers: (config: ClientConfig) => Providers) {
  const configs: ClientConfig[] = [];
  const clients: Array<ReturnType<typeof scriptedClient> & { destroy: () => void; destroyed: boolean }> = [];
  const create = (config: ClientConfig) => {
    configs.push(config);
    const client = Object.assign(scriptedClient({ 'op-1': [op('Succeeded')] }), {
      config: providers(config),
      destroyed: false,
      destroy() {
        client.destroyed = true;
      },
    });
    clients.push(client);
    // What the CLI sends here is GetOperation only: the scripted client answers that.
    return client as unknown as ResourceClientLike & { destroy: () => void };
  };
  return { create, configs, clients };
}

/** Runs the CLI in virtual time with the factory; `stdin` as given. */
async function runWith(argv: string[], create: ReturnType<typeof factory>['create'], stdin?: string, signal?: AbortSignal) {
  const clock = new FakeClock();
  const t = testIO({ clock, ...(stdin === undefined ? {} : { stdin }), ...(signal === undefined ? {} : { signal }) });
  const io = { ...t.io, createClient: create };
  const { value, error } = await clock.run(run(argv, io));
  if (error !== undefined) throw error;
  return { ...t, code: value as number, clock };
}

/** Lightsail JSON of one operation in `region`. */
const operationIn = (id: string, region: string) => ({
  id,
  status: 'Started',
  location: { availabilityZone: `${region}a`, regionName: region },
});

const sent = (f: ReturnType<typeof factory>) => f.clients.reduce((n, client) => n + client.calls.length, 0);

describe('setUpClient: region and credentials before the first request', () => {
  it('exits 2 naming --region, AWS_REGION and aws configure when no region is set, and sends nothing', async () => {
    const f = factory(() => ({ region: regionMissing, credentials }));
    const { code, stderr } = await runWith(['op-1'], f.create);
    expect(code).toBe(2);
    expect(stderr.lines).toEqual([
      'lightsail-wait: no AWS region is set: pass --region (e.g. --region us-east-1), set AWS_REGION, or set one with `aws configure`',
    ]);
    expect(sent(f)).toBe(0);
    expect(f.clients[0]?.destroyed).toBe(true);
  });

  it('with --json, ends stdout with a summary line whose message says why', async () => {
    const f = factory(() => ({ region: regionMissing, credentials }));
    const { code, stdout } = await runWith(['--json', 'op-1'], f.create);
    expect(code).toBe(2);
    const summary = JSON.parse(stdout.lines.at(-1) as string) as { type: string; exitCode: number; message: string };
    expect(summary).toMatchObject({ type: 'summary', exitCode: 2 });
    expect(summary.message).toMatch(/^no AWS region is set: pass --region/);
  });

  it('names the profile in the aws configure hint with --profile', async () => {
    const f = factory(() => ({ region: regionMissing, credentials }));
    const { stderr } = await runWith(['--profile', 'ci', 'op-1'], f.create);
    expect(stderr.text).toContain('or set one with `aws configure --profile ci`');
  });

  it('exits 2 with the provider chain reason and how to sign in when no credentials resolve, and sends nothing', async () => {
    const f = factory(() => ({
      region: () => Promise.resolve('us-east-1'),
      credentials: () =>
        Promise.reject(Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' })),
    }));
    const { code, stderr } = await runWith(['op-1'], f.create);
    expect(code).toBe(2);
    expect(stderr.lines).toEqual([
      'lightsail-wait: no AWS credentials found (Could not load credentials from any providers): set AWS_PROFILE or pass --profile, run `aws configure`, or `aws sso login` for an SSO profile',
    ]);
    expect(sent(f)).toBe(0);
    expect(f.clients[0]?.destroyed).toBe(true);
  });

  it('keeps a multi-line provider message to its first line', async () => {
    const f = factory(() => ({
      region: () => Promise.resolve('us-east-1'),
      credentials: () => Promise.reject(new Error('Token is expired.\nTo refresh this SSO session run aws sso login')),
    }));
    const { stderr } = await runWith(['op-1'], f.create);
    expect(stderr.lines).toHaveLength(1);
    expect(stderr.text).toContain('(Token is expired.)');
  });

  it('waits as before when region and credentials resolve', async () => {
    const f = factory(() => ({ region: () => Promise.resolve('us-east-1'), credentials }));
    const { code, stderr } = await runWith(['op-1'], f.create);
    expect(code).toBe(0);
    expect(stderr.text).toBe('');
    expect(sent(f)).toBe(1);
  });

  it('skips the check for a client without the SDK config (a stub)', async () => {
    const clock = new FakeClock();
    const t = testIO({ clock, client: scriptedClient({ 'op-1': [op('Succeeded')] }) });
    const { value } = await clock.run(run(['op-1'], t.io));
    expect(value).toBe(0);
  });
});

describe('setUpClient: the region of the input', () => {
  it('uses the one region stdin JSON names when none is set, and says so on stderr', async () => {
    const f = factory((config) => ({
      region: config.region === undefined ? regionMissing : () => Promise.resolve(config.region as string),
      credentials,
    }));
    const { code, stderr } = await runWith([], f.create, JSON.stringify({ operations: [operationIn('op-1', 'eu-west-2')] }));
    expect(code).toBe(0);
    expect(f.configs).toEqual([{}, { region: 'eu-west-2' }]);
    expect(f.clients[0]?.destroyed).toBe(true);
    expect(stderr.lines).toEqual(['lightsail-wait: no AWS region is set: using eu-west-2, the region of the input (location.regionName)']);
  });

  it('says nothing about it with --quiet', async () => {
    const f = factory((config) => ({
      region: config.region === undefined ? regionMissing : () => Promise.resolve(config.region as string),
      credentials,
    }));
    const { code, stderr } = await runWith(['--quiet'], f.create, JSON.stringify(operationIn('op-1', 'eu-west-2')));
    expect(code).toBe(0);
    expect(stderr.text).toBe('');
  });

  it('keeps a region that is set, noting that the input comes from another', async () => {
    const f = factory(() => ({ region: () => Promise.resolve('us-east-1'), credentials }));
    const { code, stderr } = await runWith([], f.create, JSON.stringify(operationIn('op-1', 'eu-west-2')));
    expect(code).toBe(0);
    expect(f.configs).toEqual([{}]);
    expect(stderr.lines).toEqual([
      'lightsail-wait: the input comes from eu-west-2 but the client uses us-east-1: it may not be found there',
    ]);
  });

  it('exits 2 naming the regions when the input comes from several, before making a client', async () => {
    const f = factory(() => ({ region: () => Promise.resolve('us-east-1'), credentials }));
    const stdin = JSON.stringify({ operations: [operationIn('op-1', 'us-east-1'), operationIn('op-2', 'eu-west-2')] });
    const { code, stderr } = await runWith(['--region', 'us-east-1'], f.create, stdin);
    expect(code).toBe(2);
    expect(stderr.lines).toEqual([
      'lightsail-wait: the input comes from 2 regions (eu-west-2, us-east-1); one command waits in one region: split it by region',
    ]);
    expect(f.configs).toEqual([]);
  });

  it('still exits 2 for a missing region when the input names none', async () => {
    const f = factory(() => ({ region: regionMissing, credentials }));
    const { code } = await runWith(
      [],
      f.create,
      JSON.stringify({ operations: [{ id: 'op-1', status: 'Started', location: { regionName: 'global' } }] }),
    );
    expect(code).toBe(2);
  });
});

describe('setUpClient: bounds', () => {
  const config: CommonConfig = { timeoutMs: 60_000, output: 'auto' };

  it.each([
    ['the default', undefined, PROVIDER_CHECK_TIMEOUT_MS],
    ['what is left of --timeout', 1_200, 1_200],
  ])('goes on with the client when a provider has not answered within %s', async (_name, budgetMs, expected) => {
    const clock = new FakeClock();
    const f = factory(() => ({ region: never, credentials: never }));
    const t = testIO({ clock });
    const io = { ...t.io, createClient: f.create };
    const { value } = await clock.run(setUpClient(config, io, { inputRegions: [], ...(budgetMs === undefined ? {} : { budgetMs }) }));
    expect(value).toBe(f.clients[0]);
    expect(clock.sleeps).toEqual([expected, expected]);
    expect(clock.pendingTimers).toBe(0);
    expect(t.stderr.text).toBe('');
  });

  it('resolves 130 at once when interrupted while the providers resolve', async () => {
    const clock = new FakeClock();
    const controller = new AbortController();
    const f = factory(() => ({ region: never, credentials }));
    const t = testIO({ clock, signal: controller.signal });
    const io = { ...t.io, createClient: f.create };
    const pending = setUpClient(config, io, { inputRegions: [] });
    controller.abort('SIGINT');
    expect(await pending).toBe(130);
    expect(t.stderr.lines).toEqual(['lightsail-wait: interrupted before the first request']);
    expect(f.clients[0]?.destroyed).toBe(true);
    expect(clock.pendingTimers).toBe(0);
  });

  it('exits 2 with the message of a factory that refuses the configuration (a bad proxy variable)', async () => {
    const t = testIO();
    const create = vi.fn(() => {
      throw new UsageError("invalid HTTPS_PROXY 'proxy:x': expected a proxy URL such as http://proxy.example.com:3128");
    });
    expect(await setUpClient(config, { ...t.io, createClient: create }, { inputRegions: [] })).toBe(2);
    expect(t.stderr.lines).toEqual([
      "lightsail-wait: invalid HTTPS_PROXY 'proxy:x': expected a proxy URL such as http://proxy.example.com:3128",
    ]);
  });
});
