import { describeSdkError } from '../../errors/describe-sdk-error.js';
import type { RetryEvent, StatusEvent } from '../../index.js';
import { formatDuration } from '../duration.js';
import { visible } from '../terminal-text.js';
import { lastStatus, nameOf } from './describe.js';
import { DEFAULT_HEARTBEAT_MS, heartbeatLines, type StillWaiting, startHeartbeat } from './heartbeat.js';
import { plainLine } from './plain-line.js';
import type { RenderContext, Renderer } from './renderer.js';
import { OPERATIONS, summaryLine } from './summary.js';
import type { OperationRow, Tracker } from './tracker.js';

export { plainLine } from './plain-line.js';

/**
 * The view for logs (standard output is not a terminal): a plain line only when something changes,
 * `[3s] operation 1b2c… (CreateInstance of web-1): Started`; every `--heartbeat` (1 minute by
 * default) a line per operation still running, `[1m00s] operation 1b2c… (…): still Started`; then
 * a summary line.
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
  const stopHeartbeat = startHeartbeat(context.clock, context.heartbeatMs ?? DEFAULT_HEARTBEAT_MS, () => {
    out.write(heartbeatLines(stillWaiting(tracker), tracker.elapsedMs(), OPERATIONS));
  });
  return {
    finish() {
      stopHeartbeat();
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

/** The operations still running, as a heartbeat names them: `still Started`, or `still waiting (no status yet)`. */
function stillWaiting(tracker: Tracker): StillWaiting[] {
  return tracker.rows
    .filter((row: OperationRow) => row.result === undefined)
    .map((row) => ({
      who: nameOf(row),
      text: row.operation?.status === undefined ? 'still waiting (no status yet)' : `still ${lastStatus(row)}`,
    }));
}

/** `GetOperation failed with ThrottlingException; retrying in 1s`. */
export function retryText(action: string, error: unknown, delayMs: number, redact: (text: string) => string): string {
  return `${action} failed with ${visible(redact(errorName(error)))}; retrying in ${formatDuration(delayMs)}`;
}

/** The name of an SDK or network error, such as `ThrottlingException`. */
export function errorName(error: unknown): string {
  // A socket error says what happened in its code (ECONNREFUSED), not its name (`Error`), as the
  // final report does.
  if (typeof error !== 'object' || error === null) return 'Error';
  const { name } = describeSdkError(error);
  return name === '' ? 'Error' : name;
}
