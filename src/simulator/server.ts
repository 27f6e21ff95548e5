/**
 * The request pipeline: routing, CORS, faults, the rate limit, dispatch to an action, the
 * error wire format and the request log. It never throws: anything unexpected is answered
 * `ServiceException` (500).
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { ACTIONS, type ActionInput } from './actions/index.js';
import { SimulatorApiError } from './api-error.js';
import { corsHeaders, preflightHeaders } from './cors.js';
import { type FaultKind, type FaultQueue, faultError } from './faults.js';
import { parseInput, readBody, send, sendError } from './http-io.js';
import { TARGET_PREFIX } from './protocol.js';
import type { SlidingWindowLimiter } from './rate-limit.js';
import { describeInput, type RequestLogEntry } from './request-log.js';
import type { SimulatorState } from './state.js';

/** What the pipeline works with. Internal. */
export interface PipelineDeps {
  readonly state: SimulatorState;
  readonly faults: FaultQueue;
  readonly limiter: SlidingWindowLimiter | undefined;
  readonly log: (entry: RequestLogEntry) => void;
  /** Waits real ms for a `delay` fault; resolves `false` if the simulator closed meanwhile. */
  readonly wait: (ms: number) => Promise<boolean>;
}

function targetAction(req: IncomingMessage): string {
  const target = req.headers['x-amz-target'];
  return typeof target === 'string' && target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : '';
}

function unknownOperation(message: string, status = 400): SimulatorApiError {
  return new SimulatorApiError('UnknownOperationException', message, status);
}

/** Checks method and path; `POST /` (with or without a query) is the only route. */
function checkRoute(req: IncomingMessage): void {
  if (req.method !== 'POST') {
    throw new SimulatorApiError('MethodNotAllowedException', `The simulator only answers POST /, got ${req.method ?? '?'}.`, 405);
  }
  const path = (req.url ?? '/').split('?')[0];
  if (path !== '/') throw unknownOperation(`The simulator only answers POST /, got POST ${path}.`, 404);
}

/** Builds the `request` listener of the HTTP server. */
export function createRequestListener(deps: PipelineDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const { state } = deps;
  const { now, cors } = state.config;

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const time = now();
    const headers: OutgoingHttpHeaders = { 'x-amzn-requestid': randomUUID(), ...corsHeaders(cors) };
    if (req.method === 'OPTIONS' && cors !== undefined) {
      send(res, 204, { ...headers, ...preflightHeaders(req) });
      return;
    }
    const action = targetAction(req);
    let input: ActionInput | undefined;
    let fault: FaultKind | undefined;
    const finish = (status: number, error?: string): void => {
      deps.log(
        Object.freeze({
          time,
          action,
          ...describeInput(input),
          status,
          ...(error === undefined ? {} : { error }),
          ...(fault === undefined ? {} : { fault }),
        }),
      );
    };
    try {
      checkRoute(req);
      const body = await readBody(req);
      let parseError: unknown;
      try {
        input = parseInput(body);
      } catch (error) {
        parseError = error;
      }
      const injected = deps.faults.take(action);
      fault = injected?.kind;
      if (injected?.kind === 'reset') {
        req.socket.destroy();
        finish(0, 'reset');
        return;
      }
      if (injected?.kind === 'delay' && !(await deps.wait(injected.delayMs ?? 0))) {
        finish(0);
        return;
      }
      if (injected !== undefined && injected.kind !== 'delay') throw faultError(injected.kind);
      const at = now();
      if (deps.limiter !== undefined && !deps.limiter.tryAcquire(at)) {
        throw new SimulatorApiError('ThrottlingException', 'Rate exceeded');
      }
      if (action === '') throw unknownOperation(`Missing or unrecognised x-amz-target header; expected ${TARGET_PREFIX}<Action>.`);
      const handler = ACTIONS.get(action);
      if (handler === undefined) throw unknownOperation(`The simulator does not implement action ${action}.`);
      if (input === undefined) throw parseError;
      const result = handler({ state, now: at }, input);
      send(res, 200, headers, JSON.stringify(result));
      finish(200);
    } catch (thrown) {
      const error =
        thrown instanceof SimulatorApiError
          ? thrown
          : new SimulatorApiError('ServiceException', `The simulator failed: ${thrown instanceof Error ? thrown.message : String(thrown)}`);
      sendError(res, error, error.httpStatus === 405 ? { ...headers, allow: cors === undefined ? 'POST' : 'POST, OPTIONS' } : headers);
      finish(error.httpStatus, error.type);
    }
  }

  return (req, res) => {
    res.on('error', () => {});
    serve(req, res).catch(() => {
      // Unreachable by design (serve catches everything); keep the server alive regardless.
      if (!res.headersSent && !res.destroyed) res.destroy();
    });
  };
}
