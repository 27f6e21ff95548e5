import { LightsailClient } from '@aws-sdk/client-lightsail';
import type { ResourceClientLike } from '../index.js';

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
 * everything else come from the SDK's standard provider chain.
 */
export const createLightsailClient: ClientFactory = (config) => new LightsailClient({ ...config });

/** The client fields of a checked command line: only the flags given. */
export function clientConfigOf(config: ClientConfig): ClientConfig {
  return {
    ...(config.region === undefined ? {} : { region: config.region }),
    ...(config.profile === undefined ? {} : { profile: config.profile }),
    ...(config.endpoint === undefined ? {} : { endpoint: config.endpoint }),
  };
}
