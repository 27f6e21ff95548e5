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
 * that holds no URL throws a `UsageError`.
 */
export const createLightsailClient: ClientFactory = (config) => {
  const agents = proxyAgents(process.env);
  // The options form of `requestHandler` (the SDK builds its NodeHttpHandler from it) needs no
  // import of @smithy/node-http-handler, which the SDK depends on but this package does not.
  return new LightsailClient({ ...config, ...(agents === undefined ? {} : { requestHandler: { ...agents } }) });
};

/** The client fields of a checked command line: only the flags given. */
export function clientConfigOf(config: ClientConfig): ClientConfig {
  return {
    ...(config.region === undefined ? {} : { region: config.region }),
    ...(config.profile === undefined ? {} : { profile: config.profile }),
    ...(config.endpoint === undefined ? {} : { endpoint: config.endpoint }),
  };
}
