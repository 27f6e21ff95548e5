/**
 * What every action handler receives and returns.
 */
import type { OperationRecord } from '../lifecycle.js';
import { type OperationJson, toOperationJson } from '../protocol.js';
import type { SimulatorState } from '../state.js';

/** The request body, already parsed into a JSON object. */
export type ActionInput = Readonly<Record<string, unknown>>;

/** The state and the instant (clock ms) one request is served at. */
export interface ActionContext {
  readonly state: SimulatorState;
  readonly now: number;
}

/** Serves one action: returns the response body or throws a `SimulatorApiError`. */
export type ActionHandler = (ctx: ActionContext, input: ActionInput) => object;

/** Serializes operations as seen at the request's instant. */
export function operationsJson(ctx: ActionContext, ops: readonly OperationRecord[]): OperationJson[] {
  return ops.map((op) => toOperationJson(op, ctx.now, ctx.state.config.region));
}
