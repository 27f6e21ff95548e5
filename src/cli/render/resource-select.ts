import type { OutputMode } from '../common-args.js';
import { someNames } from '../github/group.js';
import { createLiveView } from './live-view.js';
import type { Renderer, ResourceRenderContext } from './renderer.js';
import { resourceSummary, resourceViewRow } from './resource-describe.js';
import { createResourceJsonRenderer } from './resource-json.js';
import { createResourcePlainRenderer } from './resource-plain.js';
import type { ResourceRow } from './resource-tracker.js';
import { paceOf, selectView } from './select.js';

/** Picks the view of a resource wait: `--json`, `--quiet`, the live view on a terminal, plain lines otherwise. */
export function createResourceRenderer(mode: OutputMode, context: ResourceRenderContext): Renderer {
  return selectView(
    mode,
    context.out,
    context.env,
    {
      json: () => createResourceJsonRenderer(context),
      plain: () => createResourcePlainRenderer(context),
      live: () => createResourceLiveView(context),
      title: () => `lightsail-wait ${context.tracker.rows[0]?.waiter ?? ''} ${someNames(context.tracker.rows.map((row) => row.target))}`,
    },
    paceOf(context),
  );
}

/** The live view: one row per resource (name, waiter, state, elapsed). */
function createResourceLiveView(context: ResourceRenderContext): Renderer {
  const { tracker } = context;
  return createLiveView(
    {
      rows: () => tracker.rows.map((row: ResourceRow) => resourceViewRow(row, tracker.elapsedMs(row))),
      summary: () => resourceSummary(tracker),
      subscribe: (redraw) => {
        tracker.on('status', redraw);
        tracker.on('settled', redraw);
        return () => {
          tracker.off('status', redraw);
          tracker.off('settled', redraw);
        };
      },
    },
    context,
  );
}
