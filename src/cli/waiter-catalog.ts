import { containerServiceDeploymentActive, RESOURCE_WAITERS, type WaiterDefinition } from '../index.js';
import { instancePortOpen } from '../node.js';
import { closestWord } from './closest-word.js';

/** A waiter definition as the CLI runs it: any client (the CLI's is a `LightsailClient`), any input. */
export type CliWaiterDefinition = WaiterDefinition<never, unknown, unknown>;

/**
 * Every waiter `lightsail-wait <waiter>` runs, by name: the library's resource waiters and the TCP
 * port waiter of `lightsail-waiter/node`, each family together (`instance-port-open` after the
 * other `instance-*` waiters).
 */
export const CLI_WAITERS: ReadonlyMap<string, CliWaiterDefinition> = new Map(
  byFamily([...Object.values(RESOURCE_WAITERS), instancePortOpen as unknown as CliWaiterDefinition]).map((d) => [d.name, d]),
);

/**
 * Short names for waiters whose full name is long to type, alias → waiter name. The waiter keeps
 * its own name everywhere it is shown (`--json`'s `waiter`, messages); `--list` and `--help` show
 * the aliases too.
 */
export const WAITER_ALIASES: ReadonlyMap<string, string> = new Map([['container-deployment', containerServiceDeploymentActive.name]]);

/** The waiter of that name or alias, if there is one. */
export function findWaiter(name: string): CliWaiterDefinition | undefined {
  return CLI_WAITERS.get(WAITER_ALIASES.get(name) ?? name);
}

/** The aliases of a waiter, in the order declared. */
export function aliasesOf(waiterName: string): string[] {
  return [...WAITER_ALIASES].filter(([, name]) => name === waiterName).map(([alias]) => alias);
}

/**
 * The waiter someone most likely meant by `word`, when `word` reads as a waiter name rather than an
 * operation id: close to one (a typo), or starting with a waiter family's word (`instance-up`).
 * Operation ids are UUIDs, which never start with those words. Among the candidates, those sharing
 * the most of the word's parts come first (`distribution` → distribution-deployed), then the
 * closest by edit distance.
 */
export function meantWaiter(word: string): string | undefined {
  const names = [...CLI_WAITERS.keys(), ...WAITER_ALIASES.keys()];
  const nearest = closestWord(word, names);
  const isFamily = names.some((name) => familyOf(name) === familyOf(word));
  if (nearest === undefined || !(isFamily || nearest.distance <= Math.max(2, Math.floor(word.length / 4)))) return undefined;
  const parts = word.split('-');
  const missing = (name: string): number => parts.filter((part) => !name.split('-').includes(part)).length;
  const fewest = Math.min(...names.map(missing));
  return closestWord(
    word,
    names.filter((name) => missing(name) === fewest),
  )?.word;
}

function familyOf(name: string): string {
  return name.split('-')[0] as string;
}

/** Stable-sorts definitions so that each family's waiters sit together, in the order families first appear. */
function byFamily(definitions: readonly CliWaiterDefinition[]): CliWaiterDefinition[] {
  const families = [...new Set(definitions.map((d) => familyOf(d.name)))];
  return [...definitions].sort((a, b) => families.indexOf(familyOf(a.name)) - families.indexOf(familyOf(b.name)));
}
