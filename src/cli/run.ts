import { type Command, parseCommand } from './command.js';
import { ExitCode } from './exit-code.js';
import { helpText } from './help.js';
import type { CliIO } from './io.js';
import { listText } from './list.js';
import { runOperations } from './operation-run.js';
import { redactor } from './redact.js';
import { runResources } from './resource-run.js';
import { RunRecorder, recorderOptions, rejectCommand } from './run-recorder.js';
import { elide, escapeControls } from './terminal-text.js';
import { isUsageError } from './usage-error.js';
import { readVersion } from './version.js';

export type { CliIO } from './io.js';

/**
 * Runs `lightsail-wait` with the arguments after the program name and resolves with the exit
 * code. Never touches `process`: everything comes in through `io`. An error nobody expected (a
 * bug) is reported on stderr and resolves {@link ExitCode.internal} (70), never an outcome's code.
 */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    return await runCommand(argv, io);
  } catch (error) {
    return reportInternalError(io.stderr, error, io.env);
  }
}

/**
 * Prints an unexpected error (its stack, control characters escaped) and returns 70. The bin uses
 * it too, for what escapes `run`.
 */
export function reportInternalError(
  stderr: { write(text: string): unknown },
  error: unknown,
  env: Readonly<Record<string, string | undefined>> = {},
): number {
  const raw = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  const text = redactor(env)(raw);
  const lines = elide(text, 4_000)
    .split('\n')
    .map((line) => escapeControls(line.trim()));
  try {
    stderr.write(`lightsail-wait: internal error (please report it): ${lines.join('\n    ')}\n`);
  } catch {
    // Nowhere left to say it: the exit code still tells.
  }
  return ExitCode.internal;
}

async function runCommand(argv: readonly string[], io: CliIO): Promise<number> {
  let command: Command;
  try {
    command = parseCommand(argv);
  } catch (error) {
    if (isUsageError(error)) return rejectCommand(io, error.message);
    throw error;
  }
  switch (command.kind) {
    case 'help':
      io.stdout.write(helpText());
      return ExitCode.success;
    case 'version':
      io.stdout.write(`${io.version ?? readVersion()}\n`);
      return ExitCode.success;
    case 'list':
      io.stdout.write(listText(command.json));
      return ExitCode.success;
    case 'resources':
      return new RunRecorder(io, recorderOptions(command.config, command.config.definition.name)).record((recorder) =>
        runResources(command.config, io, recorder),
      );
    case 'operations':
      return new RunRecorder(io, recorderOptions(command.config, null)).record((recorder) => runOperations(command.config, io, recorder));
  }
}
