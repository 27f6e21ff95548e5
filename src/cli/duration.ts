/** The longest duration a timer can wait in Node.js (about 24.8 days); longer ones fire at once. */
export const MAX_DURATION_MS = 2_147_483_647;

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };
const PLAIN_SECONDS = /^\d+(?:\.\d+)?$/;
const WITH_UNITS = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/;
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;

/**
 * Parses a duration as the CLI accepts it: a bare number of seconds (`90`), or numbers with units
 * `ms`, `s`, `m`, `h`, optionally combined (`90s`, `10m`, `1h`, `1h30m`). Returns milliseconds,
 * rounded to whole ones. Throws `RangeError` when the text is not a duration, is zero, or is longer
 * than a Node.js timer can wait.
 */
export function parseDuration(text: string): number {
  let ms: number;
  if (PLAIN_SECONDS.test(text)) ms = Number(text) * 1_000;
  else if (WITH_UNITS.test(text)) {
    ms = 0;
    for (const [, amount, unit] of text.matchAll(PART)) ms += Number(amount) * (UNIT_MS[unit as string] as number);
  } else {
    throw new RangeError('expected a duration such as 90, 90s, 10m or 1h');
  }
  ms = Math.round(ms);
  if (ms <= 0) throw new RangeError('expected a duration longer than 0');
  if (ms > MAX_DURATION_MS) throw new RangeError('expected a duration of at most 596h');
  return ms;
}

/** Shows a duration the way a person would type it: `1.5s`, `10m`, `1h30m`. */
export function formatDuration(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${Number((ms / 1_000).toFixed(1))}s`;
  const totalSeconds = Math.round(ms / 1_000);
  const h = Math.floor(totalSeconds / 3_600);
  const m = Math.floor((totalSeconds % 3_600) / 60);
  const s = totalSeconds % 60;
  return [h ? `${h}h` : '', m ? `${m}m` : '', s ? `${s}s` : ''].join('');
}

/** Shows elapsed time in whole seconds for a live view: `0s`, `59s`, `1m05s`, `1h02m`. */
export function formatElapsed(ms: number): string {
  const totalSeconds = Math.max(0, Math.floor(ms / 1_000));
  if (totalSeconds < 60) return `${totalSeconds}s`;
  const totalMinutes = Math.floor(totalSeconds / 60);
  if (totalMinutes < 60) return `${totalMinutes}m${String(totalSeconds % 60).padStart(2, '0')}s`;
  return `${Math.floor(totalMinutes / 60)}h${String(totalMinutes % 60).padStart(2, '0')}m`;
}
