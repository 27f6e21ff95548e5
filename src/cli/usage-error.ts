import { redactUrlCredentials } from './redact.js';
import { escapeControls } from './terminal-text.js';

/**
 * Thrown for a bad command line or unreadable input. The CLI prints its one-line message and
 * exits 2, before any request is sent.
 */
export class UsageError extends Error {
  override name = 'UsageError' as const;
}

/** True for a {@link UsageError}. */
export function isUsageError(value: unknown): value is UsageError {
  return value instanceof UsageError;
}

/** Shortens user input quoted in a message, so the message stays one readable line. */
export function shorten(text: string, max = 60): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}

/**
 * Prints a usage problem on standard error and returns the usage exit code, 2. The message quotes
 * what it was given, so control characters are escaped and URL passwords masked here, once for all.
 */
export function reportUsage(stderr: { write(text: string): unknown }, message: string): 2 {
  stderr.write(`lightsail-wait: ${escapeControls(redactUrlCredentials(message))}\n`);
  return 2;
}
