import type { Clock, Poller, PollerRateEvent } from '../../index.js';
import { hundredths, jsonRecordLine } from '../json-line.js';
import type { RequestSummary } from '../run-summary.js';
import { plainLine } from './plain-line.js';
import type { Renderer } from './renderer.js';

/** The pace of a command's requests: the one poller its waits share, and where its lines are timed from. */
export interface PaceSource {
  readonly poller: Poller;
  readonly clock: Clock;
  /** Since the wait started, in milliseconds: the plain lines' `[3s]`. */
  readonly elapsedMs: () => number;
}

/** `8`, `8.3`, `0.5`: a pace in requests per second, to a tenth at most. Pure. */
export function formatRate(requestsPerSecond: number): string {
  return String(Math.round(requestsPerSecond * 10) / 10);
}

/**
 * A pace change in words, for the plain view: `Lightsail throttled a request (3 of 120 so far);
 * pace cut from 10 to 8 a second`, or `requests queued and were answered; pace raised from 10 to
 * 11 a second`. Pure.
 */
export function paceText(event: PollerRateEvent, stats: Poller['stats']): string {
  const change = `from ${formatRate(event.previous)} to ${formatRate(event.requestsPerSecond)} a second`;
  return event.reason === 'throttled'
    ? `Lightsail throttled a request (${stats.throttled} of ${stats.granted} so far); pace cut ${change}`
    : `requests queued and were answered; pace raised ${change}`;
}

/** `requests: 8 a second, 3 of 120 throttled`: the live view's last line once the pace has moved. Pure. */
export function paceFooter(poller: Pick<Poller, 'currentRate' | 'stats'>): string {
  const { throttled, granted } = poller.stats;
  return `requests: ${formatRate(poller.currentRate)} a second, ${throttled} of ${granted} throttled`;
}

/** The fields of a `rate` line (without `v`, `type` and `time`): rates to a hundredth. Pure. */
export function rateFields(event: PollerRateEvent, stats: Poller['stats']): Record<string, unknown> {
  return {
    requestsPerSecond: hundredths(event.requestsPerSecond),
    previous: hundredths(event.previous),
    reason: event.reason,
    requests: stats.granted,
    throttled: stats.throttled,
  };
}

/**
 * `renderer`, plus a line on each change of the shared pace while it runs: a `rate` JSON line
 * (`json`) or a plain line (`plain`). Without a source, `renderer` itself.
 */
export function withPace(renderer: Renderer, kind: 'json' | 'plain', out: { write(text: string): unknown }, pace?: PaceSource): Renderer {
  if (pace === undefined) return renderer;
  const { poller, clock, elapsedMs } = pace;
  const onRate = (event: PollerRateEvent): void => {
    out.write(
      kind === 'json'
        ? jsonRecordLine('rate', clock, rateFields(event, poller.stats))
        : plainLine(elapsedMs(), 'requests', paceText(event, poller.stats)),
    );
  };
  poller.on('rate', onRate);
  return {
    finish() {
      poller.off('rate', onRate);
      renderer.finish();
    },
  };
}

/**
 * The share of a run's requests Lightsail may throttle before the run warns: the adaptive pace
 * finds the account's limit by meeting it now and then, and keeps throttles under 2 % of its
 * requests (its design budget, issue #15); more says the account is shared or the pace is off.
 */
export const THROTTLE_WARNING_SHARE = 0.02;

/**
 * `Lightsail throttled 30 of 840 requests; the pace ended at 8 a second. …`: what a run whose
 * requests were throttled more than {@link THROTTLE_WARNING_SHARE} of the time says in a warning,
 * with what to do when jobs share an account; none at or under it. Pure.
 */
export function throttleWarning(requests: RequestSummary | null): string | undefined {
  if (requests === null || requests.throttled === 0 || requests.throttled <= THROTTLE_WARNING_SHARE * requests.sent) return undefined;
  return (
    `Lightsail throttled ${requests.throttled} of ${requests.sent} requests; the pace ended at ` +
    `${formatRate(requests.requestsPerSecond)} a second. Jobs that wait in parallel on one account ` +
    'share its limit: give each its part with --max-rps.'
  );
}
