/**
 * Newest-first pages over a list of operations kept in ascending creation order. A page token
 * names the last operation returned, so operations created between two pages never shift the
 * next page (no duplicates, no gaps among older operations).
 */
import { invalidInput } from './api-error.js';
import type { OperationRecord } from './lifecycle.js';

/** One page of operations and the token for the next one, if any. */
export interface Page {
  readonly items: readonly OperationRecord[];
  readonly nextPageToken: string | undefined;
}

function encodeToken(op: OperationRecord): string {
  return Buffer.from(`${op.createdAt}:${op.seq}`, 'utf8').toString('base64url');
}

function decodeToken(token: string): { createdAt: number; seq: number } {
  const match = /^(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?):(\d+)$/i.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (match === null) throw invalidInput(`The pageToken ${JSON.stringify(token)} is not valid.`);
  return { createdAt: Number(match[1]), seq: Number(match[2]) };
}

/** Whether `op` sorts before the key in ascending (createdAt, seq) order. */
function isBefore(op: OperationRecord, createdAt: number, seq: number): boolean {
  return op.createdAt < createdAt || (op.createdAt === createdAt && op.seq < seq);
}

/** Index of the first element of the ascending list that is not before the key. */
function lowerBound(list: readonly OperationRecord[], createdAt: number, seq: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (isBefore(list[mid] as OperationRecord, createdAt, seq)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Inserts `op` into the ascending list; new operations normally land at the end in O(1). */
export function insertSorted(list: OperationRecord[], op: OperationRecord): void {
  const last = list[list.length - 1];
  if (last === undefined || !isBefore(op, last.createdAt, last.seq)) {
    list.push(op);
    return;
  }
  list.splice(lowerBound(list, op.createdAt, op.seq), 0, op);
}

/** The page after `pageToken` (or the first page), newest first. */
export function pageNewestFirst(list: readonly OperationRecord[], pageToken: string | undefined, size: number): Page {
  let end = list.length;
  if (pageToken !== undefined && pageToken !== '') {
    const { createdAt, seq } = decodeToken(pageToken);
    end = lowerBound(list, createdAt, seq);
  }
  const start = Math.max(0, end - size);
  const items = list.slice(start, end).reverse();
  const last = items[items.length - 1];
  return { items, nextPageToken: start > 0 && last !== undefined ? encodeToken(last) : undefined };
}
