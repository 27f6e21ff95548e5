import type { WaiterRetryEvent, WaiterStatusEvent } from '../../index.js';
import { visible } from '../terminal-text.js';
import { DEFAULT_HEARTBEAT_MS, heartbeatLines, type StillWaiting, startHeartbeat } from './heartbeat.js';
import { plainLine, retryText } from './plain.js';
import type { Renderer, ResourceRenderContext } from './renderer.js';
import { resourceSummary, withDetail } from './resource-describe.js';
import type { ResourceRow, ResourceTracker } from './resource-tracker.js';
import { RESOURCES } from './summary.js';

/**
 * The view for logs: a line per state change, `[12s] instance web-1: pending → running (198.51.100.7)`,
 * a line per retried request, every `--heartbeat` (1 minute by default) a line per resource still
 * waited on, `[1m00s] database db-1: still creating`; then a summary line.
 */
export function createResourcePlainRenderer(
  context: Pick<ResourceRenderContext, 'tracker' | 'out' | 'redact' | 'clock' | 'heartbeatMs'>,
): Renderer {
  const { tracker, out, redact } = context;
  const onStatus = (row: ResourceRow, e: WaiterStatusEvent<unknown>): void => {
    out.write(plainLine(tracker.elapsedMs(), row.subject, transition(e.previous, e.current, e.detail)));
  };
  const onRetry = (row: ResourceRow, e: WaiterRetryEvent): void => {
    out.write(plainLine(tracker.elapsedMs(), row.subject, retryText(row.action, e.error, e.delayMs, redact)));
  };
  tracker.on('status', onStatus);
  tracker.on('retry', onRetry);
  const stopHeartbeat = startHeartbeat(context.clock, context.heartbeatMs ?? DEFAULT_HEARTBEAT_MS, () => {
    out.write(heartbeatLines(stillWaiting(tracker), tracker.elapsedMs(), RESOURCES));
  });
  return {
    finish() {
      stopHeartbeat();
      tracker.off('status', onStatus);
      tracker.off('retry', onRetry);
      out.write(`${resourceSummary(tracker)}\n`);
    },
  };
}

/** `pending → running (198.51.100.7)`; just the state the first time, or when only the detail moved. */
export function transition(previous: string | undefined, current: string | undefined, detail: string | undefined): string {
  const now = current ?? 'unknown';
  if (previous === undefined || previous === now) return withDetail(now, detail);
  return `${visible(previous)} → ${withDetail(now, detail)}`;
}

/** The resources still waited on, as a heartbeat names them: `still pending`, or `still waiting (no state yet)`. */
function stillWaiting(tracker: ResourceTracker): StillWaiting[] {
  return tracker.rows
    .filter((row) => row.result === undefined)
    .map((row) => ({
      who: row.subject,
      text: row.state === undefined ? 'still waiting (no state yet)' : `still ${withDetail(row.state, row.detail)}`,
    }));
}
