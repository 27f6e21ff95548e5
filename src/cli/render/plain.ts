import type { RetryEvent, StatusEvent } from '../../index.js';
import { formatDuration, formatElapsed } from '../duration.js';
import { escapeControls, visible } from '../terminal-text.js';
import { nameOf } from './describe.js';
import type { RenderContext, Renderer } from './renderer.js';
import { OPERATIONS, summaryLine } from './summary.js';

/**
 * The view for logs (standard output is not a terminal): a plain line only when something changes,
 * `[3s] operation 1b2c… (CreateInstance of web-1): Started`, then a summary line.
 */
export function createPlainRenderer(context: RenderContext): Renderer {
  const { waiter, tracker, out, redact } = context;
  const line = (operationId: string, text: string): void => {
    const row = tracker.row(operationId);
    out.write(plainLine(tracker.elapsedMs(), row === undefined ? `operation ${operationId}` : nameOf(row), text));
  };
  const onStatus = (e: StatusEvent): void => line(e.operationId, e.current === undefined ? 'unknown' : visible(e.current));
  const onRetry = (e: RetryEvent): void => line(e.operationId, retryText('GetOperation', e.error, e.delayMs, redact));
  waiter.on('status', onStatus);
  waiter.on('retry', onRetry);
  return {
    finish() {
      waiter.off('status', onStatus);
      waiter.off('retry', onRetry);
      out.write(
        `${summaryLine(
          tracker.results.map((r) => r.outcome),
          tracker.elapsedMs(),
          OPERATIONS,
        )}\n`,
      );
    },
  };
}

/**
 * `[3s] who: text\n`: one line of the plain view. Callers show outside fields {@link visible};
 * control characters are escaped here too, so that nothing raw ever reaches the line.
 */
export function plainLine(elapsedMs: number, who: string, text: string): string {
  return `${escapeControls(`[${formatElapsed(elapsedMs)}] ${who}: ${text}`)}\n`;
}

/** `GetOperation failed with ThrottlingException; retrying in 1s`. */
export function retryText(action: string, error: unknown, delayMs: number, redact: (text: string) => string): string {
  return `${action} failed with ${visible(redact(errorName(error)))}; retrying in ${formatDuration(delayMs)}`;
}

/** The name of an SDK or network error, such as `ThrottlingException`. */
export function errorName(error: unknown): string {
  const name = (error as { name?: unknown } | null)?.name;
  return typeof name === 'string' && name !== '' ? name : 'Error';
}
