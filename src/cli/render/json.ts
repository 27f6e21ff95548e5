import { isOperationFailedError, isOperationRequestError, type RetryEvent, type StatusEvent } from '../../index.js';
import { type JsonLineType, jsonRecordLine } from '../json-line.js';
import { errorName } from './plain.js';
import type { RenderContext, Renderer } from './renderer.js';
import type { OperationRow } from './tracker.js';

/**
 * `--json`: JSON Lines for programs (schema `schema/lightsail-wait.v1.schema.json`), every line
 * with `v`, `type` and `time`. While waiting, a `status` line on each status change and a `retry`
 * line on each retried request; at the end one `result` line per operation, in input order. The
 * `summary` line that ends the stream is written once per command, by the run's recorder.
 */
export function createJsonRenderer(context: RenderContext): Renderer {
  const { waiter, tracker, out, redact, clock } = context;
  const emit = (type: JsonLineType, fields: Record<string, unknown>): void => {
    out.write(jsonRecordLine(type, clock, fields));
  };
  const onStatus = (e: StatusEvent): void => {
    const row = tracker.row(e.operationId);
    emit('status', {
      operationId: e.operationId,
      resourceName: e.operation.resourceName ?? null,
      operationType: e.operation.operationType ?? null,
      previous: e.previous ?? null,
      status: e.current ?? null,
      elapsedMs: Math.round(tracker.elapsedMs(row)),
    });
  };
  const onRetry = (e: RetryEvent): void => {
    emit('retry', { operationId: e.operationId, ...retryFields(e, redact) });
  };
  waiter.on('status', onStatus);
  waiter.on('retry', onRetry);
  return {
    finish() {
      waiter.off('status', onStatus);
      waiter.off('retry', onRetry);
      for (const row of tracker.rows) emit('result', resultFields(row, Math.round(tracker.elapsedMs(row)), redact));
    },
  };
}

/** The fields of a `retry` line after what was waited on: the attempt, the delay and the error. */
export function retryFields(
  e: { readonly attempt: number; readonly delayMs: number; readonly error: unknown },
  redact: (text: string) => string,
): Record<string, unknown> {
  return {
    attempt: e.attempt,
    delayMs: Math.round(e.delayMs),
    errorName: redact(errorName(e.error)),
    message: redact(e.error instanceof Error ? e.error.message : String(e.error)),
  };
}

/** The fields of an operation's `result` line (without `v`, `type` and `time`); the summary's `results` reuse them. */
export function resultFields(row: OperationRow, elapsedMs: number, redact: (text: string) => string): Record<string, unknown> {
  const { result, operation } = row;
  const error = result?.error;
  return {
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
