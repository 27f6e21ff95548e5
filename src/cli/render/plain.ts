import type { RetryEvent, StatusEvent } from '../../index.js';
import { formatDuration, formatElapsed } from '../duration.js';
import { nameOf } from './describe.js';
import type { RenderContext, Renderer } from './renderer.js';
import { summaryLine } from './summary.js';

/**
 * The view for logs (standard output is not a terminal): a plain line only when something changes,
 * `[3s] operation 1b2c… (CreateInstance of web-1): Started`, then a summary line.
 */
export function createPlainRenderer(context: RenderContext): Renderer {
  const { waiter, tracker, out, redact } = context;
  const line = (operationId: string, text: string): void => {
    const row = tracker.row(operationId);
    const who = row === undefined ? `operation ${operationId}` : nameOf(row);
    out.write(`[${formatElapsed(tracker.elapsedMs())}] ${who}: ${text}\n`);
  };
  const onStatus = (e: StatusEvent): void => line(e.operationId, e.current ?? 'unknown');
  const onRetry = (e: RetryEvent): void =>
    line(e.operationId, `GetOperation failed with ${redact(errorName(e.error))}; retrying in ${formatDuration(e.delayMs)}`);
  waiter.on('status', onStatus);
  waiter.on('retry', onRetry);
  return {
    finish() {
      waiter.off('status', onStatus);
      waiter.off('retry', onRetry);
      out.write(`${summaryLine(tracker.results, tracker.elapsedMs())}\n`);
    },
  };
}

/** The name of an SDK or network error, such as `ThrottlingException`. */
export function errorName(error: unknown): string {
  const name = (error as { name?: unknown } | null)?.name;
  return typeof name === 'string' && name !== '' ? name : 'Error';
}
