import { CLI_WAITERS } from './waiter-catalog.js';
import { WAITER_DESCRIPTIONS } from './waiter-descriptions.js';

/** One waiter as `--list` shows it. */
export interface WaiterListing {
  readonly waiter: string;
  /** The Lightsail action its probe calls, such as `GetInstance`. */
  readonly action: string | undefined;
  /** What it waits for. */
  readonly description: string;
}

/** Every waiter, in `--help` order, with what it polls and waits for. */
export function listWaiters(): WaiterListing[] {
  return [...CLI_WAITERS.values()].map((definition) => ({
    waiter: definition.name,
    action: definition.action,
    description: WAITER_DESCRIPTIONS[definition.name] ?? `it is ${definition.name.split('-').slice(1).join(' ')}`,
  }));
}

/**
 * The text of `lightsail-wait --list`: one line per waiter, `name  polls Action until …`; with
 * `--json`, one JSON object per line.
 */
export function listText(json: boolean): string {
  const listings = listWaiters();
  if (json) return listings.map((listing) => `${JSON.stringify(listing)}\n`).join('');
  const width = Math.max(...listings.map((l) => l.waiter.length));
  return listings
    .map(({ waiter, action, description }) => `${waiter.padEnd(width)}  ${action ? `polls ${action} until ` : 'until '}${description}\n`)
    .join('');
}
