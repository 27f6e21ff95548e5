import type { WaiterRetryEvent, WaiterStatusEvent } from '../../index.js';
import { visible } from '../terminal-text.js';
import { plainLine, retryText } from './plain.js';
import type { Renderer, ResourceRenderContext } from './renderer.js';
import { resourceSummary, withDetail } from './resource-describe.js';
import type { ResourceRow } from './resource-tracker.js';

/**
 * The view for logs: a line per state change, `[12s] instance web-1: pending → running (198.51.100.7)`,
 * a line per retried request, then a summary line.
 */
export function createResourcePlainRenderer(context: Pick<ResourceRenderContext, 'tracker' | 'out' | 'redact'>): Renderer {
  const { tracker, out, redact } = context;
  const onStatus = (row: ResourceRow, e: WaiterStatusEvent<unknown>): void => {
    out.write(plainLine(tracker.elapsedMs(), row.subject, transition(e.previous, e.current, e.detail)));
  };
  const onRetry = (row: ResourceRow, e: WaiterRetryEvent): void => {
    out.write(plainLine(tracker.elapsedMs(), row.subject, retryText(row.action, e.error, e.delayMs, redact)));
  };
  tracker.on('status', onStatus);
  tracker.on('retry', onRetry);
  return {
    finish() {
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
