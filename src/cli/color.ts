import * as util from 'node:util';

/** The styles the CLI uses. */
export type Style = 'green' | 'red' | 'yellow' | 'cyan' | 'dim' | 'bold';

/** Styles text, or returns it as is when color is off. */
export type Paint = (style: Style, text: string) => string;

type StyleText = (format: Style, text: string, options?: { validateStream?: boolean }) => string;
// styleText arrived in Node.js 20.12; on older versions the CLI simply prints no color.
const styleText = (util as { styleText?: StyleText }).styleText;

/** Color only on a terminal, and never when `NO_COLOR` is set to a non-empty value or `TERM` is `dumb`. */
export function shouldColor(stream: { isTTY?: boolean }, env: Readonly<Record<string, string | undefined>>): boolean {
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  return stream.isTTY === true && !noColor && env.TERM !== 'dumb';
}

/** A {@link Paint} that colors when `enabled` (the decision is ours, so `styleText` must not check a stream itself). */
export function painter(enabled: boolean): Paint {
  if (!enabled || styleText === undefined) return (_style, text) => text;
  return (style, text) => styleText(style, text, { validateStream: false });
}
