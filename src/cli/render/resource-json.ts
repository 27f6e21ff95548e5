import type { WaiterRetryEvent, WaiterStatusEvent } from '../../index.js';
import { isResourceFailedError, isResourceRequestError } from '../../index.js';
import { jsonLine } from '../json-line.js';
import { deploymentResultFields, deploymentStatusFields } from './deployment.js';
import { errorName } from './plain.js';
import type { Renderer, ResourceRenderContext } from './renderer.js';
import type { ResourceRow } from './resource-tracker.js';

/**
 * `--json` for resources: one JSON object per line. While waiting, `{"event":"status",…}` on each
 * state change and `{"event":"retry",…}` on each retried request; at the end one
 * `{"event":"result",…}` per resource, in command-line order.
 */
export function createResourceJsonRenderer(context: Pick<ResourceRenderContext, 'tracker' | 'out' | 'redact'>): Renderer {
  const { tracker, out, redact } = context;
  const emit = (value: Record<string, unknown>): void => {
    out.write(jsonLine(value));
  };
  const onStatus = (row: ResourceRow, e: WaiterStatusEvent<unknown>): void => {
    emit({
      event: 'status',
      waiter: row.waiter,
      target: row.target,
      previous: e.previous ?? null,
      state: e.current ?? null,
      detail: e.detail ?? null,
      ...deploymentStatusFields(row),
      elapsedMs: Math.round(tracker.elapsedMs(row)),
    });
  };
  const onRetry = (row: ResourceRow, e: WaiterRetryEvent): void => {
    emit({
      event: 'retry',
      waiter: row.waiter,
      target: row.target,
      attempt: e.attempt,
      delayMs: Math.round(e.delayMs),
      errorName: redact(errorName(e.error)),
      message: redact(e.error instanceof Error ? e.error.message : String(e.error)),
    });
  };
  tracker.on('status', onStatus);
  tracker.on('retry', onRetry);
  return {
    finish() {
      tracker.off('status', onStatus);
      tracker.off('retry', onRetry);
      for (const row of tracker.rows) emit(resourceResultRecord(row, Math.round(tracker.elapsedMs(row)), redact));
    },
  };
}

/** The `result` object of one resource wait. */
export function resourceResultRecord(row: ResourceRow, elapsedMs: number, redact: (text: string) => string): Record<string, unknown> {
  const error = row.result?.error;
  return {
    event: 'result',
    waiter: row.waiter,
    target: row.target,
    outcome: row.result?.outcome ?? 'aborted',
    state: row.state ?? null,
    elapsedMs,
    ...(error === undefined ? {} : { message: redact(error.message) }),
    ...(isResourceRequestError(error) ? { errorName: redact(error.errorName) } : {}),
    ...(isResourceFailedError(error) ? { reason: redact(error.reason) } : {}),
    ...deploymentResultFields(row, redact),
  };
}
