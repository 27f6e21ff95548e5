/**
 * The request pipeline: routing, CORS, the request's region, faults (before or after the action),
 * the rate limit, dispatch to an action, the error wire format and the request log. It never throws:
 * anything unexpected is answered `ServiceException` (500).
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { ACTIONS, type ActionInput } from './actions/index.js';
import { SimulatorApiError } from './api-error.js';
import { corsHeaders, preflightHeaders } from './cors.js';
import { type Fault, type FaultQueue, faultError } from './faults.js';
import { parseInput, readBody, send, sendError } from './http-io.js';
import { TARGET_PREFIX } from './protocol.js';
import type { RequestLimiter } from './rate-limit.js';
import { type RegionStates, requestRegion } from './regions.js';
import { describeInput, type RequestLogEntry } from './request-log.js';

/** What the pipeline works with. Internal. */
export interface PipelineDeps {
  readonly regions: RegionStates;
  readonly faults: FaultQueue;
  readonly limiter: RequestLimiter | undefined;
  readonly log: (entry: RequestLogEntry) => void;
  /** Waits real ms for a `delay` fault; resolves `false` if the simulator closed meanwhile. */
  readonly wait: (ms: number) => Promise<boolean>;
}

function targetAction(req: IncomingMessage): string {
  const target = req.headers['x-amz-target'];
  return typeof target === 'string' && target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : '';
}

function unknownOperation(message: string, httpStatus = 400): SimulatorApiError {
  return new SimulatorApiError('UnknownOperationException', message, { httpStatus });
}

/** Checks method and path; `POST /` (with or without a query) is the only route. */
function checkRoute(req: IncomingMessage): void {
  if (req.method !== 'POST') {
    throw new SimulatorApiError('MethodNotAllowedException', `The simulator only answers POST /, got ${req.method ?? '?'}.`, {
      httpStatus: 405,
    });
  }
  const path = (req.url ?? '/').split('?')[0];
  if (path !== '/') throw unknownOperation(`The simulator only answers POST /, got POST ${path}.`, 404);
}

function asApiError(thrown: unknown): SimulatorApiError {
  return thrown instanceof SimulatorApiError
    ? thrown
    : new SimulatorApiError('ServiceException', `The simulator failed: ${thrown instanceof Error ? thrown.message : String(thrown)}`);
}

/** Builds the `request` listener of the HTTP server. */
export function createRequestListener(deps: PipelineDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const { now, cors, notFoundShape } = deps.regions.config;

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const time = now();
    const headers: OutgoingHttpHeaders = { 'x-amzn-requestid': randomUUID(), ...corsHeaders(cors) };
    if (req.method === 'OPTIONS' && cors !== undefined) {
      send(res, 204, { ...headers, ...preflightHeaders(req) });
      return;
    }
    const action = targetAction(req);
    const state = deps.regions.get(requestRegion(req));
    let input: ActionInput | undefined;
    let fault: Fault | undefined;
    const finish = (status: number, error?: string): void => {
      deps.log(
        Object.freeze({
          time,
          action,
          ...describeInput(input),
          status,
          ...(error === undefined ? {} : { error }),
          ...(fault === undefined ? {} : { fault: fault.kind }),
          ...(fault?.phase === 'after' ? { faultPhase: 'after' as const } : {}),
        }),
      );
    };
    /** Answers with the fault; false if it is a delay (served normally) or the delay ended with the simulator. */
    const strike = async (): Promise<'answered' | 'serve'> => {
      if (fault === undefined) return 'serve';
      if (fault.kind === 'reset') {
        req.socket.destroy();
        finish(0, 'reset');
        return 'answered';
      }
      if (fault.kind === 'delay') {
        if (await deps.wait(fault.delayMs ?? 0)) return 'serve';
        finish(0);
        return 'answered';
      }
      throw faultError(fault);
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
      fault = deps.faults.take(action, state.config.region);
      if (fault?.phase !== 'after' && (await strike()) === 'answered') return;
      const at = now();
      if (deps.limiter !== undefined && !deps.limiter.tryAcquire(at)) {
        throw new SimulatorApiError('ThrottlingException', 'Rate exceeded');
      }
      if (action === '') throw unknownOperation(`Missing or unrecognised x-amz-target header; expected ${TARGET_PREFIX}<Action>.`);
      const handler = ACTIONS.get(action);
      if (handler === undefined) throw unknownOperation(`The simulator does not implement action ${action}.`);
      if (input === undefined) throw parseError;
      let result: object | undefined;
      let actionError: unknown;
      try {
        result = handler({ state, now: at }, input);
      } catch (error) {
        actionError = error;
      }
      // The action ran (its resources and operations exist); a fault now loses its answer.
      if (fault?.phase === 'after' && (await strike()) === 'answered') return;
      if (actionError !== undefined || result === undefined) throw actionError;
      send(res, 200, headers, JSON.stringify(result));
      finish(200);
    } catch (thrown) {
      const error = asApiError(thrown);
      const allow = error.httpStatus === 405 ? { allow: cors === undefined ? 'POST' : 'POST, OPTIONS' } : {};
      sendError(res, error, { ...headers, ...allow }, action, notFoundShape);
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
