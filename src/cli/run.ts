import { type Command, parseCommand } from './command.js';
import { ExitCode } from './exit-code.js';
import { helpText } from './help.js';
import type { CliIO } from './io.js';
import { listText } from './list.js';
import { runOperations } from './operation-run.js';
import { runResources } from './resource-run.js';
import { isUsageError, reportUsage } from './usage-error.js';
import { readVersion } from './version.js';

export type { CliIO } from './io.js';

/**
 * Runs `lightsail-wait` with the arguments after the program name and resolves with the exit
 * code. Never touches `process`: everything comes in through `io`.
 */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  let command: Command;
  try {
    command = parseCommand(argv);
  } catch (error) {
    if (isUsageError(error)) return reportUsage(io.stderr, error.message);
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
      return runResources(command.config, io);
    case 'operations':
      return runOperations(command.config, io);
  }
}
