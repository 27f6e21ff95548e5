import { type CommonConfig, checkDuration, checkResourceName, checkServiceName, commonConfig, optional } from './common-args.js';
import { isDeploymentWaiter } from './deployment-args.js';
import type { FlagValues } from './flags.js';
import { LIMITS } from './limits.js';
import { shorten, UsageError } from './usage-error.js';
import type { CliWaiterDefinition } from './waiter-catalog.js';
import { REQUIRED_FLAGS, WAITER_FLAGS, type WaiterFlagValues, waiterInput } from './waiter-flags.js';

/** `lightsail-wait <waiter> <name>...`, checked. */
export interface ResourceCliConfig extends CommonConfig {
  /** The waiter to run on every name. */
  readonly definition: CliWaiterDefinition;
  /** The names given, in order, without repeats. */
  readonly names: readonly string[];
  /** The waiter's checked input for each name, in the same order. */
  readonly inputs: readonly unknown[];
  /**
   * container-deployment only: read standard input too, for the JSON of a deploy command (or
   * service names). True when no name was given, or with `-`.
   */
  readonly readsStdin: boolean;
}

/** Flags that the command line gives a waiter outside {@link FlagValues}. */
export interface ExtraWaiterFlags {
  /** container-deployment's `--version <n>`. */
  readonly version?: number | undefined;
}

/**
 * Checks the command line of a waiter: its names, its own flags (and no other waiter's), and the
 * shared flags. Throws {@link UsageError}, before any request.
 */
export function resourceConfig(
  definition: CliWaiterDefinition,
  positionals: readonly string[],
  values: FlagValues,
  extra: ExtraWaiterFlags = {},
): ResourceCliConfig {
  const waiter = definition.name;
  const deployment = isDeploymentWaiter(waiter);
  if (values.resource !== undefined) throw new UsageError(`--resource waits on operations; it cannot be used with a waiter (${waiter})`);
  if (positionals.includes('-') && !deployment) throw new UsageError(`${waiter} takes names as arguments, not from stdin`);
  for (const [flag, owner] of Object.entries(WAITER_FLAGS)) {
    if (owner !== waiter && values[flag as keyof typeof WAITER_FLAGS] !== undefined) {
      throw new UsageError(`--${flag} only applies to ${owner}`);
    }
  }
  const common = commonConfig(values);
  const named = positionals.filter((word) => word !== '-');
  const readsStdin = deployment && (named.length === 0 || positionals.includes('-'));
  if (named.length === 0 && !readsStdin) throw new UsageError(`${waiter} needs at least one name: lightsail-wait ${waiter} <name>...`);
  if (extra.version !== undefined && (readsStdin || named.length !== 1)) {
    throw new UsageError(
      readsStdin
        ? '--version cannot be used with stdin: the deploy JSON names the version'
        : '--version applies to one service: lightsail-wait container-deployment <service> --version <n>',
    );
  }
  for (const flag of REQUIRED_FLAGS[waiter] ?? []) {
    if (values[flag] === undefined)
      throw new UsageError(`${waiter} needs --${flag} <name>: lightsail-wait ${waiter} <name> --${flag} <name>`);
  }
  const names = [...new Set(named)].map((name) => checkName(waiter, name));
  if (names.length > LIMITS.waits) throw new UsageError(`${names.length} names given; one command waits on at most ${LIMITS.waits}`);
  const flags = { ...waiterFlags(values), ...optional('version', extra.version) };
  const inputs = names.map((name) => {
    try {
      return waiterInput(definition, name, flags);
    } catch (error) {
      if (error instanceof TypeError || error instanceof RangeError) throw new UsageError(`invalid input for ${waiter}: ${error.message}`);
      throw error;
    }
  });
  return { ...common, definition, names, inputs, readsStdin };
}

function waiterFlags(values: FlagValues): WaiterFlagValues {
  return {
    ...optional('port', values.port === undefined ? undefined : checkPort(values.port)),
    ...optional('stableForMs', values['stable-for'] === undefined ? undefined : checkStableFor(values['stable-for'])),
    ...optional(
      'certificate',
      values.certificate === undefined ? undefined : checkResourceName('--certificate', values.certificate, 'cert-1'),
    ),
    noPublicIp: values['no-public-ip'] === true,
  };
}

function checkPort(value: string): number {
  const port = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
  if (!(port >= 1 && port <= 65_535)) throw new UsageError(`invalid --port '${shorten(value)}': expected a TCP port from 1 to 65535`);
  return port;
}

/** A duration, or 0: succeed on the first connection. */
function checkStableFor(value: string): number {
  return /^0+(?:\.0*)?(?:ms|s|m|h)?$/.test(value) ? 0 : checkDuration('--stable-for', value);
}

/**
 * Checks a name given to `waiter`: a container service name for the container service waiters, any
 * name for `certificate-issued` (the model's `CertificateName` has no pattern: the library checks
 * it), else a resource name. Throws {@link UsageError}.
 */
function checkName(waiter: string, name: string): string {
  if (waiter.startsWith('container-')) return checkServiceName('name', name);
  if (waiter === 'certificate-issued') return name;
  return checkResourceName('name', name);
}
