/**
 * What one `lightsail-wait` command accepts, at most. Past a limit the command is a usage error
 * (exit 2) naming it, before any request: input that large is a mistake (a wrong file, a runaway
 * generator), and failing clearly beats crashing or flooding Lightsail. `--help` prints them.
 */
export const LIMITS = Object.freeze({
  /** Bytes read from standard input: far more than any Lightsail response. */
  inputBytes: 16 * 1024 * 1024,
  /** How deeply stdin JSON may nest arrays and objects: Lightsail responses nest under 10. */
  jsonDepth: 64,
  /** Operations, resources or deployments waited on by one command (each one polled). */
  waits: 10_000,
});

/** `16 MiB`: a byte count as `--help` and messages show it. */
export function formatBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes} bytes`;
}
