#!/usr/bin/env node
/**
 * `lightsail-wait`: wires the process to `run`. SIGINT and SIGTERM abort the waits (a second
 * signal exits at once); the exit code is set from `run`'s result.
 */
import { run } from './run.js';

// Whatever might still hold the event loop once run() is done (a keep-alive socket, stdin), the
// process must end promptly: 1 s after a signal at the latest, as the CLI promises.
const GRACE_MS = 900;

const controller = new AbortController();
let exitCode = 130;

const onSignal = (signal: NodeJS.Signals): void => {
  if (controller.signal.aborted) process.exit(exitCode);
  exitCode = signal === 'SIGTERM' ? 143 : 130;
  controller.abort(signal);
  setTimeout(() => process.exit(exitCode), GRACE_MS).unref();
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);
// `lightsail-wait … | head -1`: a reader that goes away is not an error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

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
      process.stderr.write(
        `lightsail-wait: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      exitCode = 1;
      process.exitCode = 1;
    },
  )
  .finally(() => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    setTimeout(() => process.exit(exitCode), GRACE_MS).unref();
  });
