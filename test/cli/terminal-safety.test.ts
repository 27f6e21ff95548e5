/**
 * Text from outside (the server, stdin, the command line) never reaches a terminal raw: control
 * characters and bidi overrides are shown escaped, long fields are cut visibly, `--json` stays
 * valid with exact values, and URL passwords are masked.
 */
import { describe, expect, it } from 'vitest';
import { painter } from '../../src/cli/color.js';
import { jsonLine } from '../../src/cli/json-line.js';
import { redactor, redactUrlCredentials } from '../../src/cli/redact.js';
import { viewFrame } from '../../src/cli/render/view-row.js';
import { run } from '../../src/cli/run.js';
import { elide, escapeControls, visible } from '../../src/cli/terminal-text.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { op, scriptedClient, sdkError } from '../helpers/stub-client.js';
import { runCli, type TestIOOptions, testIO } from './helpers.js';
import { disk, resourceClient } from './resource-stub.js';

// Everything a terminal acts on: C0 (ESC, BEL, CR, backspace), DEL, C1 (CSI U+009B, OSC U+009D), bidi overrides and isolates.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above
const INJECTED = /\u001b\]0;owned|\u009b|\u202e|\u2066/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above
const ESC = /\u001b/;
const EVIL = 'x\u001b[2J\u001b]0;owned\u0007\r\b\u009b31m\u009d2;t\u009c\u202eabc\u2066\u007f';
const EVIL_SHOWN = 'x\\x1b[2J\\x1b]0;owned\\x07\\r\\x08\\u009b31m\\u009d2;t\\u009c\\u202eabc\\u2066\\x7f';
// Short enough for a live-view row to fit the test terminal's 100 columns unwrapped.
const SHORT_EVIL = '\u001b]0;owned\u0007\u009b\u202e';
const SHORT_SHOWN = '\\x1b]0;owned\\x07\\u009b\\u202e';

/** Runs the CLI in virtual time against scripted GetOperation answers. */
async function runOperations(argv: string[], scripts: Parameters<typeof scriptedClient>[0], options: TestIOOptions = {}) {
  const clock = new FakeClock();
  const client = scriptedClient(scripts, clock.now);
  const t = testIO({ client, clock, ...options });
  const { value, error } = await clock.run(run(['--max-delay', '1s', ...argv], t.io));
  if (error !== undefined) throw error;
  return { ...t, code: value as number, client };
}

describe('escapeControls, elide, visible', () => {
  it.each([
    ['ESC', '\u001b[31m', '\\x1b[31m'],
    ['BEL and NUL', '\u0007\u0000', '\\x07\\x00'],
    ['newline, CR and tab', 'a\nb\rc\td', 'a\\nb\\rc\\td'],
    ['DEL', '\u007f', '\\x7f'],
    ['the C1 CSI', '\u009b2J', '\\u009b2J'],
    ['the C1 range', '\u0080\u009f', '\\u0080\\u009f'],
    ['bidi overrides', '\u202a\u202b\u202c\u202d\u202e', '\\u202a\\u202b\\u202c\\u202d\\u202e'],
    ['bidi isolates', '\u2066\u2067\u2068\u2069', '\\u2066\\u2067\\u2068\\u2069'],
    ['plain text, accents and emoji', 'Café ✔ 🚀 →', 'Café ✔ 🚀 →'],
  ])('shows %s visibly', (_name, text, shown) => {
    expect(escapeControls(text)).toBe(shown);
    expect(escapeControls(escapeControls(text))).toBe(shown);
  });

  it('cuts a long field, saying how much was left out', () => {
    expect(elide('a'.repeat(100_000))).toBe(`${'a'.repeat(500)}…(+99500 chars)`);
    expect(elide('a'.repeat(500))).toBe('a'.repeat(500));
    expect(elide('abcdef', 3)).toBe('abc…(+3 chars)');
  });

  it('never cuts a surrogate pair in half', () => {
    expect(elide('ab🚀cd', 3)).toBe('ab…(+4 chars)');
  });

  it('cuts before escaping, so an escape is never split', () => {
    expect(visible('\u001b'.repeat(1000), 2)).toBe('\\x1b\\x1b…(+998 chars)');
  });
});

describe('jsonLine', () => {
  it('escapes what JSON.stringify leaves raw, and reads back exactly', () => {
    const value = { text: EVIL, bidi: '\u2067\u2069', lines: ['\u2028\u2029'], long: 'z'.repeat(10_000) };
    const line = jsonLine(value);
    expect(line).toMatch(/\n$/);
    expect(line.slice(0, -1)).not.toMatch(RAW);
    expect(line.slice(0, -1)).not.toMatch(/[\n\u2028\u2029]/);
    expect(line).toContain('\\u009b31m');
    expect(line).toContain('\\u202e');
    expect(JSON.parse(line)).toEqual(value);
  });
});

describe('terminal injection: operations', () => {
  const failed = op('Failed', {
    id: 'op-1',
    resourceName: `web${EVIL}`,
    operationType: `Create${EVIL}` as never,
    errorCode: `Code${EVIL}`,
    errorDetails: `Details${EVIL}`,
  });
  const stdin = JSON.stringify({ operations: [failed] });

  it('escapes a Failed operation read from stdin, with no request at all', async () => {
    const { code, stdout, stderr, client } = await runOperations([], {}, { stdin });
    expect(code).toBe(1);
    expect(client.calls).toEqual([]);
    expect(stderr.text).not.toMatch(RAW);
    expect(stdout.text).not.toMatch(RAW);
    expect(stderr.lines).toEqual([
      `lightsail-wait: operation op-1 (Create${EVIL_SHOWN} of web${EVIL_SHOWN}) failed: Code${EVIL_SHOWN}: Details${EVIL_SHOWN}`,
    ]);
    expect(stdout.lines[0]).toBe(`[0s] operation op-1 (Create${EVIL_SHOWN} of web${EVIL_SHOWN}): Failed`);
  });

  it('escapes a status from the server in plain lines and in the live view', async () => {
    const scripts = { 'op-1': [op('Started', { status: `Started${EVIL}` as never }), op('Succeeded')] };
    const plain = await runOperations(['op-1'], scripts);
    expect(plain.stdout.lines[0]).toBe(`[0s] operation op-1 (CreateInstance of web-1): Started${EVIL_SHOWN}`);
    const short = { 'op-1': [op('Started', { status: `Started${SHORT_EVIL}` as never }), op('Succeeded')] };
    const live = await runOperations(['op-1'], short, { stdoutTTY: true, env: { TERM: 'xterm' } });
    expect(live.stdout.text).toContain(`Started${SHORT_SHOWN}`);
    // log-update moves the cursor with its own sequences; none of the server's may get through.
    expect(live.stdout.text).not.toMatch(INJECTED);
  });

  it('cuts a 100,000-character errorDetails to 500 characters, saying how many were left out', async () => {
    const huge = op('Failed', { id: 'op-1', errorCode: 'E', errorDetails: 'd'.repeat(100_000) });
    const { code, stderr } = await runOperations([], {}, { stdin: JSON.stringify({ operation: huge }) });
    expect(code).toBe(1);
    expect(stderr.text).toContain(`: E: ${'d'.repeat(500)}…(+99500 chars)\n`);
    expect(stderr.text.length).toBeLessThan(700);
  });

  it('keeps --json valid with exact values, the C1 and bidi characters written as \\u escapes', async () => {
    const { stdout } = await runOperations(['--json'], {}, { stdin });
    for (const line of stdout.lines) expect(line).not.toMatch(RAW);
    const result = JSON.parse(stdout.lines.at(-2) as string) as Record<string, unknown>;
    expect(result).toMatchObject({
      type: 'result',
      resourceName: `web${EVIL}`,
      operationType: `Create${EVIL}`,
      errorCode: `Code${EVIL}`,
      errorDetails: `Details${EVIL}`,
    });
    expect(stdout.text).toContain('\\u009b31m');
    expect(stdout.text).toContain('\\u202eabc');
  });

  it('escapes server error messages and names in the report', async () => {
    const error = Object.assign(sdkError('AccessDeniedException'), { message: `denied${EVIL}` });
    const { code, stderr } = await runOperations(['op-1'], { 'op-1': [error] });
    expect(code).toBe(4);
    expect(stderr.text).not.toMatch(RAW);
    expect(stderr.text).toContain(`denied${EVIL_SHOWN}`);
  });

  it('escapes a usage error that quotes stdin', async () => {
    // JSON escapes: the id read holds a real ESC and CSI.
    const { code, stderr } = await runOperations([], {}, { stdin: '{"operation": {"id": "op\\u001b[2J\\u009b"}}' });
    expect(code).toBe(2);
    expect(stderr.text).not.toMatch(RAW);
    expect(stderr.lines).toEqual(['lightsail-wait: stdin JSON operation.id is not an operation id: "op\\u001b[2J\\u009b"']);
  });
});

describe('terminal injection: resources', () => {
  async function runResource(argv: string[], replies: object[], options: TestIOOptions = {}) {
    const clock = new FakeClock();
    const client = resourceClient({ 'GetDisk disk-1': replies as never }, clock.now);
    const t = testIO({ client: client as never, clock, ...options });
    const { value } = await clock.run(run(['--max-delay', '1s', ...argv], t.io));
    return { ...t, code: value as number };
  }

  it('escapes states and details in plain lines and the report', async () => {
    const { code, stdout, stderr } = await runResource(['disk-available', 'disk-1'], [disk(`pending${EVIL}`, `att${EVIL}`), disk('error')]);
    expect(code).toBe(1);
    expect(stdout.text).not.toMatch(RAW);
    expect(stderr.text).not.toMatch(RAW);
    expect(stdout.lines[0]).toBe(`[0s] disk disk-1: pending${EVIL_SHOWN} (att${EVIL_SHOWN})`);
    expect(stdout.lines[1]).toBe(`[1s] disk disk-1: pending${EVIL_SHOWN} → error`);
  });

  it('escapes states in the live view', async () => {
    const { stdout } = await runResource(['disk-available', 'disk-1'], [disk(`pending${SHORT_EVIL}`), disk('available')], {
      stdoutTTY: true,
      env: { TERM: 'xterm' },
    });
    expect(stdout.text).toContain(`pending${SHORT_SHOWN}`);
    expect(stdout.text).not.toMatch(INJECTED);
  });

  it('escapes server error messages, and keeps --json exact', async () => {
    const error = Object.assign(sdkError('AccessDeniedException'), { message: `no${EVIL}` });
    const { code, stdout, stderr } = await runResource(['--json', 'disk-available', 'disk-1'], [error as never]);
    expect(code).toBe(4);
    expect(stderr.text).toContain(`no${EVIL_SHOWN}`);
    expect(stderr.text).not.toMatch(RAW);
    for (const line of stdout.lines) expect(line).not.toMatch(RAW);
    expect(JSON.parse(stdout.lines.at(-2) as string)).toMatchObject({ type: 'result', message: expect.stringContaining(`no${EVIL}`) });
  });
});

describe('the live view', () => {
  it('cuts each column to 80 characters and escapes it', () => {
    const frame = viewFrame(
      [{ name: `web${EVIL}`, kind: 'k', status: 's'.repeat(1000), outcome: undefined, elapsedMs: 0 }],
      painter(false),
    );
    expect(frame).not.toMatch(RAW);
    expect(frame).toContain(`${'s'.repeat(80)}…(+920 chars)`);
  });

  it('draws thousands of rows without overflowing the stack', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => ({ name: `r${i}`, kind: 'k', status: 's', outcome: undefined, elapsedMs: 0 }));
    expect(viewFrame(rows, painter(false)).split('\n')).toHaveLength(200_000);
  });

  it('is not used with TERM=dumb: plain lines, no cursor movement', async () => {
    const { stdout } = await runOperations(
      ['op-1'],
      { 'op-1': [op('Started'), op('Succeeded')] },
      { stdoutTTY: true, env: { TERM: 'dumb' } },
    );
    expect(stdout.text).not.toMatch(ESC);
    expect(stdout.lines).toEqual([
      '[0s] operation op-1 (CreateInstance of web-1): Started',
      '[1s] operation op-1 (CreateInstance of web-1): Succeeded',
      '1 operation: 1 succeeded (1s)',
    ]);
  });

  it('is used on a terminal otherwise', async () => {
    const { stdout } = await runOperations(
      ['op-1'],
      { 'op-1': [op('Started'), op('Succeeded')] },
      { stdoutTTY: true, env: { TERM: 'xterm' } },
    );
    expect(stdout.text).toMatch(ESC);
  });
});

describe('credentials in URLs', () => {
  it.each([
    ['ftp://admin:hunter2SECRET@host', 'ftp://[REDACTED]@host'],
    ['ftp://admin:hunter2SECRET@host/path?q=1', 'ftp://[REDACTED]@host/path?q=1'],
    ['https://token@127.0.0.1:4566', 'https://[REDACTED]@127.0.0.1:4566'],
    ['see http://a:b@h1 and HTTPS://c:d@h2/x', 'see http://[REDACTED]@h1 and HTTPS://[REDACTED]@h2/x'],
    ['http://host/a@b', 'http://host/a@b'],
    ['mail me@example.com', 'mail me@example.com'],
  ])('redactUrlCredentials(%j)', (text, masked) => {
    expect(redactUrlCredentials(text)).toBe(masked);
    expect(redactor({})(text)).toBe(masked);
  });

  it('masks a scheme-less user:password@ at the start of a whole value', () => {
    expect(redactUrlCredentials('admin:hunter2SECRET@host', true)).toBe('[REDACTED]@host');
  });

  it.each([['ftp://admin:hunter2SECRET@host'], ['admin:hunter2SECRET@host'], ['gopher://admin:hunter2SECRET@host:70/x']])(
    'never echoes the password of an invalid --endpoint-url %s',
    async (url) => {
      const { code, stderr } = await runCli(['--endpoint-url', url, 'op-1']);
      expect(code).toBe(2);
      expect(stderr.text).not.toContain('hunter2SECRET');
      expect(stderr.text).toMatch(
        /^lightsail-wait: invalid --endpoint-url '.*\[REDACTED\]@host.*': expected an http:\/\/ or https:\/\/ URL\n$/,
      );
    },
  );

  it('masks URL passwords in server and SDK error messages, on stderr and in --json', async () => {
    const error = Object.assign(sdkError('UnrecognizedClientException'), {
      message: 'could not reach https://svc:hunter2SECRET@lightsail.example/ (bad signature)',
    });
    const { stdout, stderr } = await runOperations(['--json', 'op-1'], { 'op-1': [error] });
    expect(stderr.text).toContain('https://[REDACTED]@lightsail.example/');
    expect(`${stdout.text}${stderr.text}`).not.toContain('hunter2SECRET');
  });
});
