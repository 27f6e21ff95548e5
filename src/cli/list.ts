import { jsonLine } from './json-line.js';
import { aliasesOf, CLI_WAITERS } from './waiter-catalog.js';
import { WAITER_DESCRIPTIONS } from './waiter-descriptions.js';

/** One waiter as `--list` shows it. */
export interface WaiterListing {
  readonly waiter: string;
  /** The Lightsail action its probe calls, such as `GetInstance`. */
  readonly action: string | undefined;
  /** What it waits for. */
  readonly description: string;
  /** Its short names (`container-deployment`), which run it too. */
  readonly aliases: readonly string[];
}

/** Every waiter, in `--help` order, with what it polls and waits for. */
export function listWaiters(): WaiterListing[] {
  return [...CLI_WAITERS.values()].map((definition) => ({
    waiter: definition.name,
    action: definition.action,
    description: WAITER_DESCRIPTIONS[definition.name] ?? `it is ${definition.name.split('-').slice(1).join(' ')}`,
    aliases: aliasesOf(definition.name),
  }));
}

/**
 * The text of `lightsail-wait --list`: one line per waiter, `name  polls Action until …`, and one
 * per alias under its waiter; with `--json`, one JSON object per waiter (aliases in `aliases`).
 */
export function listText(json: boolean): string {
  const listings = listWaiters();
  if (json) return listings.map((listing) => jsonLine(listing)).join('');
  const width = Math.max(...listings.flatMap((l) => [l.waiter, ...l.aliases]).map((name) => name.length));
  return listings
    .map(
      ({ waiter, action, description, aliases }) =>
        `${waiter.padEnd(width)}  ${action ? `polls ${action} until ` : 'until '}${description}\n` +
        aliases.map((alias) => `${alias.padEnd(width)}  short for ${waiter}\n`).join(''),
    )
    .join('');
}
