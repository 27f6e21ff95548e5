import type { Clock } from './clock.js';
import { Poller } from './poller.js';

// One poller per (clock, client) pair, so every waiter on a client shares one pace by default.
const pollers = new WeakMap<Clock, WeakMap<object, Poller>>();

/**
 * The poller waiters use when none is given: one per client (and clock), created on first use
 * with no cap: it starts at 10 requests per second and adapts to the account's limit.
 */
export function defaultPollerFor(client: object, clock: Clock): Poller {
  let byClient = pollers.get(clock);
  if (byClient === undefined) {
    byClient = new WeakMap();
    pollers.set(clock, byClient);
  }
  let poller = byClient.get(client);
  if (poller === undefined) {
    poller = new Poller({ clock });
    byClient.set(client, poller);
  }
  return poller;
}

/**
 * The poller a call uses: the one given, a private one when the call sets its own
 * `maxRequestsPerSecond`, or else the client's default. Both at once is refused.
 */
export function choosePoller(client: object, clock: Clock, poller: Poller | undefined, maxRequestsPerSecond: number | undefined): Poller {
  if (maxRequestsPerSecond !== undefined && poller !== undefined) {
    throw new TypeError('Pass either `maxRequestsPerSecond` or `poller`, not both: a shared poller has its own cap');
  }
  if (poller !== undefined) return poller;
  if (maxRequestsPerSecond !== undefined) return new Poller({ maxRequestsPerSecond, clock });
  return defaultPollerFor(client, clock);
}
