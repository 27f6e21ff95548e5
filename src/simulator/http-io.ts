/**
 * Reading request bodies and writing AWS JSON 1.1 answers.
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { ActionInput } from './actions/index.js';
import { type NotFoundShape, SimulatorApiError } from './api-error.js';
import { CONTENT_TYPE, errorBody } from './protocol.js';

/** The largest request body accepted, in bytes. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Reads the whole body as UTF-8; rejects with a 413 error past `MAX_BODY_BYTES`. */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data');
        req.resume();
        reject(
          new SimulatorApiError('RequestEntityTooLargeException', `The request body is larger than ${MAX_BODY_BYTES} bytes.`, {
            httpStatus: 413,
          }),
        );
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Parses a request body into a JSON object; an empty body is `{}`. */
export function parseInput(body: string): ActionInput {
  if (body.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new SimulatorApiError('SerializationException', 'The request body is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new SimulatorApiError('SerializationException', 'The request body must be a JSON object.');
  }
  return parsed as ActionInput;
}

/** Writes a complete answer unless the connection is already gone. */
export function send(res: ServerResponse, status: number, headers: OutgoingHttpHeaders, body?: string): void {
  if (res.headersSent || res.destroyed) return;
  const payload = body === undefined ? undefined : Buffer.from(body, 'utf8');
  res.writeHead(status, {
    ...headers,
    ...(payload === undefined ? {} : { 'content-type': CONTENT_TYPE, 'content-length': payload.length }),
  });
  res.end(payload);
}

/**
 * Writes an error answer: the body of `errorBody` and, except for a not-found answer in the
 * `no-header` or `code-only` shape, an `x-amzn-errortype` header. Real Lightsail answers exist without
 * that header (aws/aws-sdk-go#1285 prints a 400 `InvalidInputException` answer to CreateInstances whose
 * headers are Connection, Content-Length, Content-Type, Date, Server and X-Amzn-Requestid only).
 */
export function sendError(
  res: ServerResponse,
  error: SimulatorApiError,
  headers: OutgoingHttpHeaders,
  action: string,
  notFoundShape: NotFoundShape,
): void {
  const shape = error.type === 'NotFoundException' ? (error.notFoundShape ?? notFoundShape) : 'modeled';
  const typeHeader = shape === 'modeled' ? { 'x-amzn-errortype': error.type } : {};
  send(res, error.httpStatus, { ...headers, ...typeHeader }, errorBody(error, action, shape));
}
