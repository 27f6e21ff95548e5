/** The SDK's deprecated minimal signal type: only `aborted` and `onabort`. */
export interface LegacyAbortSignal {
  /** True once aborted; a signal already aborted stops the wait before any request. */
  readonly aborted: boolean;
  /** The abort handler; the waiter replaces it with one that also calls the previous handler. */
  // biome-ignore lint/complexity/noBannedTypes: the SDK's own type says `Function`; ours must accept what it accepts.
  onabort: ((this: AbortSignal, ev: Event) => unknown) | Function | null;
}

/**
 * Turns the SDK's deprecated `{ aborted, onabort }` signal into a real `AbortSignal`; `dispose()`
 * puts the caller's own `onabort` back.
 */
export function fromLegacySignal(signal: AbortSignal | LegacyAbortSignal | undefined): {
  signal: AbortSignal | undefined;
  dispose(): void;
} {
  if (signal === undefined || 'addEventListener' in signal) return { signal, dispose: () => {} };
  if (signal.aborted) return { signal: AbortSignal.abort(), dispose: () => {} };
  const controller = new AbortController();
  const previous = signal.onabort;
  signal.onabort = function (this: AbortSignal, event: Event) {
    controller.abort();
    if (typeof previous === 'function') Reflect.apply(previous, this, [event]);
  };
  return {
    signal: controller.signal,
    dispose: () => {
      signal.onabort = previous;
    },
  };
}
