import type { OutputMode } from '../common-args.js';
import { createJsonRenderer } from './json.js';
import { createPlainRenderer } from './plain.js';
import { createQuietRenderer } from './quiet.js';
import type { OutputStream, RenderContext, Renderer } from './renderer.js';
import { createTtyRenderer } from './tty.js';

/** The views of one kind of wait, made on demand. */
export interface Views {
  readonly json: () => Renderer;
  readonly plain: () => Renderer;
  readonly live: () => Renderer;
}

/** Picks the view: `--json`, `--quiet`, the live view on a terminal that can take it, plain lines otherwise. */
export function selectView(mode: OutputMode, out: OutputStream, env: Environment, views: Views): Renderer {
  if (mode === 'json') return views.json();
  if (mode === 'quiet') return createQuietRenderer();
  return isLiveTerminal(out, env) ? views.live() : views.plain();
}

/** The view of an operations wait. */
export function createRenderer(mode: OutputMode, context: RenderContext): Renderer {
  return selectView(mode, context.out, context.env, {
    json: () => createJsonRenderer(context),
    plain: () => createPlainRenderer(context),
    live: () => createTtyRenderer(context),
  });
}

/** Environment variables, as `CliIO.env` holds them. */
export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * A terminal the live view can draw on. A pseudo-terminal of size 0 (some CI runners, `script`
 * without a terminal) gets plain lines, since log-update draws nothing in zero rows; so does
 * `TERM=dumb` (Emacs shells, some CI logs), which cannot move the cursor.
 */
export function isLiveTerminal(out: OutputStream, env: Environment = {}): boolean {
  return out.isTTY === true && out.rows !== 0 && out.columns !== 0 && env.TERM !== 'dumb';
}
