#!/usr/bin/env node
/**
 * `lightsail-waiter-simulator`: runs the simulator until SIGINT or SIGTERM.
 * Exit status: 0 after a clean stop or `--help`, 1 when it cannot start, 2 for a bad command line.
 */
import { type CliRequest, CliUsageError, parseSimulatorArgs, USAGE } from './cli.js';
import { type Simulator, startSimulator } from './simulator.js';

async function main(argv: readonly string[]): Promise<number | undefined> {
  let request: CliRequest;
  try {
    request = parseSimulatorArgs(argv);
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    process.stderr.write(`lightsail-waiter-simulator: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (request.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  let simulator: Simulator;
  try {
    simulator = await startSimulator(request.options);
  } catch (error) {
    const bad = error instanceof TypeError || error instanceof RangeError;
    process.stderr.write(`lightsail-waiter-simulator: ${error instanceof Error ? error.message : String(error)}\n`);
    return bad ? 2 : 1;
  }
  const running = simulator;
  const stop = (): void => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    void running.close();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.stdout.write(`${running.endpoint}\n`);
  return undefined;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`lightsail-waiter-simulator: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
