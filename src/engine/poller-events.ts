/** The events of a `Poller` (src/engine/poller.ts), for eventemitter3's typed `on`/`emit`. */

/** Payload of a `Poller`'s `rate` event: its pace changed. */
export interface PollerRateEvent {
  /** The pace now, in requests per second. */
  readonly requestsPerSecond: number;
  /** The pace of the previous event (or the start), in requests per second. */
  readonly previous: number;
  /** `throttled`: Lightsail throttled a request and the pace was cut; `raised`: requests queued and succeeded. */
  readonly reason: 'throttled' | 'raised';
}

/** The events of a `Poller`. */
export interface PollerEvents {
  /**
   * Fires on every cut, and when the pace has risen by a tenth since the last event. Listeners run
   * inside the report of the request that moved the pace: one that throws fails that request.
   */
  rate: [event: PollerRateEvent];
}
