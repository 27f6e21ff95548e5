import { containerServiceDeploymentActive } from '../index.js';
import type { ParsedFlags } from './flags.js';
import { shorten, UsageError } from './usage-error.js';
import { findWaiter } from './waiter-catalog.js';

/** The container deployment waiter's name (its alias is `container-deployment`). */
export const DEPLOYMENT_WAITER = containerServiceDeploymentActive.name;

/** True when `name` (a waiter name or alias) is the container deployment waiter. */
export function isDeploymentWaiter(name: string | undefined): boolean {
  return name !== undefined && findWaiter(name)?.name === DEPLOYMENT_WAITER;
}

/**
 * `--version=3` as two words, when the command line names the deployment waiter: `--version` is
 * the tool's boolean flag everywhere else, which parseArgs would refuse a value.
 */
export function splitVersionValue(argv: readonly string[]): readonly string[] {
  if (!argv.some((word) => isDeploymentWaiter(word))) return argv;
  return argv.flatMap((word) => {
    const match = /^--version=(.*)$/s.exec(word);
    return match === null ? [word] : ['--version', match[1] as string];
  });
}

/**
 * Reads `--version <n>` of `lightsail-wait container-deployment <service> --version <n>`: the
 * word after each `--version` flag is the deployment version, taken out of the positionals.
 * Outside this waiter `--version` prints the tool's version; here a `--version` without a number
 * is a usage error rather than a silent "0" from a deploy script. Throws {@link UsageError}.
 */
export function takeDeploymentVersion(parsed: ParsedFlags): { version: number | undefined; positionals: string[] } {
  const tokens = parsed.tokens ?? [];
  const taken = new Set<number>();
  let version: number | undefined;
  tokens.forEach((token, i) => {
    if (token.kind !== 'option' || token.name !== 'version') return;
    const next = tokens[i + 1];
    const text = next?.kind === 'positional' && next.index === token.index + 1 ? next.value : undefined;
    if (text === undefined) throw new UsageError('--version needs the deployment version: container-deployment <service> --version <n>');
    const n = /^[1-9]\d{0,14}$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isSafeInteger(n))
      throw new UsageError(`invalid --version '${shorten(text)}': expected a deployment version, a whole number from 1`);
    if (version !== undefined && version !== n) throw new UsageError('--version is given twice');
    version = n;
    taken.add(next?.index ?? -1);
  });
  const positionals = tokens.flatMap((token) => (token.kind === 'positional' && !taken.has(token.index) ? [token.value] : []));
  return { version, positionals };
}
