/**
 * Argument parsing of the `lightsail-waiter-simulator` command, kept apart from `bin.ts` so it
 * can be tested in-process.
 */
import { parseArgs } from 'node:util';
import type { SimulatorOptions } from './options.js';

/** `lightsail-waiter-simulator --help`. */
export const USAGE = `Usage: lightsail-waiter-simulator [options]

Runs a local AWS Lightsail simulator (AWS JSON 1.1) and prints its endpoint on one line.
Stops on SIGINT (Ctrl-C) or SIGTERM.

Options:
  --port <n>          TCP port, 0 for a random free one (default 0)
  --host <host>       interface to listen on (default 127.0.0.1)
  --region <name>     region of the simulated account (default us-east-1)
  --time-scale <x>    divide every simulated duration by x (default 1)
  --max-rps <n>       answer ThrottlingException above n requests per second (default no limit)
  --cors              answer CORS preflights, any origin
  -h, --help          show this help
`;

/** A command line the simulator cannot run with; the command exits with status 2. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError' as const;
}

/** What the command line asks for. */
export type CliRequest = { readonly help: true } | { readonly help: false; readonly options: SimulatorOptions };

function toNumber(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+(\.\d+)?$/.test(value)) throw new CliUsageError(`--${flag} expects a number, got ${JSON.stringify(value)}`);
  return Number(value);
}

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  region: { type: 'string' },
  'time-scale': { type: 'string' },
  'max-rps': { type: 'string' },
  cors: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Parses the arguments after the command name; throws `CliUsageError` for unknown flags or bad values. */
export function parseSimulatorArgs(argv: readonly string[]): CliRequest {
  let values: ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: OPTIONS,
    }));
  } catch (error) {
    throw new CliUsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help === true) return { help: true };
  const port = toNumber('port', values.port);
  const timeScale = toNumber('time-scale', values['time-scale']);
  const maxRequestsPerSecond = toNumber('max-rps', values['max-rps']);
  return {
    help: false,
    options: {
      ...(port === undefined ? {} : { port }),
      ...(values.host === undefined ? {} : { host: values.host }),
      ...(values.region === undefined ? {} : { region: values.region }),
      ...(timeScale === undefined ? {} : { timeScale }),
      ...(maxRequestsPerSecond === undefined ? {} : { maxRequestsPerSecond }),
      ...(values.cors === true ? { cors: true } : {}),
    },
  };
}
