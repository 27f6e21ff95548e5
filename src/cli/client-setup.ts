/**
 * The client, checked before the first request: a region and credentials must resolve, or the
 * command fails at once (exit 2) saying how to set them, instead of after ~20 s of retried polls.
 */
import { type Clock, systemClock } from '../index.js';
import { type ClientFactory, clientConfigOf, createLightsailClient } from './client.js';
import type { CommonConfig } from './common-args.js';
import { interruptedExitCode, interruptionOf } from './exit-code.js';
import type { CliIO } from './io.js';
import { nodeVersionNotice } from './node-notice.js';
import { redactor } from './redact.js';
import { visible } from './terminal-text.js';
import { isUsageError, reportUsage, shorten } from './usage-error.js';

/** The client the CLI waits with. */
export type CliClient = ReturnType<ClientFactory>;

/**
 * How long the check waits for the SDK's region and credential providers. Past it the command goes
 * on and the SDK keeps resolving them for the first request: a slow source (a `credential_process`
 * that asks for an MFA code, a slow instance metadata service) is not taken for a missing one.
 */
export const PROVIDER_CHECK_TIMEOUT_MS = 5_000;

/** The SDK client's config providers: a real `LightsailClient` has both; a stub in tests has none. */
interface Providers {
  readonly region?: () => Promise<unknown>;
  readonly credentials?: () => Promise<unknown>;
}

type Settled = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown } | 'timeout' | 'aborted';

/** Options of {@link setUpClient}. */
export interface ClientSetupOptions {
  /** The regions the input names (`regionsOf`): one is used when nothing else sets a region; several are a usage error. */
  readonly inputRegions: readonly string[];
  /** What is left of `--timeout`, in milliseconds: the check waits no longer. @default PROVIDER_CHECK_TIMEOUT_MS */
  readonly budgetMs?: number;
  /** Told why the setup gave up, when it does (the run's summary says it). */
  readonly onProblem?: (message: string) => void;
}

/**
 * Makes the client with `io.createClient` (the real `LightsailClient` by default) and, when it has
 * the SDK's config providers, resolves its region and credentials (bounded by
 * {@link PROVIDER_CHECK_TIMEOUT_MS}). With no region anywhere (no `--region`, nothing from the SDK's
 * chain) and one region in the input, makes the client again for that region and says so on stderr.
 * Resolves with the client, or with the exit code after a one-line message: 2 for a missing region
 * or credentials, an input from several regions, or a proxy variable that is no URL; 130/143 when
 * interrupted. A client it gives up on is destroyed.
 */
export async function setUpClient(config: CommonConfig, io: CliIO, options: ClientSetupOptions): Promise<CliClient | number> {
  const { inputRegions } = options;
  const usage = (message: string): number => {
    options.onProblem?.(message);
    return reportUsage(io.stderr, message);
  };
  const interrupted = (): number => {
    options.onProblem?.('interrupted before the first request');
    io.stderr.write('lightsail-wait: interrupted before the first request\n');
    return interruptedExitCode(interruptionOf(io.signal));
  };
  if (inputRegions.length > 1) {
    return usage(
      `the input comes from ${inputRegions.length} regions (${inputRegions.join(', ')}); one command waits in one region: split it by region`,
    );
  }
  const hint = inputRegions[0];
  const timeoutMs = Math.max(1, Math.min(PROVIDER_CHECK_TIMEOUT_MS, options.budgetMs ?? PROVIDER_CHECK_TIMEOUT_MS));
  const check = (promise: Promise<unknown>) => settle(promise, timeoutMs, io.clock ?? systemClock, io.signal);
  const clientConfig = clientConfigOf(config);
  let client = make(clientConfig, io, usage);
  if (typeof client === 'number') return client;
  let providers = providersOf(client);
  if (providers.region !== undefined) {
    const region = await check(providers.region());
    if (region === 'aborted') return give(client, interrupted());
    if (typeof region === 'object' && !region.ok) {
      client.destroy?.();
      if (hint === undefined) return usage(noRegion(region.error, config.profile));
      client = make({ ...clientConfig, region: hint }, io, usage);
      if (typeof client === 'number') return client;
      providers = providersOf(client);
      note(io, config, `no AWS region is set: using ${hint}, the region of the input (location.regionName)`);
    } else if (typeof region === 'object' && hint !== undefined && region.value !== hint) {
      note(io, config, `the input comes from ${hint} but the client uses ${String(region.value)}: it may not be found there`);
    }
  }
  if (providers.credentials !== undefined) {
    const credentials = await check(providers.credentials());
    if (credentials === 'aborted') return give(client, interrupted());
    if (typeof credentials === 'object' && !credentials.ok) return give(client, usage(noCredentials(credentials.error, io)));
  }
  // Only the CLI's own client loads the SDK whose warning the bin silenced (node-notice.ts).
  const notice = io.createClient === undefined && config.output === 'auto' ? nodeVersionNotice(process.version, io.env) : undefined;
  if (notice !== undefined) io.stderr.write(notice);
  return client;
}

/** The client from the factory; the usage exit code when the factory refuses (a bad proxy variable). */
function make(clientConfig: ReturnType<typeof clientConfigOf>, io: CliIO, usage: (message: string) => number): CliClient | number {
  try {
    return (io.createClient ?? createLightsailClient)(clientConfig);
  } catch (error) {
    if (isUsageError(error)) return usage(error.message);
    throw error;
  }
}

function providersOf(client: CliClient): Providers {
  const config = (client as { config?: unknown }).config;
  if (typeof config !== 'object' || config === null) return {};
  const provider = (name: 'region' | 'credentials') => {
    const fn = (config as Record<string, unknown>)[name];
    // new Promise: a provider that throws at once rejects like one that fails later.
    return typeof fn === 'function' ? () => new Promise<unknown>((resolve) => resolve(fn.call(config))) : undefined;
  };
  const region = provider('region');
  const credentials = provider('credentials');
  return { ...(region === undefined ? {} : { region }), ...(credentials === undefined ? {} : { credentials }) };
}

/** How `promise` settles within `ms` on `clock`; `'aborted'` as soon as `signal` aborts. Clears its timer and listener. */
async function settle(promise: Promise<unknown>, ms: number, clock: Clock, signal: AbortSignal | undefined): Promise<Settled> {
  const timer = new AbortController();
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<'aborted'>((resolve) => {
    onAbort = () => resolve('aborted');
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([
      promise.then(
        (value) => ({ ok: true, value }) as const,
        (error: unknown) => ({ ok: false, error }) as const,
      ),
      clock.sleep(ms, timer.signal).then(
        () => 'timeout' as const,
        () => 'timeout' as const,
      ),
      aborted,
    ]);
  } finally {
    timer.abort();
    if (onAbort !== undefined) signal?.removeEventListener('abort', onAbort);
  }
}

function give(client: CliClient, code: number): number {
  client.destroy?.();
  return code;
}

/** A note on stderr, except with `--quiet`. */
function note(io: CliIO, config: CommonConfig, text: string): void {
  if (config.output !== 'quiet') io.stderr.write(`lightsail-wait: ${visible(text)}\n`);
}

/** The first line of an error's message, cut short: the reason a provider gave. */
function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return shorten(message.split('\n', 1)[0] ?? '', 160);
}

function noRegion(error: unknown, profile: string | undefined): string {
  const why = reason(error);
  const configure = profile === undefined ? '`aws configure`' : `\`aws configure --profile ${shorten(profile, 40)}\``;
  return `no AWS region is set${why === 'Region is missing' ? '' : ` (${why})`}: pass --region (e.g. --region us-east-1), set AWS_REGION, or set one with ${configure}`;
}

function noCredentials(error: unknown, io: CliIO): string {
  return (
    `no AWS credentials found (${redactor(io.env)(reason(error))}): set AWS_PROFILE or pass --profile, ` +
    'run `aws configure`, or `aws sso login` for an SSO profile'
  );
}
