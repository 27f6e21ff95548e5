import { isServiceName } from '../waiters/resource-input.js';
import { parseDuration } from './duration.js';
import type { FlagValues } from './flags.js';
import { checkHeartbeat } from './heartbeat-flag.js';
import { redactUrlCredentials } from './redact.js';
import { shorten, UsageError } from './usage-error.js';

/** How the output looks: chosen by the terminal (`auto`), or by `--json` / `--quiet`. */
export type OutputMode = 'auto' | 'json' | 'quiet';

/** The flags both modes share, checked: the client, the schedule, the deadline and the output. */
export interface CommonConfig {
  readonly region?: string;
  readonly profile?: string;
  /** `--endpoint-url`. */
  readonly endpoint?: string;
  /** `--timeout`, in milliseconds, for the whole command. @default 1_800_000 (30 minutes) */
  readonly timeoutMs: number;
  /** `--min-delay`, in milliseconds. @default undefined (the library's 1 s) */
  readonly minDelayMs?: number;
  /** `--max-delay`, in milliseconds. @default undefined (the library's 30 s) */
  readonly maxDelayMs?: number;
  /** `--max-rps`: the cap on requests per second, across every wait. @default undefined (the library's 10) */
  readonly maxRequestsPerSecond?: number;
  readonly output: OutputMode;
  /** `--time-scale`: the endpoint runs this many times faster than Lightsail (a simulator); the schedule is scaled alike. @default undefined (1) */
  readonly timeScale?: number;
  /** `--heartbeat`, in milliseconds: how often plain output lists what is still waiting; 0 for never. @default undefined (1 minute) */
  readonly heartbeatMs?: number;
}

/** The default `--timeout`: 30 minutes, in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 30 * 60_000;

const REGION = /^[a-z0-9][a-z0-9-]*$/;
// Lightsail's own pattern for resource names.
const RESOURCE_NAME = /^\w[\w-]*\w$/;

/** Checks the shared flags. Throws {@link UsageError} naming the flag and the value. */
export function commonConfig(values: FlagValues): CommonConfig {
  if (values.json && values.quiet) throw new UsageError('--json and --quiet cannot be used together');
  return {
    ...optional('region', checkRegion(values.region)),
    ...optional('profile', nonEmpty('--profile', values.profile)),
    ...optional('endpoint', checkEndpoint(values['endpoint-url'])),
    timeoutMs: values.timeout === undefined ? DEFAULT_TIMEOUT_MS : checkDuration('--timeout', values.timeout),
    ...optional('maxRequestsPerSecond', checkPositive('--max-rps', values['max-rps'])),
    ...optional('timeScale', checkPositive('--time-scale', values['time-scale'])),
    ...delays(values['min-delay'], values['max-delay']),
    output: values.json ? 'json' : values.quiet ? 'quiet' : 'auto',
    ...optional('heartbeatMs', checkHeartbeat(values.heartbeat)),
  };
}

/** `{ [key]: value }`, or `{}` when the value is undefined (for `exactOptionalPropertyTypes`). */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** True when `text` is a Lightsail resource name (letters, digits, `_` and `-`). */
export function isResourceName(text: string): boolean {
  return RESOURCE_NAME.test(text);
}

/** Throws unless `value` is a resource name; `what` names it in the message (`--resource`, `name`). */
export function checkResourceName(what: string, value: string, example = 'web-1'): string {
  if (!isResourceName(value))
    throw new UsageError(`invalid ${what} '${shorten(value)}': expected a Lightsail resource name such as ${example}`);
  return value;
}

/** Throws unless `value` is a container service name (`a` is one); `what` names it in the message. */
export function checkServiceName(what: string, value: string): string {
  if (!isServiceName(value))
    throw new UsageError(
      `invalid ${what} '${shorten(value)}': expected a Lightsail container service name (1 to 63 lower-case letters, digits and inner hyphens) such as api`,
    );
  return value;
}

/** Parses a duration flag, naming the flag in the {@link UsageError}. */
export function checkDuration(flag: string, value: string): number {
  try {
    return parseDuration(value);
  } catch (error) {
    throw new UsageError(`invalid ${flag} '${shorten(value)}': ${(error as Error).message}`);
  }
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
    // The value may hold a password (`https://user:secret@host`): never echo it.
    throw new UsageError(`invalid --endpoint-url '${shorten(redactUrlCredentials(value, true))}': expected an http:// or https:// URL`);
  }
  return value;
}

function checkPositive(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\d+(?:\.\d+)?$|^\.\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`invalid ${flag} '${shorten(value)}': expected a number greater than 0`);
  return n;
}

/** `--min-delay` and `--max-delay`, each a duration, the second no shorter than the first. */
function delays(min: string | undefined, max: string | undefined): { minDelayMs?: number; maxDelayMs?: number } {
  const minDelayMs = min === undefined ? undefined : checkDuration('--min-delay', min);
  const maxDelayMs = max === undefined ? undefined : checkDuration('--max-delay', max);
  if (minDelayMs !== undefined && maxDelayMs !== undefined && maxDelayMs < minDelayMs) {
    throw new UsageError(`--max-delay (${max}) must not be shorter than --min-delay (${min})`);
  }
  // One given alone moves the library's default of the other with it.
  return { ...optional('minDelayMs', minDelayMs), ...optional('maxDelayMs', maxDelayMs) };
}
