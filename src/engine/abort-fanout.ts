/**
 * One `abort` listener per caller signal, however many waits share it: sharing one `AbortSignal`
 * across thousands of waits is normal use, and one listener each would trip Node's
 * `MaxListenersExceededWarning` at eleven. The listener goes when its last subscriber does.
 */
interface Fanout {
  readonly subscribers: Set<() => void>;
  readonly listener: () => void;
}

const fanouts = new WeakMap<AbortSignal, Fanout>();

/** Calls `callback` once when `signal` aborts; returns the function that unsubscribes it. */
export function onAbort(signal: AbortSignal, callback: () => void): () => void {
  let fanout = fanouts.get(signal);
  if (fanout === undefined) {
    const subscribers = new Set<() => void>();
    const listener = (): void => {
      fanouts.delete(signal);
      for (const subscriber of subscribers) subscriber();
    };
    fanout = { subscribers, listener };
    fanouts.set(signal, fanout);
    signal.addEventListener('abort', listener, { once: true });
  }
  const { subscribers, listener } = fanout;
  subscribers.add(callback);
  return () => {
    if (!subscribers.delete(callback) || subscribers.size > 0) return;
    if (fanouts.get(signal)?.listener === listener) fanouts.delete(signal);
    signal.removeEventListener('abort', listener);
  };
}
