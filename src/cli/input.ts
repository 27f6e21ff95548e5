import type { Operation, OperationInput } from '../index.js';
import { parseJsonValues } from './json-values.js';
import { LIMITS } from './limits.js';
import { isOperationId, notAnId } from './operation-id.js';
import { checkOperationMembers } from './operation-members.js';
import { isUsageError, shorten, UsageError } from './usage-error.js';

const TIMESTAMP_FIELDS = ['createdAt', 'statusChangedAt'] as const;
// Epoch numbers above this are taken as milliseconds: as seconds they would be past the year 5000.
const EPOCH_MS_THRESHOLD = 1e11;

/**
 * Reads the operations in standard input's text: any Lightsail response JSON
 * (`{"operations": [...]}`, `{"operation": {...}}`), an array of operations or ids, several such
 * documents one after the other, or operation ids separated by whitespace. Timestamps given as ISO
 * strings or epoch seconds become `Date`s, as the SDK would return them. Throws {@link UsageError}
 * naming the problem when the text holds no operation, more than {@link LIMITS}`.waits` of them,
 * JSON nested deeper than {@link LIMITS}`.jsonDepth`, an operation member of the wrong type, a
 * JSON `null`, `true` or `false` where an id is expected, or cannot be read.
 */
export function parseInput(text: string): OperationInput[] {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') throw new UsageError('stdin is empty: expected Lightsail JSON or operation ids');
  if (!/^[[{"]/.test(trimmed)) {
    const tokens = trimmed.split(/\s+/);
    if (tokens.length > LIMITS.waits) throw tooMany(`${tokens.length} operation ids`);
    return tokens.map(checkToken);
  }
  let values: unknown[];
  try {
    values = parseJsonValues(trimmed);
  } catch (error) {
    if (isUsageError(error)) throw error;
    throw new UsageError(`stdin is not valid JSON: ${oneLine((error as Error).message)}`);
  }
  const found = collect(values);
  if (found.length === 0) throw new UsageError('stdin JSON contains no operation');
  return found;
}

/** The usage error for more operations than one command waits on. */
export function tooMany(what: string): UsageError {
  return new UsageError(`stdin holds ${what}; one command waits on at most ${LIMITS.waits} (split the input)`);
}

/**
 * Walks the parsed documents in order, with a stack of its own rather than recursion (the depth is
 * checked before parsing, but a walk must not be the thing that limits it).
 */
function collect(values: readonly unknown[]): OperationInput[] {
  const out: OperationInput[] = [];
  const stack: Array<{ value: unknown; path: string; topLevel: boolean }> = values
    .map((value) => ({ value, path: '', topLevel: true }))
    .reverse();
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { value, path, topLevel } = next;
    if (out.length > LIMITS.waits) throw tooMany(`more than ${LIMITS.waits} operations`);
    if (typeof value === 'string') {
      out.push(checkId(value, `stdin JSON ${path || 'value'}`));
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: `${path}[${i}]`, topLevel: false });
    } else if (typeof value === 'object' && value !== null) {
      const record = value as Record<string, unknown>;
      if ('id' in record) out.push(toOperation(record, path || 'operation'));
      else if (Array.isArray(record.operations)) stack.push({ value: record.operations, path: join(path, 'operations'), topLevel: false });
      else if (typeof record.operation === 'object' && record.operation !== null) {
        out.push(toOperation(record.operation as Record<string, unknown>, join(path, 'operation')));
      } else {
        throw new UsageError(
          topLevel
            ? 'stdin JSON has no `operations` or `operation` (expected the output of a Lightsail command)'
            : `stdin JSON ${path} is not an operation (no \`id\`)`,
        );
      }
    } else {
      throw new UsageError(`stdin JSON ${path || 'value'} is not an operation: ${shorten(JSON.stringify(value) ?? String(value))}`);
    }
  }
  if (out.length > LIMITS.waits) throw tooMany(`more than ${LIMITS.waits} operations`);
  return out;
}

function toOperation(record: Record<string, unknown>, path: string): Operation {
  const id = record.id;
  if (typeof id !== 'string' || !isOperationId(id)) {
    throw new UsageError(`stdin JSON ${path}.id is not an operation id: ${shorten(JSON.stringify(id) ?? 'undefined')}`);
  }
  checkOperationMembers(record, path);
  const operation: Record<string, unknown> = { ...record };
  for (const field of TIMESTAMP_FIELDS) {
    const raw = record[field];
    if (raw !== undefined && raw !== null) operation[field] = toDate(raw, `${path}.${field}`);
  }
  return operation as Operation;
}

/** Epoch seconds (the AWS CLI's numbers), epoch milliseconds, or an ISO 8601 string, to a `Date`. */
export function toDate(raw: unknown, name: string): Date {
  let ms = Number.NaN;
  if (typeof raw === 'number' || (typeof raw === 'string' && /^\d+(?:\.\d+)?$/.test(raw))) {
    const n = Number(raw);
    ms = n > EPOCH_MS_THRESHOLD ? n : n * 1_000;
  } else if (typeof raw === 'string') {
    ms = Date.parse(raw);
  }
  if (!Number.isFinite(ms)) throw new UsageError(`stdin JSON ${name} is not a timestamp: ${shorten(JSON.stringify(raw) ?? String(raw))}`);
  return new Date(ms);
}

/** An id from stdin's text that is not JSON. */
function checkToken(token: string): string {
  const why = notAnId(token);
  if (why !== undefined) throw new UsageError(`stdin has '${token}', which is not an operation id: ${why}`);
  return checkId(token, 'stdin');
}

function checkId(token: string, where: string): string {
  if (!isOperationId(token)) throw new UsageError(`${where} has '${shorten(token)}', which is not an operation id`);
  return token;
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}
