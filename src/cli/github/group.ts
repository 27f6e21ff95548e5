import type { Renderer } from '../render/renderer.js';
import { workflowCommand } from './workflow-commands.js';

/** How long a group title may be before it is cut: the log shows one line. */
const MAX_TITLE_CHARS = 200;

/**
 * A view whose lines fold into one group of the GitHub Actions log: `::group::title` before the
 * view is made, `::endgroup::` once it has finished (so the problems reported after it stay in
 * sight). Both go to `out`, the stream the view writes to, so that they stay in order with it.
 */
export function groupedRenderer(out: { write(text: string): unknown }, title: string, create: () => Renderer): Renderer {
  const shown = title.length <= MAX_TITLE_CHARS ? title : `${title.slice(0, MAX_TITLE_CHARS - 1)}…`;
  out.write(workflowCommand('group', {}, shown));
  const renderer = create();
  return {
    finish() {
      renderer.finish();
      out.write(workflowCommand('endgroup', {}, ''));
    },
  };
}

/** `web-1 web-2 web-3 +2 more`: the first names, for a title. Pure. */
export function someNames(names: readonly string[], shown = 5): string {
  const head = names.slice(0, shown).join(' ');
  return names.length > shown ? `${head} +${names.length - shown} more` : head;
}
