import { type CommonConfig, checkResourceName, commonConfig } from './common-args.js';
import { type ParsedFlags, parseFlags } from './flags.js';
import { isOperationId, notAnId } from './operation-id.js';
import { shorten, UsageError } from './usage-error.js';
import { WAITER_FLAGS } from './waiter-flags.js';

export { DEFAULT_TIMEOUT_MS, type OutputMode } from './common-args.js';

/** The command line of the operation mode (`lightsail-wait <operation-id>...`), checked. */
export interface CliConfig extends CommonConfig {
  readonly help: boolean;
  readonly version: boolean;
  /** Operation ids given as arguments, in order. */
  readonly ids: readonly string[];
  /** `--resource` names, in order: wait until nothing is pending on each. */
  readonly resources: readonly string[];
  /** `-` was given: read standard input even though ids were given too. */
  readonly explicitStdin: boolean;
}

/** Parses and checks the arguments (without the program name) of the operation mode. Throws {@link UsageError}. */
export function parseCliArgs(argv: readonly string[]): CliConfig {
  return operationConfig(parseFlags(argv));
}

/** Checks parsed flags as the operation mode's: ids, `--resource`, `-`, and no waiter's flags. */
export function operationConfig({ values, positionals }: ParsedFlags): CliConfig {
  for (const [flag, owner] of Object.entries(WAITER_FLAGS)) {
    if (values[flag as keyof typeof WAITER_FLAGS] !== undefined) throw new UsageError(`--${flag} only applies to ${owner}`);
  }
  const common = commonConfig(values);
  const ids = positionals.filter((p) => p !== '-');
  for (const id of ids) {
    const why = notAnId(id);
    if (why !== undefined) throw new UsageError(`'${id}' is not an operation id: ${why}`);
    if (!isOperationId(id)) {
      throw new UsageError(`'${shorten(id)}' is not an operation id (to read JSON from a file: lightsail-wait - < FILE)`);
    }
  }
  return {
    help: values.help === true,
    version: values.version === true,
    ids,
    resources: [...new Set(values.resource ?? [])].map((name) => checkResourceName('--resource', name)),
    explicitStdin: positionals.includes('-'),
    ...common,
  };
}
