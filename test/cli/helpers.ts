import { PassThrough, Readable, Writable } from 'node:stream';
import type { ClientConfig } from '../../src/cli/client.js';
import type { CliIO } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';
import type { Clock, LightsailClientLike, ResourceClientLike } from '../../src/index.js';

/** A writable that keeps what it was given; `isTTY` and `columns` as a test wants them. */
export class MemoryStream extends Writable {
  readonly chunks: string[] = [];
  isTTY: boolean;
  columns = 100;
  rows = 24;
  /** Called with each chunk as it is written, to react to output (as a user pressing Ctrl-C would). */
  onWrite: ((text: string) => void) | undefined;

  constructor(isTTY = false) {
    super();
    this.isTTY = isTTY;
  }

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: () => void): void {
    this.chunks.push(chunk.toString());
    this.onWrite?.(chunk.toString());
    callback();
  }

  get text(): string {
    return this.chunks.join('');
  }

  /** The written lines, without the last empty one. */
  get lines(): string[] {
    return this.text.split('\n').filter((line, i, all) => line !== '' || i < all.length - 1);
  }
}

/** Standard input holding `text`, not a terminal. */
export function stdinOf(text: string): Readable & { isTTY?: boolean } {
  return Object.assign(Readable.from([Buffer.from(text)]), { isTTY: false });
}

/** Standard input that is a terminal nobody types into. */
export function ttyStdin(): Readable & { isTTY?: boolean } {
  return Object.assign(new PassThrough(), { isTTY: true });
}

export interface TestIO {
  readonly io: CliIO;
  readonly stdout: MemoryStream;
  readonly stderr: MemoryStream;
  /** Every config the CLI made a client with. */
  readonly clientConfigs: ClientConfig[];
}

export interface TestIOOptions {
  readonly client?: LightsailClientLike | ResourceClientLike;
  readonly stdin?: string | (Readable & { isTTY?: boolean });
  readonly stdoutTTY?: boolean;
  readonly stderrTTY?: boolean;
  readonly env?: Record<string, string | undefined>;
  readonly signal?: AbortSignal;
  readonly clock?: Clock;
}

/** Fake streams around `run`, with the client injected. */
export function testIO(options: TestIOOptions = {}): TestIO {
  const stdout = new MemoryStream(options.stdoutTTY ?? false);
  const stderr = new MemoryStream(options.stderrTTY ?? false);
  const clientConfigs: ClientConfig[] = [];
  const stdin = typeof options.stdin === 'string' ? stdinOf(options.stdin) : (options.stdin ?? ttyStdin());
  const io: CliIO = {
    stdin,
    stdout,
    stderr,
    env: options.env ?? {},
    version: '9.9.9-test',
    createClient: (config) => {
      clientConfigs.push(config);
      if (options.client === undefined) throw new Error('testIO: no client given');
      return options.client as ResourceClientLike;
    },
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  };
  return { io, stdout, stderr, clientConfigs };
}

/** Runs the CLI in-process. */
export async function runCli(argv: string[], options: TestIOOptions = {}): Promise<TestIO & { code: number }> {
  const t = testIO(options);
  const code = await run(argv, t.io);
  return { ...t, code };
}

/** Removes ANSI escape sequences. */
export function stripAnsi(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching terminal escape sequences is the point
  return text.replace(/\u001B\[[0-9;?]*[A-Za-z]/g, '');
}
