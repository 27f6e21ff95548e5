#!/usr/bin/env node
/**
 * `lightsail-wait`: wires the process to `run`. SIGINT and SIGTERM abort the waits (a second
 * signal exits at once); the exit code is set from `run`'s result. Output that cannot be written
 * (a reader gone) never changes it; an error nobody expected exits 70, never an outcome's code.
 */
import { ExitCode } from './exit-code.js';
import { reportInternalError, run } from './run.js';

// Whatever might still hold the event loop once run() is done (a keep-alive socket), the process
// must end promptly: 1 s after a signal at the latest, as the CLI promises.
const GRACE_MS = 900;

const controller = new AbortController();
let exitCode: number = ExitCode.interrupted;

const onSignal = (signal: NodeJS.Signals): void => {
  if (controller.signal.aborted) process.exit(exitCode);
  exitCode = signal === 'SIGTERM' ? ExitCode.terminated : ExitCode.interrupted;
  controller.abort(signal);
  setTimeout(() => process.exit(exitCode), GRACE_MS).unref();
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

run(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
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
