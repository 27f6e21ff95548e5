import type { OutputMode } from '../args.js';
import { createJsonRenderer } from './json.js';
import { createPlainRenderer } from './plain.js';
import { createQuietRenderer } from './quiet.js';
import type { OutputStream, RenderContext, Renderer } from './renderer.js';
import { createTtyRenderer } from './tty.js';

/** Picks the view: `--json`, `--quiet`, the live view on a terminal, plain lines otherwise. */
export function createRenderer(mode: OutputMode, context: RenderContext): Renderer {
  if (mode === 'json') return createJsonRenderer(context);
  if (mode === 'quiet') return createQuietRenderer();
  return isLiveTerminal(context.out) ? createTtyRenderer(context) : createPlainRenderer(context);
}

/**
 * A terminal the live view can draw on. A pseudo-terminal of size 0 (some CI runners, `script`
 * without a terminal) gets plain lines, since log-update draws nothing in zero rows.
 */
export function isLiveTerminal(out: OutputStream): boolean {
  return out.isTTY === true && out.rows !== 0 && out.columns !== 0;
}
