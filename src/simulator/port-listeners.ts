/**
 * Real TCP listeners on instances' loopback public addresses, so that a port waiter can be tested
 * against real sockets: `Simulator.openPort` opens one, `PortListener.close` (or the simulator's
 * `close`) closes it, and opening it again makes the port flap.
 */
import { createServer, type Server, type Socket } from 'node:net';

/** What a listener does with each connection it accepts. */
export type ConnectionMode = 'close' | 'hold';

/** Options of `Simulator.openPort`. */
export interface OpenPortOptions {
  /**
   * `'close'` ends each accepted connection at once (enough for a TCP connect check); `'hold'` keeps
   * it open until the listener closes. @default 'close'
   */
  readonly connections?: ConnectionMode;
}

/** A TCP port open on an instance's public address. */
export interface PortListener {
  /** The port listened on; the one the system picked when `0` was asked for. */
  readonly port: number;
  /** The address listened on: the instance's public (loopback) address when it was opened. */
  readonly address: string;
  /** Stops listening and destroys the connections it holds; idempotent. Connecting then fails with ECONNREFUSED. */
  close(): Promise<void>;
}

/** Every listener a simulator opened. Internal. */
export class PortListeners {
  readonly #closers = new Set<() => Promise<void>>();
  #closed = false;

  /** Listens on `address:port`; rejects with the listen error (e.g. EADDRINUSE), or once `closeAll` was called. */
  async open(address: string, port: number, mode: ConnectionMode): Promise<PortListener> {
    if (this.#closed) throw new Error('The simulator is closed; it opens no more ports');
    const sockets = new Set<Socket>();
    const server = createServer((socket) => {
      socket.on('error', () => {});
      if (mode === 'close') {
        socket.end();
        return;
      }
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await listen(server, port, address);
    if (this.#closed) {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      throw new Error('The simulator is closed; it opens no more ports');
    }
    let closing: Promise<void> | undefined;
    const close = (): Promise<void> => {
      closing ??= new Promise<void>((resolve) => {
        this.#closers.delete(close);
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      });
      return closing;
    };
    this.#closers.add(close);
    const bound = server.address();
    const actualPort = typeof bound === 'object' && bound !== null ? bound.port : port;
    return Object.freeze({ port: actualPort, address, close });
  }

  /** Closes every listener still open. */
  async closeAll(): Promise<void> {
    this.#closed = true;
    await Promise.all([...this.#closers].map((close) => close()));
  }
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    server.once('error', onError);
    server.listen({ port, host, exclusive: true }, () => {
      server.off('error', onError);
      resolve();
    });
  });
}
