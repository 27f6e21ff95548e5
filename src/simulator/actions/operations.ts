/**
 * `GetOperation`, `GetOperations` and `GetOperationsForResource`.
 */
import { notFound } from '../api-error.js';
import { pageNewestFirst } from '../paging.js';
import { toOperationJson } from '../protocol.js';
import { type ActionContext, type ActionHandler, type ActionInput, operationsJson } from './context.js';
import { optionalString, requireName, requireString } from './input.js';

/** `GetOperation {operationId}` → `{operation}`; hidden (not yet visible) operations are not found. */
export const getOperation: ActionHandler = (ctx, input) => {
  const id = requireString(input, 'operationId');
  const op = ctx.state.book.get(id);
  if (op === undefined || ctx.now < op.hiddenUntil) throw notFound(`The operation ${id} does not exist.`);
  return { operation: toOperationJson(op, ctx.now, ctx.state.config.region) };
};

type OperationList = Parameters<typeof pageNewestFirst>[0];

/** The operations `GetOperation` would find now: one still hidden (not yet visible) is not listed either. */
const visible = (ctx: ActionContext, list: OperationList): OperationList => list.filter((op) => ctx.now >= op.hiddenUntil);

/**
 * A page of the visible operations given, newest first. The API reference says "oldest to newest", but the real
 * responses the AWS CLI's `get-operations` and `get-operations-for-resource` examples print run
 * newest first by `createdAt` (1571679872.404, then 1571678786.072, then 1571678786.071).
 */
function page(ctx: ActionContext, input: ActionInput, list: OperationList): object {
  const { items, nextPageToken } = pageNewestFirst(list, optionalString(input, 'pageToken'), ctx.state.config.pageSize);
  return { operations: operationsJson(ctx, items), ...(nextPageToken === undefined ? {} : { nextPageToken }) };
}

/** `GetOperations {pageToken?}` → `{operations, nextPageToken?}`, newest first. */
export const getOperations: ActionHandler = (ctx, input) => page(ctx, input, visible(ctx, ctx.state.book.all()));

/** `GetOperationsForResource {resourceName, pageToken?}` → `{operations, nextPageToken?}`, newest first. */
export const getOperationsForResource: ActionHandler = (ctx, input) => {
  const name = requireName(input, 'resourceName');
  const list = ctx.state.book.forResource(name);
  const shown = list === undefined ? [] : visible(ctx, list);
  if (shown.length === 0) throw notFound(`The resource ${name} does not exist.`);
  return page(ctx, input, shown);
};
