/**
 * Text from outside (the server, standard input, the command line) made safe to show on a
 * terminal. A status, an `errorDetails`, a log line or an error message may hold escape sequences
 * that move the cursor, rewrite earlier lines, retitle the window or reorder what is shown; the
 * CLI prints every such character as a visible escape instead, and cuts very long fields.
 */

/**
 * The characters never printed as they are: C0 controls (tab and newline included: one field
 * stays one line), DEL, C1 controls (U+009B is a one-byte CSI), and the bidirectional overrides
 * and isolates (U+202A–U+202E, U+2066–U+2069) that make text read in another order than it is.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** How many characters of one field a line shows before eliding the rest. */
export const MAX_FIELD_CHARS = 500;

const SHORT_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeOne(char: string): string {
  const code = char.charCodeAt(0);
  const short = SHORT_ESCAPES[char];
  if (short !== undefined) return short;
  return code <= 0x7f ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Replaces every unsafe character with a visible escape: `\x1b` for ESC, `\n` for a newline,
 * `\u009b` for the C1 CSI, `\u202e` for a right-to-left override. Idempotent on its own output. Pure.
 */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, escapeOne);
}

/**
 * Cuts `text` to `max` characters (never inside a surrogate pair), saying how much was left
 * out: `aaaa…(+99500 chars)`. Pure.
 */
export function elide(text: string, max = MAX_FIELD_CHARS): string {
  if (text.length <= max) return text;
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…(+${text.length - end} chars)`;
}

/** One field of outside text, as a line shows it: cut to `max` characters, then escaped. Pure. */
export function visible(text: string, max = MAX_FIELD_CHARS): string {
  return escapeControls(elide(text, max));
}
