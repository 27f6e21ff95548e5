import type { Clock } from '../index.js';
import { type CliClient, setUpClient } from './client-setup.js';
import type { CommonConfig } from './common-args.js';
import type { CliIO } from './io.js';
import { stdinProblem } from './read-stdin.js';
import type { RunRecorder } from './run-recorder.js';

/** A command's input, and the regions it names (`location.regionName`). */
export interface ReadInput<T> {
  readonly inputs: T;
  readonly inputRegions: readonly string[];
}

/**
 * The start of a command, in both modes: reads its input, then sets up the client for the regions
 * that input names, within what is left of `--timeout` (`deadline`, on `clock`). Resolves with both,
 * or with the exit code of what stopped it (unreadable stdin, no region or credentials), which the
 * run's summary is told.
 */
export async function startCommand<T>(
  config: CommonConfig,
  io: CliIO,
  { clock, deadline, recorder }: { readonly clock: Clock; readonly deadline: number; readonly recorder: RunRecorder | undefined },
  read: () => Promise<ReadInput<T>>,
): Promise<{ readonly inputs: T; readonly client: CliClient } | number> {
  let input: ReadInput<T>;
  try {
    input = await read();
  } catch (error) {
    const code = stdinProblem(error, io);
    if (code === undefined) throw error;
    recorder?.problem(error);
    return code;
  }
  const client = await setUpClient(config, io, {
    inputRegions: input.inputRegions,
    budgetMs: deadline - clock.now(),
    onProblem: (message) => recorder?.problem(new Error(message)),
  });
  return typeof client === 'number' ? client : { inputs: input.inputs, client };
}
