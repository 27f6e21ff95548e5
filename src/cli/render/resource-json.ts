import type { WaiterRetryEvent, WaiterStatusEvent } from '../../index.js';
import { isResourceFailedError, isResourceRequestError } from '../../index.js';
import { type JsonLineType, jsonRecordLine } from '../json-line.js';
import { deploymentResultFields, deploymentStatusFields } from './deployment.js';
import { retryFields } from './json.js';
import type { Renderer, ResourceRenderContext } from './renderer.js';
import type { ResourceRow } from './resource-tracker.js';

/**
 * `--json` for resources: JSON Lines (schema `schema/lightsail-wait.v1.schema.json`), every line
 * with `v`, `type` and `time`. While waiting, a `status` line on each state change and a `retry`
 * line on each retried request; at the end one `result` line per resource, in command-line order.
 * The `summary` line that ends the stream is written by the run's recorder.
 */
export function createResourceJsonRenderer(context: Pick<ResourceRenderContext, 'tracker' | 'out' | 'redact' | 'clock'>): Renderer {
  const { tracker, out, redact, clock } = context;
  const emit = (type: JsonLineType, fields: Record<string, unknown>): void => {
    out.write(jsonRecordLine(type, clock, fields));
  };
  const onStatus = (row: ResourceRow, e: WaiterStatusEvent<unknown>): void => {
    emit('status', {
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
    emit('retry', { waiter: row.waiter, target: row.target, ...retryFields(e, redact) });
  };
  tracker.on('status', onStatus);
  tracker.on('retry', onRetry);
  return {
    finish() {
      tracker.off('status', onStatus);
      tracker.off('retry', onRetry);
      for (const row of tracker.rows) emit('result', resourceResultFields(row, Math.round(tracker.elapsedMs(row)), redact));
    },
  };
}

/**
 * The fields of a resource's `result` line (without `v`, `type` and `time`); the summary's
 * `results` reuse them. `publicIp` is there when the waiter read an instance with one.
 */
export function resourceResultFields(row: ResourceRow, elapsedMs: number, redact: (text: string) => string): Record<string, unknown> {
  const error = row.result?.error;
  const publicIp = publicIpOf(row);
  return {
    waiter: row.waiter,
    target: row.target,
    outcome: row.result?.outcome ?? 'aborted',
    state: row.state ?? null,
    detail: row.detail ?? null,
    ...(publicIp === undefined ? {} : { publicIp }),
    elapsedMs,
    ...(error === undefined ? {} : { message: redact(error.message) }),
    ...(isResourceRequestError(error) ? { errorName: redact(error.errorName) } : {}),
    ...(isResourceFailedError(error) ? { reason: redact(error.reason) } : {}),
    ...deploymentResultFields(row, redact),
  };
}

/**
 * The public IPv4 address of the instance in the waiter's last output (`instance-running`,
 * `instance-port-open`, `instance-stopped` read `GetInstance`), if it has one.
 */
/**
 * The instance a row's waiter read and its public IP, keyed by the instance's name (`web-1`, also
 * for `instance-port-open`, whose target is `web-1:22`); `undefined` when it read none with one.
 */
export function instanceIpOf(row: ResourceRow): { readonly instanceName: string; readonly address: string } | undefined {
  const address = publicIpOf(row);
  if (address === undefined) return undefined;
  // The target is the instance's name, or for instance-port-open `name:port` (names have no colon).
  return { instanceName: row.target.replace(/:\d+$/, ''), address };
}

export function publicIpOf(row: ResourceRow): string | undefined {
  const instance = (row.output as { instance?: { publicIpAddress?: unknown } } | undefined)?.instance;
  const ip = instance?.publicIpAddress;
  return typeof ip === 'string' && ip !== '' ? ip : undefined;
}
