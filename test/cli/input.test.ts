import { describe, expect, it } from 'vitest';
import { parseInput, toDate } from '../../src/cli/input.js';
import { UsageError } from '../../src/cli/usage-error.js';

const started = { id: 'op-1', resourceName: 'web-1', operationType: 'CreateInstance', status: 'Started', isTerminal: false };
const done = { id: 'op-2', resourceName: 'ip-1', operationType: 'AllocateStaticIp', status: 'Succeeded', isTerminal: true };

const ids = (text: string) => parseInput(text).map((item) => (typeof item === 'string' ? item : item.id));

describe('parseInput', () => {
  it.each([
    ['ids on one line', 'op-1 op-2', ['op-1', 'op-2']],
    ['ids on lines, with blank lines and tabs', '\n op-1\n\n\top-2\r\n', ['op-1', 'op-2']],
    ['a response with `operations`', JSON.stringify({ operations: [started, done] }), ['op-1', 'op-2']],
    ['a response with `operation`', JSON.stringify({ operation: started }), ['op-1']],
    ['a response with other members too', JSON.stringify({ bucket: { name: 'b' }, operations: [done] }), ['op-2']],
    ['a bare array of operations', JSON.stringify([started, done]), ['op-1', 'op-2']],
    ['an array of ids', JSON.stringify(['op-1', 'op-2']), ['op-1', 'op-2']],
    ['an array of responses (jq -s)', JSON.stringify([{ operations: [started] }, { operation: done }]), ['op-1', 'op-2']],
    ['a single operation object', JSON.stringify(started), ['op-1']],
    [
      'two responses one after the other',
      `${JSON.stringify({ operations: [started] }, null, 2)}\n${JSON.stringify({ operation: done })}`,
      ['op-1', 'op-2'],
    ],
    ['JSON with a byte order mark', `\uFEFF${JSON.stringify({ operations: [started] })}`, ['op-1']],
    ['pretty-printed AWS CLI output', JSON.stringify({ operations: [started, done] }, null, 4), ['op-1', 'op-2']],
  ])('reads %s', (_name, text, expected) => {
    expect(ids(text)).toEqual(expected);
  });

  it('keeps operation objects whole, so finished ones need no request', () => {
    const [first] = parseInput(JSON.stringify({ operations: [done] }));
    expect(first).toMatchObject({ id: 'op-2', status: 'Succeeded', isTerminal: true, operationType: 'AllocateStaticIp' });
  });

  it('turns epoch-second timestamps, as the AWS CLI prints them, into Dates', () => {
    const [op] = parseInput(JSON.stringify({ operation: { ...started, createdAt: 1571679872.404, statusChangedAt: 1571679873 } }));
    expect(op).toMatchObject({ createdAt: new Date('2019-10-21T17:44:32.404Z'), statusChangedAt: new Date('2019-10-21T17:44:33.000Z') });
  });

  it('turns ISO timestamps into Dates', () => {
    const [op] = parseInput(
      JSON.stringify({
        operation: { ...started, createdAt: '2019-10-21T17:44:32.404000+00:00', statusChangedAt: '2019-10-21T19:44:33+02:00' },
      }),
    );
    expect(op).toMatchObject({ createdAt: new Date('2019-10-21T17:44:32.404Z'), statusChangedAt: new Date('2019-10-21T17:44:33.000Z') });
  });

  it('leaves out timestamps that are absent or null', () => {
    const [op] = parseInput(JSON.stringify({ operation: { ...started, createdAt: null } }));
    expect(op).toEqual({ ...started, createdAt: null });
  });

  it.each([
    ['empty input', '', 'stdin is empty: expected Lightsail JSON or operation ids'],
    ['whitespace only', ' \n\t ', 'stdin is empty: expected Lightsail JSON or operation ids'],
    ['malformed JSON', '{"operations": [', /^stdin is not valid JSON: /],
    [
      'JSON with no operation',
      '{"instances": []}',
      'stdin JSON has no `operations` or `operation` (expected the output of a Lightsail command)',
    ],
    ['an empty `operations`', '{"operations": []}', 'stdin JSON contains no operation'],
    ['an operation with no id', '{"operations": [{"status": "Started"}]}', 'stdin JSON operations[0] is not an operation (no `id`)'],
    ['an operation with a bad id', '{"operation": {"id": 42}}', 'stdin JSON operation.id is not an operation id: 42'],
    ['a number in an array', '[1]', 'stdin JSON [0] is not an operation: 1'],
    [
      'a bad timestamp',
      '{"operation": {"id": "op-1", "createdAt": "yesterday"}}',
      'stdin JSON operation.createdAt is not a timestamp: "yesterday"',
    ],
    [
      'text that is not ids',
      'OPERATIONS\t2019-10-21T17:44:32+00:00\tFalse',
      "stdin has '2019-10-21T17:44:32+00:00', which is not an operation id",
    ],
    ['JSON followed by junk', '{"operation": {"id": "op-1"}} trailing', /^stdin is not valid JSON: /],
  ])('rejects %s', (_name, text, message) => {
    expect(() => parseInput(text)).toThrow(UsageError);
    expect(() => parseInput(text)).toThrow(message);
  });

  it('gives one-line messages', () => {
    for (const text of ['{"operations": [', '{\n"a":\n}', '[{"id": "x"},\n{']) {
      expect(() => parseInput(text)).toThrow(/^[^\n]+$/);
    }
  });
});

describe('toDate', () => {
  it.each([
    [1571679872.404, '2019-10-21T17:44:32.404Z'],
    [1571679872404, '2019-10-21T17:44:32.404Z'],
    ['1571679872.404', '2019-10-21T17:44:32.404Z'],
    ['2019-10-21T17:44:32.404Z', '2019-10-21T17:44:32.404Z'],
  ])('reads %j', (raw, iso) => {
    expect(toDate(raw, 'x').toISOString()).toBe(iso);
  });

  it.each([['soon'], [true], [{}], [Number.NaN]])('rejects %j', (raw) => {
    expect(() => toDate(raw, 'operation.createdAt')).toThrow(UsageError);
  });
});
