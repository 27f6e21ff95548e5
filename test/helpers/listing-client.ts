import { GetOperationsCommand, type Operation } from '@aws-sdk/client-lightsail';
import type { SendOptions } from '../../src/types.js';

/** An operation of the stub account: created and finished at times of the test's clock (ms). */
export interface AccountOperation {
  readonly id: string;
  readonly createdAt: number;
  readonly finishAt: number;
  /** Until then `GetOperation` says not found and `GetOperations` leaves it out. @default 0 */
  readonly hiddenUntil?: number;
}

export interface ListingCall {
  readonly action: 'GetOperation' | 'GetOperations';
  readonly operationId?: string;
  readonly pageToken?: string;
  readonly at: number;
  readonly signal: AbortSignal | undefined;
}

/** Replaces the answer to one `GetOperations` call: an error to throw, or a body to return. */
export type ListingOverride = (call: ListingCall, index: number) => Error | object | 'hang' | undefined;

const notFound = (id: string) =>
  Object.assign(new Error(`The operation ${id} does not exist.`), { name: 'NotFoundException', $metadata: { httpStatusCode: 400 } });

/**
 * A client for an account of operations that answers `GetOperation` and `GetOperations` (newest
 * first by `createdAt`, `pageSize` a page, the token an offset) from each operation's finish
 * time on the given clock. Records every call.
 */
export function listingClient(operations: readonly AccountOperation[], now: () => number, pageSize = 200, override?: ListingOverride) {
  const calls: ListingCall[] = [];
  const byId = new Map(operations.map((o) => [o.id, o]));
  const newestFirst = [...operations].sort((a, b) => b.createdAt - a.createdAt);
  const view = (o: AccountOperation): Operation => {
    const done = now() >= o.finishAt;
    return {
      id: o.id,
      status: done ? 'Succeeded' : 'Started',
      isTerminal: done,
      createdAt: new Date(o.createdAt),
      operationType: 'CreateInstance',
      resourceName: o.id,
    };
  };
  let lists = 0;
  return {
    calls,
    async send(command: { input: object }, options?: SendOptions): Promise<never> {
      const signal = options?.abortSignal;
      if (command instanceof GetOperationsCommand) {
        const pageToken = (command.input as { pageToken?: string }).pageToken;
        const call: ListingCall = { action: 'GetOperations', at: now(), signal, ...(pageToken === undefined ? {} : { pageToken }) };
        calls.push(call);
        const replaced = override?.(call, lists++);
        if (replaced === 'hang') return new Promise<never>((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason)));
        if (replaced instanceof Error) throw replaced;
        if (replaced !== undefined) return replaced as never;
        const visible = newestFirst.filter((o) => now() >= (o.hiddenUntil ?? 0));
        const start = pageToken === undefined ? 0 : Number(pageToken);
        const page = visible.slice(start, start + pageSize);
        const more = start + pageSize < visible.length;
        return { operations: page.map(view), ...(more ? { nextPageToken: String(start + pageSize) } : {}), $metadata: {} } as never;
      }
      const id = (command.input as { operationId?: string }).operationId ?? '';
      calls.push({ action: 'GetOperation', operationId: id, at: now(), signal });
      const found = byId.get(id);
      if (found === undefined || now() < (found.hiddenUntil ?? 0)) throw notFound(id);
      return { operation: view(found), $metadata: {} } as never;
    },
  };
}

/** `count` operations created at `createdAt`, named `prefix-0`…, finishing at `finishAt(i)`. */
export function accountOperations(count: number, finishAt: (i: number) => number, prefix = 'op', createdAt = 0): AccountOperation[] {
  return Array.from({ length: count }, (_, i) => ({ id: `${prefix}-${i}`, createdAt, finishAt: finishAt(i) }));
}
