import { GetContainerLogCommand, type GetContainerLogCommandOutput } from '@aws-sdk/client-lightsail';
import type { SendClient } from '../engine/waiter-definition.js';
import type { ContainerLogTail } from '../errors/container-deployment-failed.js';

/** A client that can send `GetContainerLog`: a `LightsailClient` fits. */
export type GetContainerLogClient = SendClient<GetContainerLogCommand, GetContainerLogCommandOutput>;

/** How much of each container's log a failed deployment's error carries. */
export const LOG_TAIL = Object.freeze({
  /** The last lines kept per container. */
  lines: 50,
  /** Longer lines are cut, with `…` at the end. */
  lineChars: 1_000,
  /** At most this many `GetContainerLog` pages are read per container. */
  pages: 5,
});

function bound(line: string): string {
  return line.length > LOG_TAIL.lineChars ? `${line.slice(0, LOG_TAIL.lineChars - 1)}…` : line;
}

/** Sends one request: runs `call` with the signal to pass to `client.send`, as often as it takes. */
export type LogSend = <T>(call: (signal: AbortSignal) => Promise<T>) => Promise<T>;

/** The last lines of one container's log since `startTime`; a failure to read it is reported, never thrown. */
async function tailOf(
  client: GetContainerLogClient,
  serviceName: string,
  containerName: string,
  startTime: Date | undefined,
  send: LogSend,
): Promise<ContainerLogTail> {
  const lines: string[] = [];
  try {
    let pageToken: string | undefined;
    for (let page = 0; page < LOG_TAIL.pages; page += 1) {
      const input = { serviceName, containerName, ...(startTime ? { startTime } : {}), ...(pageToken ? { pageToken } : {}) };
      const output = await send((signal) => client.send(new GetContainerLogCommand(input), { abortSignal: signal }));
      for (const event of output.logEvents ?? []) lines.push(bound(event.message ?? ''));
      if (lines.length > LOG_TAIL.lines) lines.splice(0, lines.length - LOG_TAIL.lines);
      pageToken = output.nextPageToken || undefined;
      if (pageToken === undefined) break;
    }
    return { containerName, lines, error: undefined };
  } catch (error) {
    const e = error as { name?: unknown; message?: unknown } | null;
    const why = `${typeof e?.name === 'string' ? e.name : 'Error'}${typeof e?.message === 'string' && e.message ? `: ${e.message}` : ''}`;
    return { containerName, lines, error: bound(why) };
  }
}

/**
 * Reads the tail of each container's log (`GetContainerLog`), all containers at once, each
 * request through `send`. Never rejects: a container whose log cannot be read gets an `error`
 * instead of lines.
 */
export function fetchLogTails(
  client: GetContainerLogClient,
  serviceName: string,
  containerNames: readonly string[],
  startTime: Date | undefined,
  send: LogSend,
): Promise<ContainerLogTail[]> {
  return Promise.all(containerNames.map((name) => tailOf(client, serviceName, name, startTime, send)));
}
