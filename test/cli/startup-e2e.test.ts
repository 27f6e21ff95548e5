/**
 * End to end, what the process prints and loads around the waits: the AWS SDK's multi-line Node.js
 * version warning replaced by at most one line of ours, and `--help`, `--version` and `--list`
 * answered without loading the SDK. Spawns the built `dist/cli.js`.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { assertBuilt, closeSimulators, ENV, simulator } from './e2e-helpers.js';
import { envWithout, runWithEnv } from './spawn-with-env.js';

const HOOK = fileURLToPath(new URL('./fixtures/report-sdk-load.cjs', import.meta.url));
const NODE_MAJOR = Number(process.versions.node.split('.')[0]);
const OUR_LINE = `lightsail-wait: Node.js ${NODE_MAJOR} is past end of life; AWS SDK releases from January 2027 need Node.js 22\n`;
// The environment of a user who never heard of the SDK's switch.
const USER_ENV = envWithout(['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED']);

beforeAll(assertBuilt);
afterAll(closeSimulators);

const count = (text: string, part: string) => text.split(part).length - 1;

describe.concurrent('the Node.js version warning (spawned, without AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED)', () => {
  it('prints our one line instead of the SDK block, once, on Node.js before 22', async ({ expect }) => {
    const { sim } = await simulator();
    const operation = sim.createOperation({ status: 'Succeeded' });
    const { code, stderr } = await runWithEnv(USER_ENV, ['--endpoint-url', sim.endpoint, operation.id]);
    expect(code).toBe(0);
    expect(sim.requests).toHaveLength(1);
    expect(stderr).not.toContain('NodeVersionSupportWarning');
    expect(stderr).not.toContain('a.co/');
    expect(stderr).toBe(NODE_MAJOR < 22 ? OUR_LINE : '');
  });

  it.for(['--json', '--quiet'])('prints neither with %s', async (flag, { expect }) => {
    const { sim } = await simulator();
    const operation = sim.createOperation({ status: 'Succeeded' });
    const { code, stderr } = await runWithEnv(USER_ENV, [flag, '--endpoint-url', sim.endpoint, operation.id]);
    expect(code).toBe(0);
    expect(sim.requests).toHaveLength(1);
    expect(stderr).toBe('');
  });

  it('prints neither when the user turned the SDK warning off', async ({ expect }) => {
    const { sim } = await simulator();
    const operation = sim.createOperation({ status: 'Succeeded' });
    const { code, stderr } = await runWithEnv(ENV, ['--endpoint-url', sim.endpoint, operation.id]);
    expect(code).toBe(0);
    expect(count(stderr, 'Node.js')).toBe(0);
  });

  it('prints neither for --help', async ({ expect }) => {
    const { code, stderr } = await runWithEnv(USER_ENV, ['--help']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });
});

describe.concurrent('startup without the AWS SDK (spawned with a hook reporting whether it loaded)', () => {
  it.for([['--help'], ['--version'], ['--list'], ['--list', '--json']])('answers %s without loading it', async (args, { expect }) => {
    const { code, stderr } = await runWithEnv(ENV, args, '', ['-r', HOOK]);
    expect(code).toBe(0);
    expect(stderr).toBe('sdk-loaded: no\n');
  });

  it('answers a usage error without loading it', async ({ expect }) => {
    const { code, stderr } = await runWithEnv(ENV, ['--timeout', 'soon', 'op-1'], '', ['-r', HOOK]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/sdk-loaded: no\n$/);
  });

  it('loads it to wait (the hook sees it)', async ({ expect }) => {
    const { sim } = await simulator();
    const operation = sim.createOperation({ status: 'Succeeded' });
    const { code, stderr } = await runWithEnv(ENV, ['--endpoint-url', sim.endpoint, operation.id], '', ['-r', HOOK]);
    expect(code).toBe(0);
    expect(stderr).toBe('sdk-loaded: yes\n');
  });
});
