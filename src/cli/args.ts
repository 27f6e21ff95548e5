import { parseArgs } from 'node:util';
import { parseDuration } from './duration.js';
import { isOperationId } from './operation-id.js';
import { shorten, UsageError } from './usage-error.js';

/** How the output looks: chosen by the terminal (`auto`), or by `--json` / `--quiet`. */
export type OutputMode = 'auto' | 'json' | 'quiet';

/** The command line, checked. */
export interface CliConfig {
  readonly help: boolean;
  readonly version: boolean;
  /** Operation ids given as arguments, in order. */
  readonly ids: readonly string[];
  /** `--resource` names, in order: wait until nothing is pending on each. */
  readonly resources: readonly string[];
  /** `-` was given: read standard input even though ids were given too. */
  readonly explicitStdin: boolean;
  readonly region?: string;
  readonly profile?: string;
  /** `--endpoint-url`. */
  readonly endpoint?: string;
  /** `--timeout`, in milliseconds. @default 1_800_000 (30 minutes) */
  readonly timeoutMs: number;
  /** `--min-delay`, in milliseconds. @default undefined (the library's 1 s) */
  readonly minDelayMs?: number;
  /** `--max-delay`, in milliseconds. @default undefined (the library's 30 s) */
  readonly maxDelayMs?: number;
  /** `--max-rps`: the cap on `GetOperation` calls per second. @default undefined (the library's 10) */
  readonly maxRequestsPerSecond?: number;
  readonly output: OutputMode;
}

/** The default `--timeout`: 30 minutes, in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 30 * 60_000;

const OPTIONS = {
  region: { type: 'string' },
  profile: { type: 'string' },
  'endpoint-url': { type: 'string' },
  timeout: { type: 'string' },
  json: { type: 'boolean' },
  quiet: { type: 'boolean' },
  'max-rps': { type: 'string' },
  'min-delay': { type: 'string' },
  'max-delay': { type: 'string' },
  resource: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

const REGION = /^[a-z0-9][a-z0-9-]*$/;
// Lightsail's own pattern for resource names.
const RESOURCE_NAME = /^\w[\w-]*\w$/;

/** Parses and checks the arguments (without the program name). Throws {@link UsageError}. */
export function parseCliArgs(argv: readonly string[]): CliConfig {
  const { values, positionals } = parseStrict(argv);
  if (values.json && values.quiet) throw new UsageError('--json and --quiet cannot be used together');
  const ids = positionals.filter((p) => p !== '-');
  for (const id of ids) {
    if (!isOperationId(id)) {
      throw new UsageError(`'${shorten(id)}' is not an operation id (to read JSON from a file: lightsail-wait - < FILE)`);
    }
  }
  return {
    help: values.help === true,
    version: values.version === true,
    ids,
    resources: checkResources(values.resource ?? []),
    explicitStdin: positionals.includes('-'),
    ...optional('region', checkRegion(values.region)),
    ...optional('profile', nonEmpty('--profile', values.profile)),
    ...optional('endpoint', checkEndpoint(values['endpoint-url'])),
    timeoutMs: values.timeout === undefined ? DEFAULT_TIMEOUT_MS : checkDuration('--timeout', values.timeout),
    ...optional('maxRequestsPerSecond', checkMaxRps(values['max-rps'])),
    ...delays(values['min-delay'], values['max-delay']),
    output: values.json ? 'json' : values.quiet ? 'quiet' : 'auto',
  };
}

function parseStrict(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
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

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function nonEmpty(flag: string, value: string | undefined): string | undefined {
  if (value !== undefined && value.trim() === '') throw new UsageError(`${flag} needs a non-empty value`);
  return value;
}

function checkRegion(value: string | undefined): string | undefined {
  if (value !== undefined && !REGION.test(value))
    throw new UsageError(`invalid --region '${shorten(value)}': expected a region such as us-east-1`);
  return value;
}

function checkEndpoint(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new UsageError(`invalid --endpoint-url '${shorten(value)}': expected an http:// or https:// URL`);
  }
  return value;
}

function checkMaxRps(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\d+(?:\.\d+)?$|^\.\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`invalid --max-rps '${shorten(value)}': expected a number greater than 0`);
  return n;
}

function checkResources(names: readonly string[]): string[] {
  for (const name of names) {
    if (!RESOURCE_NAME.test(name))
      throw new UsageError(`invalid --resource '${shorten(name)}': expected a Lightsail resource name such as web-1`);
  }
  return [...new Set(names)];
}

/** `--min-delay` and `--max-delay`, each a duration, the second no shorter than the first. */
function delays(min: string | undefined, max: string | undefined): { minDelayMs?: number; maxDelayMs?: number } {
  const minDelayMs = min === undefined ? undefined : checkDuration('--min-delay', min);
  const maxDelayMs = max === undefined ? undefined : checkDuration('--max-delay', max);
  if (minDelayMs !== undefined && maxDelayMs !== undefined && maxDelayMs < minDelayMs) {
    throw new UsageError(`--max-delay (${max}) must not be shorter than --min-delay (${min})`);
  }
  // A --max-delay under the library's 1 s minimum brings the minimum down with it.
  const floor = minDelayMs ?? (maxDelayMs !== undefined && maxDelayMs < 1000 ? maxDelayMs : undefined);
  return { ...optional('minDelayMs', floor), ...optional('maxDelayMs', maxDelayMs) };
}

function checkDuration(flag: string, value: string): number {
  try {
    return parseDuration(value);
  } catch (error) {
    throw new UsageError(`invalid ${flag} '${shorten(value)}': ${(error as Error).message}`);
  }
}
