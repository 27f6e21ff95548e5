/**
 * `@aws-sdk/client-lightsail` for the command-line bundle, loaded on first use.
 *
 * The library imports the SDK's command classes at the top of its modules, so a bundle that imports
 * them as they are loads the whole SDK (a large module graph) before `--help` can print. The CLI
 * build (tsup.config.ts) resolves every `@aws-sdk/client-lightsail` import to this file instead:
 * each export below stands for the SDK's class of the same name and loads the SDK the first time it
 * is constructed or read, so `--help`, `--version` and `--list` never load it. Library builds and
 * tests use the SDK itself. A build that fails with "No matching export in src/cli/lazy-sdk.ts"
 * means the library imports a new SDK value: add it to the list below.
 */
import { createRequire } from 'node:module';

type Sdk = typeof import('@aws-sdk/client-lightsail');

// The SDK publishes no `exports` map, so Node loads its CommonJS build for `import` too: requiring
// it gives the very module an `import` would.
const requireSdk = createRequire(import.meta.url);
let sdk: Sdk | undefined;

function load(): Sdk {
  sdk ??= requireSdk('@aws-sdk/client-lightsail') as Sdk;
  return sdk;
}

/**
 * Loads the SDK now rather than at first use. The bin calls it for a command that waits, before
 * `run` starts the `--timeout` clock, so that loading the SDK (100–200 ms, more on a busy machine)
 * does not count against `--timeout`, as it did not when the SDK was imported at startup.
 */
export function loadSdk(): void {
  load();
}

/**
 * A stand-in for the SDK's export `name`: constructing it builds the real class's instance, and
 * reading a property (a static member, `prototype`, `Symbol.hasInstance`) reads the real class's.
 */
function lazy<K extends keyof Sdk>(name: K): Sdk[K] {
  // A plain function is constructible, so the `construct` trap may answer `new`.
  const target = function lazySdkExport() {} as unknown as object;
  return new Proxy(target, {
    construct: (_target, args) => Reflect.construct(load()[name] as new (...a: unknown[]) => object, args),
    get: (_target, key) => Reflect.get(load()[name] as object, key),
  }) as Sdk[K];
}

/** The SDK's `LightsailClient`, loaded on first use. */
export const LightsailClient = lazy('LightsailClient');
/** The SDK's `GetCertificatesCommand`, loaded on first use. */
export const GetCertificatesCommand = lazy('GetCertificatesCommand');
/** The SDK's `GetContainerLogCommand`, loaded on first use. */
export const GetContainerLogCommand = lazy('GetContainerLogCommand');
/** The SDK's `GetContainerServiceDeploymentsCommand`, loaded on first use. */
export const GetContainerServiceDeploymentsCommand = lazy('GetContainerServiceDeploymentsCommand');
/** The SDK's `GetContainerServicesCommand`, loaded on first use. */
export const GetContainerServicesCommand = lazy('GetContainerServicesCommand');
/** The SDK's `GetDiskCommand`, loaded on first use. */
export const GetDiskCommand = lazy('GetDiskCommand');
/** The SDK's `GetDistributionsCommand`, loaded on first use. */
export const GetDistributionsCommand = lazy('GetDistributionsCommand');
/** The SDK's `GetInstanceCommand`, loaded on first use. */
export const GetInstanceCommand = lazy('GetInstanceCommand');
/** The SDK's `GetLoadBalancerCommand`, loaded on first use. */
export const GetLoadBalancerCommand = lazy('GetLoadBalancerCommand');
/** The SDK's `GetLoadBalancerTlsCertificatesCommand`, loaded on first use. */
export const GetLoadBalancerTlsCertificatesCommand = lazy('GetLoadBalancerTlsCertificatesCommand');
/** The SDK's `GetOperationCommand`, loaded on first use. */
export const GetOperationCommand = lazy('GetOperationCommand');
/** The SDK's `GetOperationsCommand`, loaded on first use. */
export const GetOperationsCommand = lazy('GetOperationsCommand');
/** The SDK's `GetOperationsForResourceCommand`, loaded on first use. */
export const GetOperationsForResourceCommand = lazy('GetOperationsForResourceCommand');
/** The SDK's `GetRelationalDatabaseCommand`, loaded on first use. */
export const GetRelationalDatabaseCommand = lazy('GetRelationalDatabaseCommand');
