/**
 * End to end, the configuration check before the first request: the built `dist/cli.js` with an
 * environment that lacks a region or credentials fails at once (exit 2) without sending anything
 * to the simulator, and a region named by stdin's Lightsail JSON is used when none is set.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { assertBuilt, closeSimulators, simulator } from './e2e-helpers.js';
import { envWithout, runWithEnv, tempAwsFiles } from './spawn-with-env.js';

const files = tempAwsFiles();
const AWS_FILES = { AWS_CONFIG_FILE: files.config, AWS_SHARED_CREDENTIALS_FILE: files.credentials };

beforeAll(assertBuilt);
afterAll(async () => {
  await closeSimulators();
  files.remove();
});

describe.concurrent('lightsail-wait checks region and credentials before the first request', () => {
  it('exits 2 saying how to set a region when none is set, sending no request', async ({ expect }) => {
    const { sim } = await simulator();
    const env = envWithout(['AWS_REGION'], AWS_FILES);
    const { code, stdout, stderr } = await runWithEnv(env, ['--endpoint-url', sim.endpoint, 'op-1']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'lightsail-wait: no AWS region is set: pass --region (e.g. --region us-east-1), set AWS_REGION, or set one with `aws configure`\n',
    );
    expect(sim.requests).toEqual([]);
  });

  it('exits 2 saying how to sign in when no credentials are found, sending no request', async ({ expect }) => {
    const { sim } = await simulator();
    const env = envWithout(['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'], AWS_FILES);
    const { code, stderr } = await runWithEnv(env, ['--endpoint-url', sim.endpoint, 'op-1']);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^lightsail-wait: no AWS credentials found \([^\n]+\): set AWS_PROFILE or pass --profile, run `aws configure`, or `aws sso login` for an SSO profile\n$/,
    );
    expect(sim.requests).toEqual([]);
  });

  it('exits 2 for a resource waiter too', async ({ expect }) => {
    const { sim } = await simulator();
    const env = envWithout(['AWS_REGION'], AWS_FILES);
    const { code, stderr } = await runWithEnv(env, ['instance-running', 'web-1', '--endpoint-url', sim.endpoint]);
    expect(code).toBe(2);
    expect(stderr).toContain('lightsail-wait: no AWS region is set');
    expect(sim.requests).toEqual([]);
  });

  it('uses the region of the operations on stdin when none is set, and says so on stderr', async ({ expect }) => {
    const { sim, advance } = await simulator();
    // The operation lives in eu-west-2 only: a request signed for another region gets NotFound.
    const operation = sim.createOperation({ region: 'eu-west-2', durationMs: 1_000 });
    advance(1_000);
    const env = envWithout(['AWS_REGION'], AWS_FILES);
    const stdin = JSON.stringify({ operations: [operation] });
    const { code, stderr } = await runWithEnv(env, ['--endpoint-url', sim.endpoint, '--max-delay', '1s', '--timeout', '5s'], stdin);
    expect(stderr).toBe('lightsail-wait: no AWS region is set: using eu-west-2, the region of the input (location.regionName)\n');
    expect(code).toBe(0);
    expect(sim.requests.map(({ action, operationId, status }) => ({ action, operationId, status }))).toEqual([
      { action: 'GetOperation', operationId: operation.id, status: 200 },
    ]);
  });
});
