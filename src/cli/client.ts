import { LightsailClient } from '@aws-sdk/client-lightsail';
import type { ResourceClientLike } from '../index.js';
import { proxyAgents } from './proxy.js';

/** What the command line says about the client; each field only when its flag was given. */
export interface ClientConfig {
  /** `--region`. */
  readonly region?: string;
  /** `--profile`. */
  readonly profile?: string;
  /** `--endpoint-url`. */
  readonly endpoint?: string;
}

/** Makes the client the CLI polls with. Inject one in tests; the CLI calls `destroy()` on it when done, if it has one. */
export type ClientFactory = (config: ClientConfig) => ResourceClientLike & { destroy?: () => void };

/**
 * The real `LightsailClient`, given only the fields the user set: credentials, region and
 * everything else come from the SDK's standard provider chain. With `HTTPS_PROXY` or `HTTP_PROXY`
 * in the process environment it connects through that proxy (see `proxy.ts`); a proxy variable
 * that holds no URL throws a `UsageError`. One attempt per request unless `AWS_MAX_ATTEMPTS` says
 * otherwise (see {@link sdkAttempts}).
 */
export const createLightsailClient: ClientFactory = (config) => {
  const agents = proxyAgents(process.env);
  // The options form of `requestHandler` (the SDK builds its NodeHttpHandler from it) needs no
  // import of @smithy/node-http-handler, which the SDK depends on but this package does not.
  return new LightsailClient({
    ...config,
    ...sdkAttempts(process.env),
    ...(agents === undefined ? {} : { requestHandler: { ...agents } }),
  });
};

/**
 * `{ maxAttempts: 1 }`: the waiter retries failed requests itself, each through the shared pace,
 * so that every throttle reaches the pace (the SDK's own retries would hide one, and go out
 * unpaced). Empty when `AWS_MAX_ATTEMPTS` is set: the user asked for the SDK's retries. Pure.
 */
export function sdkAttempts(env: Readonly<Record<string, string | undefined>>): { maxAttempts?: number } {
  return env.AWS_MAX_ATTEMPTS === undefined || env.AWS_MAX_ATTEMPTS === '' ? { maxAttempts: 1 } : {};
}

/** The client fields of a checked command line: only the flags given. */
export function clientConfigOf(config: ClientConfig): ClientConfig {
  return {
    ...(config.region === undefined ? {} : { region: config.region }),
    ...(config.profile === undefined ? {} : { profile: config.profile }),
    ...(config.endpoint === undefined ? {} : { endpoint: config.endpoint }),
  };
}
