import { parseArgs } from 'node:util';
import { UsageError } from './usage-error.js';

/**
 * Every flag of `lightsail-wait`, for both of its modes: parsed once, strictly, before the mode is
 * known; each mode then refuses the flags that are not its own.
 */
export const FLAGS = {
  region: { type: 'string' },
  profile: { type: 'string' },
  'endpoint-url': { type: 'string' },
  timeout: { type: 'string' },
  json: { type: 'boolean' },
  quiet: { type: 'boolean' },
  'max-rps': { type: 'string' },
  'min-delay': { type: 'string' },
  'max-delay': { type: 'string' },
  heartbeat: { type: 'string' },
  'time-scale': { type: 'string' },
  resource: { type: 'string', multiple: true },
  port: { type: 'string' },
  'stable-for': { type: 'string' },
  certificate: { type: 'string' },
  'no-public-ip': { type: 'boolean' },
  list: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

/** The command line split into flag values and positionals. */
export type ParsedFlags = ReturnType<typeof parseFlags>;

/** The flag values, by flag name. */
export type FlagValues = ParsedFlags['values'];

/** Parses the arguments (without the program name) against {@link FLAGS}. Throws {@link UsageError}. */
export function parseFlags(argv: readonly string[]) {
  try {
    // The tokens say where each positional stood: container-deployment reads `--version <n>` from them.
    return parseArgs({ args: [...argv], options: FLAGS, allowPositionals: true, strict: true, tokens: true });
  } catch (error) {
    throw new UsageError(describeParseError(error));
  }
}

/** Turns parseArgs' long messages into one short line that names the option. */
function describeParseError(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown };
  const message = typeof e.message === 'string' ? e.message : String(error);
  const option = /'(-[^'\s]*)/.exec(message)?.[1];
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `unknown option '${option}'`;
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    return message.includes('does not take an argument') ? `option '${option}' does not take a value` : `option '${option}' needs a value`;
  }
  return (message.split(/\.\s|\n/)[0] ?? message).trim();
}
