import { type CommonConfig, checkDuration, checkResourceName, commonConfig, optional } from './common-args.js';
import type { FlagValues } from './flags.js';
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
}

/**
 * Checks the command line of a waiter: its names, its own flags (and no other waiter's), and the
 * shared flags. Throws {@link UsageError}, before any request.
 */
export function resourceConfig(definition: CliWaiterDefinition, positionals: readonly string[], values: FlagValues): ResourceCliConfig {
  const waiter = definition.name;
  if (values.resource !== undefined) throw new UsageError(`--resource waits on operations; it cannot be used with a waiter (${waiter})`);
  if (positionals.includes('-')) throw new UsageError(`${waiter} takes names as arguments, not from stdin`);
  for (const [flag, owner] of Object.entries(WAITER_FLAGS)) {
    if (owner !== waiter && values[flag as keyof typeof WAITER_FLAGS] !== undefined) {
      throw new UsageError(`--${flag} only applies to ${owner}`);
    }
  }
  const common = commonConfig(values);
  if (positionals.length === 0) throw new UsageError(`${waiter} needs at least one name: lightsail-wait ${waiter} <name>...`);
  for (const flag of REQUIRED_FLAGS[waiter] ?? []) {
    if (values[flag] === undefined)
      throw new UsageError(`${waiter} needs --${flag} <name>: lightsail-wait ${waiter} <name> --${flag} <name>`);
  }
  const names = [...new Set(positionals)].map((name) => checkResourceName('name', name));
  const flags = waiterFlags(values);
  const inputs = names.map((name) => {
    try {
      return waiterInput(definition, name, flags);
    } catch (error) {
      if (error instanceof TypeError || error instanceof RangeError) throw new UsageError(`invalid input for ${waiter}: ${error.message}`);
      throw error;
    }
  });
  return { ...common, definition, names, inputs };
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
