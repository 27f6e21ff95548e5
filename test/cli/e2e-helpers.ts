/**
 * What the end-to-end tests share: spawning the built `dist/cli.js` (built by `npm test` before the
 * tests run) with a clean AWS environment, and simulators on a hand-moved clock.
 */
import { type ChildProcessByStdio, type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { type Simulator, startSimulator } from '../../src/simulator/index.js';

export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

export const ENV = {
  PATH: process.env.PATH ?? '',
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
  AWS_REGION: 'us-east-1',
  // Keep the user's AWS files and the instance metadata service out of the tests.
  AWS_CONFIG_FILE: '/nonexistent/aws-config',
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

export interface Exit {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Collects a child's stdout and stderr, and resolves with them and its exit code once it closes. */
export function exitOf(child: ChildProcessByStdio<null | Writable, Readable, Readable>): Promise<Exit> {
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise<Exit>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export interface Spawned {
  readonly child: ChildProcessWithoutNullStreams;
  /** Resolves once stdout has at least `count` complete lines. */
  lines(count: number): Promise<void>;
  readonly exit: Promise<Exit>;
}

/** Spawns the CLI; polls 1 s apart (`--max-delay 1s`), so that a test's second poll comes at a known time. */
export function spawnCli(args: string[], stdin?: string): Spawned {
  const child = spawn(process.execPath, [CLI, '--max-delay', '1s', ...args], { env: ENV, stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  const waiting: Array<{ count: number; resolve: () => void }> = [];
  const check = (): void => {
    const complete = stdout.split('\n').length - 1;
    for (const w of waiting.filter((w) => complete >= w.count)) {
      waiting.splice(waiting.indexOf(w), 1);
      w.resolve();
    }
  };
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    check();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  // A test that does not pipe anything leaves stdin open, as an idle pipe would be.
  if (stdin !== undefined) child.stdin.end(stdin);
  const exit = new Promise<Exit>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
  return {
    child,
    exit,
    lines: (count) =>
      new Promise<void>((resolve) => {
        waiting.push({ count, resolve });
        check();
      }),
  };
}

/** Every simulator started, for `closeSimulators`. */
const simulators: Simulator[] = [];

/**
 * A simulator on a hand-moved clock: operations change status only when `advance` moves it, so a
 * test decides what the CLI's next poll sees instead of racing it.
 */
export async function simulator(): Promise<{ sim: Simulator; advance: (ms: number) => void }> {
  let now = Date.now();
  const sim = await startSimulator({ now: () => now });
  simulators.push(sim);
  return {
    sim,
    advance: (ms) => {
      now += ms;
    },
  };
}

/** Closes every simulator `simulator()` started. */
export async function closeSimulators(): Promise<void> {
  await Promise.all(simulators.splice(0).map((sim) => sim.close()));
}

/** The lines of a text, without empty ones. */
export const lines = (text: string) => text.split('\n').filter((line) => line !== '');

/** Fails early, with the fix, when the CLI has not been built. */
export function assertBuilt(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npx tsup\` (npm test builds it first)`);
}
