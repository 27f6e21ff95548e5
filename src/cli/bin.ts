#!/usr/bin/env node
/**
 * `lightsail-wait`: wires the process to `run`. SIGINT and SIGTERM abort the waits (a second
 * signal exits at once); the exit code is set from `run`'s result. Output that cannot be written
 * (a reader gone) never changes it; an error nobody expected exits 70, never an outcome's code.
 */
import { parseCommand } from './command.js';
import { ExitCode } from './exit-code.js';
import { loadSdk } from './lazy-sdk.js';
import { silenceSdkNodeWarning } from './node-notice.js';
import { reportInternalError, run } from './run.js';

// Whatever might still hold the event loop once run() is done (a keep-alive socket), the process
// must end promptly.
const GRACE_MS = 900;
// After a signal, run() stops every wait and reports where each stood (the GitHub outputs too):
// a fraction of a second even for 10,000 waits. Past this, the process exits without it. GitHub's
// cancel sends SIGINT and waits 7.5 s before SIGTERM.
const REPORT_GRACE_MS = 5_000;

const controller = new AbortController();
let exitCode: number = ExitCode.interrupted;

// The environment as the user set it, for run(); then the SDK's multi-line Node.js version warning
// is turned off before any client exists (run prints one line of its own instead: node-notice.ts).
const env = { ...process.env };
silenceSdkNodeWarning(process.env);

const onSignal = (signal: NodeJS.Signals): void => {
  if (controller.signal.aborted) process.exit(exitCode);
  exitCode = signal === 'SIGTERM' ? ExitCode.terminated : ExitCode.interrupted;
  controller.abort(signal);
  setTimeout(() => process.exit(exitCode), REPORT_GRACE_MS).unref();
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

/** A bug: report it (if stderr still listens) and exit 70 at once. */
const crash = (error: unknown): void => {
  reportInternalError(process.stderr, error, process.env);
  process.exit(ExitCode.internal);
};
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);

// `lightsail-wait … | head -1`, `… 2>&1 | head -1`: a reader that goes away, on stdout or stderr,
// is not an error of ours. What is left to print is lost; the exit code stays the outcome's.
const onOutputError = (error: NodeJS.ErrnoException): void => {
  if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
  crash(error);
};
process.stdout.on('error', onOutputError);
process.stderr.on('error', onOutputError);

/** True when the arguments make a command that waits (not --help, --version, --list or a usage error). */
function waits(argv: readonly string[]): boolean {
  try {
    const { kind } = parseCommand(argv);
    return kind === 'operations' || kind === 'resources';
  } catch {
    return false;
  }
}

// A command that waits loads the SDK (lazy-sdk.ts) here, before run() starts the --timeout clock,
// as when the bundle imported it at startup; --help, --version and --list still never load it.
if (waits(process.argv.slice(2))) {
  try {
    loadSdk();
  } catch {
    // Not installed (a peer dependency) or broken: run() meets the same error where it makes the client.
  }
}

run(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env,
  signal: controller.signal,
})
  .then(
    (code) => {
      exitCode = code;
      process.exitCode = code;
    },
    (error: unknown) => {
      exitCode = reportInternalError(process.stderr, error, process.env);
      process.exitCode = exitCode;
    },
  )
  .finally(() => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    // A stdin pipe nobody closed (run gave up reading it at --timeout) must not hold the process.
    process.stdin.destroy();
    setTimeout(() => process.exit(exitCode), GRACE_MS).unref();
  });
