import { describe, expect, it } from 'vitest';
import { parseInput, toDate } from '../../src/cli/input.js';
import { UsageError } from '../../src/cli/usage-error.js';
import { op, scriptedClient } from '../helpers/stub-client.js';
import { runCli } from './helpers.js';

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

describe('lightsail-wait with operations on stdin', () => {
  const operations = (fields: Record<string, unknown>) => JSON.stringify({ operations: [{ ...done, id: 'op-1', ...fields }] });
  const operation = (fields: Record<string, unknown>) => JSON.stringify({ operation: { ...done, id: 'op-1', ...fields } });

  it.each([
    ['a numeric status', operations({ status: 123 }), 'stdin JSON operations[0].status is not a string: 123'],
    ['a null status', operations({ status: null }), 'stdin JSON operations[0].status is not a string: null'],
    ['an object for status', operations({ status: { a: 1 } }), 'stdin JSON operations[0].status is not a string: {"a":1}'],
    [
      'an object for errorCode',
      operation({ status: 'Failed', errorCode: { x: 1 }, errorDetails: 'x' }),
      'stdin JSON operation.errorCode is not a string: {"x":1}',
    ],
    [
      'a numeric errorDetails',
      operation({ status: 'Failed', errorCode: 'E', errorDetails: 7 }),
      'stdin JSON operation.errorDetails is not a string: 7',
    ],
    ['a numeric resourceName', operations({ resourceName: 5 }), 'stdin JSON operations[0].resourceName is not a string: 5'],
    ['an array for operationType', operations({ operationType: [1] }), 'stdin JSON operations[0].operationType is not a string: [1]'],
    ['a string for isTerminal', operations({ isTerminal: 'true' }), 'stdin JSON operations[0].isTerminal is not true or false: "true"'],
    ['a string for location', operations({ location: 'us-east-1' }), 'stdin JSON operations[0].location is not an object: "us-east-1"'],
    [
      'a numeric location.regionName',
      operations({ location: { regionName: 5 } }),
      'stdin JSON operations[0].location.regionName is not a string: 5',
    ],
    [
      'a bad member in a later operation',
      JSON.stringify({ operations: [done, { ...started, id: 'op-3', resourceType: false }] }),
      'stdin JSON operations[1].resourceType is not a string: false',
    ],
    [
      'a JSON null for an id',
      'null\n',
      "stdin has 'null', which is not an operation id: JSON null, what an AWS CLI `--query` that matched nothing prints",
    ],
    [
      'a JSON null among ids',
      'op-1\nnull\n',
      "stdin has 'null', which is not an operation id: JSON null, what an AWS CLI `--query` that matched nothing prints",
    ],
    ['a JSON true for an id', 'true', "stdin has 'true', which is not an operation id: JSON true"],
    [
      'None (an AWS CLI text query that matched nothing)',
      'None\n',
      "stdin has 'None', which is not an operation id: what an AWS CLI `--query` that matched nothing prints with `--output text`",
    ],
    ['a JSON null in an array', '[null]', 'stdin JSON [0] is not an operation: null'],
    ['a JSON null for an operation id', '{"operations": [{"id": null}]}', 'stdin JSON operations[0].id is not an operation id: null'],
  ])('exits 2 before any request on %s, with one line naming it and the value', async (_name, stdin, message) => {
    const client = scriptedClient({ 'op-1': [op('Succeeded')], 'op-2': [op('Succeeded')], null: [op('Succeeded')] });
    const { code, stderr, stdout, clientConfigs } = await runCli([], { client, stdin });
    expect(code).toBe(2);
    expect(stderr.lines).toEqual([`lightsail-wait: ${message}`]);
    expect(stdout.text).toBe('');
    expect(clientConfigs).toEqual([]);
    expect(client.calls).toEqual([]);
  });

  it('takes every member the model allows, in its type, and finishes without a request', async () => {
    const client = scriptedClient({});
    const full = {
      ...done,
      id: 'op-1',
      resourceType: 'StaticIp',
      location: { availabilityZone: 'all', regionName: 'us-east-1' },
      operationDetails: '',
      createdAt: 1571679872.404,
      statusChangedAt: null,
      errorCode: '',
      errorDetails: '',
      somethingNew: { kept: true },
    };
    const { code, stderr } = await runCli([], { client, stdin: JSON.stringify({ operations: [full] }), env: { AWS_REGION: 'us-east-1' } });
    expect(stderr.text).not.toMatch(/internal error|not a string|not an object|not true or false/);
    expect(code).toBe(0);
    expect(client.calls).toEqual([]);
  });
});
