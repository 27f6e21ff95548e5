import { isOperationFailedError, isOperationRequestError, type RetryEvent, type StatusEvent } from '../../index.js';
import { jsonLine } from '../json-line.js';
import { errorName } from './plain.js';
import type { RenderContext, Renderer } from './renderer.js';
import type { OperationRow } from './tracker.js';

/**
 * `--json`: one JSON object per line for `jq`. While waiting, `{"event":"status",…}` on each
 * status change and `{"event":"retry",…}` on each retried request; at the end one
 * `{"event":"result",…}` per operation, in input order.
 */
export function createJsonRenderer(context: RenderContext): Renderer {
  const { waiter, tracker, out, redact } = context;
  const emit = (value: Record<string, unknown>): void => {
    out.write(jsonLine(value));
  };
  const onStatus = (e: StatusEvent): void => {
    const row = tracker.row(e.operationId);
    emit({
      event: 'status',
      operationId: e.operationId,
      resourceName: e.operation.resourceName ?? null,
      operationType: e.operation.operationType ?? null,
      previous: e.previous ?? null,
      status: e.current ?? null,
      elapsedMs: Math.round(tracker.elapsedMs(row)),
    });
  };
  const onRetry = (e: RetryEvent): void => {
    emit({
      event: 'retry',
      operationId: e.operationId,
      attempt: e.attempt,
      delayMs: Math.round(e.delayMs),
      errorName: redact(errorName(e.error)),
      message: redact(e.error instanceof Error ? e.error.message : String(e.error)),
    });
  };
  waiter.on('status', onStatus);
  waiter.on('retry', onRetry);
  return {
    finish() {
      waiter.off('status', onStatus);
      waiter.off('retry', onRetry);
      for (const row of tracker.rows) emit(resultRecord(row, Math.round(tracker.elapsedMs(row)), redact));
    },
  };
}

/** The `result` object of one operation. */
export function resultRecord(row: OperationRow, elapsedMs: number, redact: (text: string) => string): Record<string, unknown> {
  const { result, operation } = row;
  const error = result?.error;
  return {
    event: 'result',
    operationId: row.operationId,
    outcome: result?.outcome ?? 'aborted',
    status: operation?.status ?? null,
    resourceName: operation?.resourceName ?? null,
    operationType: operation?.operationType ?? null,
    elapsedMs,
    ...(isOperationFailedError(error) ? { errorCode: error.errorCode ?? null, errorDetails: error.errorDetails ?? null } : {}),
    ...(isOperationRequestError(error) ? { errorName: redact(error.errorName) } : {}),
    ...(error === undefined ? {} : { message: redact(error.message) }),
  };
}
