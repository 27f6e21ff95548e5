import { type CliConfig, operationConfig } from './args.js';
import { isDeploymentWaiter, splitVersionValue, takeDeploymentVersion } from './deployment-args.js';
import { parseFlags } from './flags.js';
import { LIMITS } from './limits.js';
import { type ResourceCliConfig, resourceConfig } from './resource-args.js';
import { UsageError } from './usage-error.js';
import { type CliWaiterDefinition, findWaiter, meantWaiter } from './waiter-catalog.js';

// Room for the flags and their values beside the most ids or names a command takes.
const MAX_FLAG_WORDS = 100;

/** What the command line asks for. */
export type Command =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  /** `--list`, as text or (`--json`) JSON lines. */
  | { readonly kind: 'list'; readonly json: boolean }
  /** `lightsail-wait <operation-id>...`, stdin, `--resource`. */
  | { readonly kind: 'operations'; readonly config: CliConfig }
  /** `lightsail-wait <waiter> <name>...`. */
  | { readonly kind: 'resources'; readonly config: ResourceCliConfig };

/**
 * Reads the command line (without the program name). A first argument that names a waiter selects
 * the resource mode; otherwise the arguments are operation ids, as before waiters existed. A first
 * argument that looks like a misspelt waiter is a usage error naming the closest one, rather than
 * an operation id that would be looked up in vain. Throws {@link UsageError}.
 */
export function parseCommand(argv: readonly string[]): Command {
  // Checked before parsing: parseArgs takes quadratic time over a hundred thousand words.
  if (argv.length > LIMITS.waits + MAX_FLAG_WORDS) {
    throw new UsageError(`${argv.length} arguments given; one command waits on at most ${LIMITS.waits} operations or resources`);
  }
  const parsed = parseFlags(splitVersionValue(argv));
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (isDeploymentWaiter(positionals[0])) {
    // Here `--version <n>` is the deployment's version, not the tool's.
    const { version, positionals: words } = takeDeploymentVersion(parsed);
    const [name, ...rest] = words;
    const definition = findWaiter(name as string) as CliWaiterDefinition;
    return { kind: 'resources', config: resourceConfig(definition, rest, values, { version }) };
  }
  if (values.version) {
    // `lightsail-wait instance-running web-1 --version 3` (a deploy script's deployment version given
    // to another waiter) must not print the tool's version and exit 0 without waiting.
    if (positionals.length > 0) {
      throw new UsageError(
        `--version takes a deployment version only after container-deployment; given with '${positionals[0]}', nothing would be waited on (pass --version alone for lightsail-wait's version)`,
      );
    }
    return { kind: 'version' };
  }
  if (values.list) return { kind: 'list', json: values.json === true };
  const [first, ...rest] = positionals;
  const definition = first === undefined ? undefined : findWaiter(first);
  if (definition !== undefined) return { kind: 'resources', config: resourceConfig(definition, rest, values) };
  const meant = first === undefined ? undefined : meantWaiter(first);
  if (meant !== undefined) throw new UsageError(`unknown waiter '${first}'; did you mean ${meant}? (lightsail-wait --list shows them all)`);
  const misplaced = rest.find((word) => findWaiter(word) !== undefined);
  if (misplaced !== undefined) throw new UsageError(`the waiter comes first: lightsail-wait ${misplaced} <name>...`);
  return { kind: 'operations', config: operationConfig(parsed) };
}
