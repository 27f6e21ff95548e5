import { connect } from 'node:net';
import { CANCELLED, type Clock } from '../engine/clock.js';

/**
 * Tries one TCP connection: resolves `true` once it connects (and closes it at once), `false` on a
 * refusal, a reset, or no answer within `timeoutMs` on `clock`. Rejects only with `signal.reason`
 * on abort. The socket and its timer are released on every path.
 */
export function tryConnect(host: string, port: number, timeoutMs: number, signal: AbortSignal, clock: Clock): Promise<boolean> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const socket = connect({ host, port });
    const timer = new AbortController();
    const finish = (open: boolean | undefined): void => {
      timer.abort(CANCELLED);
      signal.removeEventListener('abort', onAbort);
      socket.destroy();
      if (open === undefined) reject(signal.reason);
      else resolve(open);
    };
    const onAbort = (): void => finish(undefined);
    clock.sleep(timeoutMs, timer.signal).then(
      () => finish(false),
      () => {},
    );
    signal.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}
