/**
 * The CLI's CI features through the installed package's bins (issue #16): the `--json` stream
 * against the schema the package ships, the GitHub Actions files and commands, the check of the
 * region before any request, `--help`'s environment and examples, a proxy, and no AWS SDK warning
 * block.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describeRun, run } from './exec.mjs';

const npx = (root, env, args) => run('npx', ['--no', '--', ...args], { cwd: root, env, timeoutMs: 60_000 });

/** The SDK's multi-line warning on Node.js before 22, which the CLI replaces with one line of its own. */
const SDK_WARNING = 'NodeVersionSupportWarning';

/**
 * Runs every check; `id` is an operation the simulator at `endpoint` has finished; `throttledJson`
 * the `--json` output of a run that was throttled, validated with the rest.
 */
export async function checkCiFeatures(report, { root, env, label, nodeVersion, endpoint, id, throttledJson = '' }) {
  const target = ['--endpoint-url', endpoint, '--region', 'us-east-1', '--timeout', '30s'];

  const help = await npx(root, env, ['lightsail-waiter', '--help']);
  report.check(
    `${label} cli: lightsail-waiter --help lists the environment variables and examples`,
    help.code === 0 &&
      help.stdout.includes('\nEnvironment:\n') &&
      help.stdout.includes('HTTPS_PROXY') &&
      help.stdout.includes('\nExamples:\n'),
    describeRun(help, { lines: 3 }),
  );

  const schema = JSON.parse(
    await readFile(join(root, 'node_modules', 'lightsail-waiter', 'schema', 'lightsail-wait.v1.schema.json'), 'utf8'),
  );
  const validate = new Ajv2020({ allErrors: true, validateFormats: false }).compile(schema);
  const json = await npx(root, env, ['lightsail-wait', id, ...target, '--json']);
  const parse = (text) =>
    text
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));
  const lines = parse(json.stdout);
  const invalid = [...parse(throttledJson), ...lines].filter((line) => !validate(line));
  report.check(
    `${label} cli: --json lines (a throttled run's too) all validate against the shipped schema, the last a summary with exit code 0`,
    json.code === 0 && lines.length > 0 && invalid.length === 0 && lines.at(-1)?.type === 'summary' && lines.at(-1)?.exitCode === 0,
    invalid.length > 0 ? JSON.stringify(validate.errors) : describeRun(json, { lines: 4 }),
  );

  const dir = await mkdtemp(join(tmpdir(), 'lightsail-wait-gha-'));
  try {
    const files = { GITHUB_OUTPUT: join(dir, 'output'), GITHUB_STEP_SUMMARY: join(dir, 'summary.md') };
    const gha = await npx(root, { ...env, GITHUB_ACTIONS: 'true', ...files }, ['lightsail-wait', id, ...target]);
    const output = await readFile(files.GITHUB_OUTPUT, 'utf8').catch(() => '');
    const summary = await readFile(files.GITHUB_STEP_SUMMARY, 'utf8').catch(() => '');
    report.check(
      `${label} cli: under GitHub Actions, a log group, the outcome in $GITHUB_OUTPUT and a table in $GITHUB_STEP_SUMMARY`,
      gha.code === 0 &&
        gha.stdout.startsWith('::group::') &&
        gha.stdout.includes('::endgroup::') &&
        /^outcome<<(\S+)\nsucceeded\n\1$/m.test(output) &&
        summary.includes('| '),
      `${describeRun(gha, { lines: 4 })}\n$GITHUB_OUTPUT:\n${output}`,
    );
    const ourLines = gha.stderr.split('\n').filter((line) => line.includes('need Node.js 22'));
    const major = Number(/^v(\d+)/.exec(nodeVersion)?.[1]);
    report.check(
      `${label} cli: no AWS SDK warning block; ${major < 22 ? 'one line of ours about Node.js 22 instead' : 'nothing about the Node.js version'}`,
      !gha.stderr.includes(SDK_WARNING) && !json.stderr.includes(SDK_WARNING) && ourLines.length === (major < 22 ? 1 : 0),
      gha.stderr.slice(0, 400) || '(stderr empty)',
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  const proxy = await tunnellingProxy();
  try {
    const proxied = await npx(root, { ...env, HTTP_PROXY: proxy.url }, ['lightsail-wait', id, ...target]);
    report.check(
      `${label} cli: HTTP_PROXY carries the requests (a CONNECT tunnel to the endpoint)`,
      proxied.code === 0 && proxy.tunnels.length > 0 && proxy.tunnels.every((t) => endpoint.endsWith(`//${t}`)),
      `tunnels: ${proxy.tunnels.join(', ') || 'none'}\n${describeRun(proxied, { lines: 3 })}`,
    );
  } finally {
    await proxy.close();
  }

  const { AWS_REGION: _region, AWS_DEFAULT_REGION: _default, ...noRegion } = env;
  const regionless = await npx(root, noRegion, ['lightsail-wait', id, '--endpoint-url', endpoint, '--timeout', '30s']);
  report.check(
    `${label} cli: with no region anywhere, exit 2 at once saying how to set one`,
    regionless.code === 2 && regionless.stderr.includes('no AWS region is set: pass --region'),
    describeRun(regionless, { lines: 3 }),
  );
}

/** A proxy on loopback that only tunnels (`CONNECT host:port`), recording each target. */
async function tunnellingProxy() {
  const tunnels = [];
  const sockets = new Set();
  const server = createServer((_req, res) => res.writeHead(405).end());
  server.on('connect', (req, client, head) => {
    tunnels.push(req.url);
    const at = req.url.lastIndexOf(':');
    const upstream = connect(Number(req.url.slice(at + 1)), req.url.slice(0, at), () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => {});
      socket.once('close', () => sockets.delete(socket));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    tunnels,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(resolve);
      }),
  };
}
