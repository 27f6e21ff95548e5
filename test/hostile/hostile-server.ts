// A deliberately misbehaving Lightsail endpoint on loopback: each request is answered by the
// test's handler, which can stall, lie, or send garbage. Closed (with every socket) after the test.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LightsailClient } from '@aws-sdk/client-lightsail';
import { afterEach } from 'vitest';

export type Handler = (request: { n: number; action: string; body: Record<string, unknown> }, res: ServerResponse) => void;

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** Starts the endpoint; `requests` counts what reached it. */
export async function hostileServer(handler: Handler): Promise<{ endpoint: string; requests: () => number; client: LightsailClient }> {
  let n = 0;
  const server = createServer((req: IncomingMessage, res) => {
    let text = '';
    req.on('data', (chunk) => {
      text += chunk;
    });
    req.on('end', () => {
      n += 1;
      const action = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
      handler({ n, action, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} }, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = new LightsailClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 't', secretAccessKey: 't' },
    maxAttempts: 1,
  });
  cleanups.push(async () => {
    client.destroy();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return { endpoint, requests: () => n, client };
}

/** Answers with a JSON body, as Lightsail does. */
export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'req-hostile', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

/** A `GetOperation` answer: the operation with that id and status, timestamps in epoch seconds. */
export function operation(id: string, status: string, extra: Record<string, unknown> = {}) {
  const now = Date.now() / 1000;
  return {
    operation: {
      id,
      status,
      isTerminal: status !== 'Started',
      createdAt: now - 5,
      statusChangedAt: now,
      operationType: 'CreateInstance',
      resourceName: 'web-1',
      ...extra,
    },
  };
}
