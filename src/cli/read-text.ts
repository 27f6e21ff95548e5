import type { Readable } from 'node:stream';
import { formatBytes, LIMITS } from './limits.js';
import { UsageError } from './usage-error.js';

/** The most the CLI reads from standard input: far more than any Lightsail response. */
export const MAX_INPUT_BYTES = LIMITS.inputBytes;

/**
 * Reads a stream to its end as UTF-8. Rejects with `signal.reason` when the signal aborts first,
 * and with a {@link UsageError} when the stream fails or holds more than `maxBytes`. Removes its
 * listeners on every path.
 */
export function readText(stream: Readable, signal?: AbortSignal, maxBytes = MAX_INPUT_BYTES): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (): void => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', onError);
      signal?.removeEventListener('abort', onAbort);
      stream.pause();
    };
    const onData = (chunk: Buffer | string): void => {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += buffer.length;
      if (size > maxBytes) {
        stop();
        reject(new UsageError(`stdin is larger than ${formatBytes(maxBytes)}, the most lightsail-wait reads`));
        return;
      }
      chunks.push(buffer);
    };
    const onEnd = (): void => {
      stop();
      resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const onError = (error: Error): void => {
      stop();
      reject(new UsageError(`cannot read stdin: ${error.message}`));
    };
    const onAbort = (): void => {
      stop();
      reject(signal?.reason);
    };
    stream.on('data', onData);
    stream.once('end', onEnd);
    stream.once('error', onError);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
