import type { Clock, Poller } from '../../index.js';
import type { OutputMode } from '../common-args.js';
import { groupedRenderer, someNames } from '../github/group.js';
import { isGitHubActions } from '../github/workflow-commands.js';
import { visible } from '../terminal-text.js';
import { createJsonRenderer } from './json.js';
import { type PaceSource, withPace } from './pace.js';
import { createPlainRenderer } from './plain.js';
import { createQuietRenderer } from './quiet.js';
import type { OutputStream, RenderContext, Renderer } from './renderer.js';
import { createTtyRenderer } from './tty.js';

/** The views of one kind of wait, made on demand. */
export interface Views {
  readonly json: () => Renderer;
  readonly plain: () => Renderer;
  readonly live: () => Renderer;
  /** What the wait is on, in a few words: the title of its group in a GitHub Actions log. */
  readonly title: () => string;
}

/**
 * Picks the view: `--json`, `--quiet`, the live view on a terminal that can take it, plain lines
 * otherwise. Under GitHub Actions, the live or plain view's lines fold into a log group
 * (`--json` keeps standard output for JSON alone). With `pace`, the JSON and plain views add a
 * line on each change of the shared pace (the live view shows it in its last line).
 */
export function selectView(mode: OutputMode, out: OutputStream, env: Environment, views: Views, pace?: PaceSource): Renderer {
  if (mode === 'json') return withPace(views.json(), 'json', out, pace);
  if (mode === 'quiet') return createQuietRenderer();
  const create = (): Renderer => (isLiveTerminal(out, env) ? views.live() : withPace(views.plain(), 'plain', out, pace));
  return isGitHubActions(env) ? groupedRenderer(out, views.title(), create) : create();
}

/** The view of an operations wait. */
export function createRenderer(mode: OutputMode, context: RenderContext): Renderer {
  return selectView(
    mode,
    context.out,
    context.env,
    {
      json: () => createJsonRenderer(context),
      plain: () => createPlainRenderer(context),
      live: () => createTtyRenderer(context),
      title: () => operationsTitle(context),
    },
    paceOf(context),
  );
}

/** The pace source of a context that has a poller, its lines timed from the tracker's start. */
export function paceOf(context: {
  readonly poller?: Poller | undefined;
  readonly clock: Clock;
  readonly tracker: { elapsedMs(): number };
}): PaceSource | undefined {
  const { poller, clock, tracker } = context;
  return poller === undefined ? undefined : { poller, clock, elapsedMs: () => tracker.elapsedMs() };
}

/** `lightsail-wait: 2 operations (web-1 disk-1)`, naming the resources the input said they are on. */
function operationsTitle({ tracker }: RenderContext): string {
  const { rows } = tracker;
  const names = [...new Set(rows.flatMap((row) => row.operation?.resourceName ?? []))].map((name) => visible(name, 60));
  const count = `${rows.length} operation${rows.length === 1 ? '' : 's'}`;
  return `lightsail-wait: ${count}${names.length === 0 ? '' : ` (${someNames(names)})`}`;
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
