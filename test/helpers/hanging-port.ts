import { type ChildProcess, spawn } from 'node:child_process';
import { connect, type Socket } from 'node:net';

/** A loopback port that takes no more connections and answers nothing: a connect to it hangs. */
export interface HangingPort {
  readonly host: string;
  readonly port: number;
  /** Kills the listener and closes the connections that fill its queue. */
  close(): void;
}

// Listens with a queue of one connection; the parent stops it before it can accept any.
const LISTENER = `
const server = require('node:net').createServer(() => {});
server.listen({ host: '127.0.0.1', port: 0, backlog: 1 }, () => process.stdout.write(server.address().port + '\\n'));
`;

/**
 * A real TCP listener on 127.0.0.1 that never answers a SYN: a child process that listens with an
 * accept queue of one and is then stopped (SIGSTOP), its queue filled by two connections of ours.
 * Linux drops the SYNs of further connects while the queue is full, so they hang, as a connect to
 * a firewalled port does (Linux only: SIGSTOP and the queue's behaviour).
 */
export async function hangingPort(): Promise<HangingPort> {
  const child: ChildProcess = spawn(process.execPath, ['-e', LISTENER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the listener exited (${code}) before it listened`)));
    child.stdout?.once('data', (data) => resolve(Number(String(data).trim())));
  });
  child.kill('SIGSTOP');
  const fillers: Socket[] = [];
  const close = (): void => {
    for (const socket of fillers) socket.destroy();
    child.kill('SIGKILL');
  };
  try {
    for (let i = 0; i < 2; i++) {
      const socket = connect({ host: '127.0.0.1', port });
      socket.on('error', () => {});
      fillers.push(socket);
      await new Promise<void>((resolve, reject) => socket.once('connect', () => resolve()).once('error', reject));
    }
  } catch (error) {
    // Leave no stopped process behind.
    close();
    throw error;
  }
  return { host: '127.0.0.1', port, close };
}
