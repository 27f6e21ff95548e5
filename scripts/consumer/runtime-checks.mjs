/**
 * Checks that run the installed package on one Node.js binary: `import`, `require`, and the two
 * bins, each in a child process that must exit on its own within its time limit.
 */
import { delimiter, dirname, join } from 'node:path';
import { checkCiFeatures } from './ci-checks.mjs';
import { describeRun, killGroup, run, start } from './exec.mjs';

/** Lines the check scripts print for the report (`# …`) and the export lists (`EXPORTS {…}`). */
function parseCheckOutput(stdout) {
  const notes = stdout
    .split('\n')
    .filter((l) => l.startsWith('# '))
    .map((l) => l.slice(2));
  const exportsLine = stdout.split('\n').find((l) => l.startsWith('EXPORTS '));
  return { notes, exports: exportsLine ? JSON.parse(exportsLine.slice('EXPORTS '.length)) : undefined };
}

/** Runs `check.mjs` and `check.cjs` and compares what the two entry points export. */
export async function checkModules(report, { node, root, env, label }) {
  const results = {};
  for (const [kind, file, what] of [
    ['ESM', 'esm/check.mjs', 'import lightsail-waiter, lightsail-waiter/node and lightsail-waiter/simulator'],
    ['CJS', 'cjs/check.cjs', 'require lightsail-waiter, lightsail-waiter/node and lightsail-waiter/simulator, instanceof on errors'],
  ]) {
    const result = await run(node, [join(root, file)], { cwd: join(root, dirname(file)), env, timeoutMs: 30_000 });
    const parsed = parseCheckOutput(result.stdout);
    results[kind] = parsed.exports;
    const ok = result.code === 0 && !result.timedOut && result.stdout.includes('scenario passed');
    const details = ok ? [...parsed.notes, `exited on its own in ${result.ms} ms`].join('\n') : describeRun(result);
    report.check(`${label} ${kind}: ${what}; waits with the real SDK against the simulator, exits on its own`, ok, details);
  }
  if (results.ESM && results.CJS) {
    const same = JSON.stringify(results.ESM) === JSON.stringify(results.CJS);
    report.check(
      `${label} ESM and CJS entry points export the same names`,
      same,
      same ? '' : `ESM: ${JSON.stringify(results.ESM)}\nCJS: ${JSON.stringify(results.CJS)}`,
    );
  }
}

/**
 * `npx --no -- <bin> …` from the project root, with `node` first on PATH so the bin's shebang
 * picks it. `--` keeps npx from taking `--version` or a bad flag for its own.
 */
const npx = (root, env, args, timeoutMs = 60_000) => run('npx', ['--no', '--', ...args], { cwd: root, env, timeoutMs });

/** Where requests go if a check ever forgets `--endpoint-url`: a closed port on loopback, never AWS. */
const NOWHERE = 'http://127.0.0.1:9';

async function checkBins(report, { node, root, env, label, version, nodeVersion }) {
  const versionRun = await npx(root, env, ['lightsail-wait', '--version']);
  report.check(
    `${label} bin: npx lightsail-wait --version prints ${version}, exit 0`,
    versionRun.code === 0 && versionRun.stdout.trim() === version,
    describeRun(versionRun, { lines: 3 }),
  );

  // `npx lightsail-waiter …` (the package's name) runs the same command.
  const byPackageName = await npx(root, env, ['lightsail-waiter', '--version']);
  report.check(
    `${label} bin: npx lightsail-waiter --version (the package name) prints ${version}, exit 0`,
    byPackageName.code === 0 && byPackageName.stdout.trim() === version,
    describeRun(byPackageName, { lines: 3 }),
  );

  const help = await npx(root, env, ['lightsail-wait', '--help']);
  report.check(
    `${label} bin: npx lightsail-wait --help, exit 0`,
    help.code === 0 && help.stdout.includes('Usage: lightsail-wait'),
    help.code === 0 ? '' : describeRun(help),
  );

  const badFlag = await npx(root, env, ['lightsail-wait', '--no-such-flag', 'op-1', '--endpoint-url', NOWHERE]);
  report.check(`${label} bin: npx lightsail-wait --no-such-flag, exit 2`, badFlag.code === 2, describeRun(badFlag, { lines: 3 }));

  const simHelp = await npx(root, env, ['lightsail-waiter-simulator', '--help']);
  report.check(
    `${label} bin: npx lightsail-waiter-simulator --help, exit 0`,
    simHelp.code === 0 && simHelp.stdout.includes('Usage: lightsail-waiter-simulator'),
    simHelp.code === 0 ? '' : describeRun(simHelp),
  );

  // The simulator bin runs through its shebang (node_modules/.bin), as a user's shell starts it.
  // Its first GetOperation is throttled: the first wait below shows the pace cut.
  const sim = start(
    join(root, 'node_modules', '.bin', 'lightsail-waiter-simulator'),
    ['--port', '0', '--time-scale', '1000', '--fault', 'ThrottlingException:GetOperation:1'],
    { cwd: root, env },
  );
  try {
    const endpoint = await sim.firstLine;
    const created = await run(node, [join(root, 'esm', 'create-operation.mjs'), endpoint], { cwd: root, env, timeoutMs: 30_000 });
    const id = created.stdout.trim();
    if (created.code !== 0 || !id) {
      report.check(
        `${label} bin: lightsail-wait <id> against lightsail-waiter-simulator, exit 0`,
        false,
        `could not create an operation:\n${describeRun(created)}`,
      );
    } else {
      const wait = await npx(root, env, [
        'lightsail-wait',
        id,
        '--endpoint-url',
        endpoint,
        '--region',
        'us-east-1',
        '--timeout',
        '30s',
        '--json',
      ]);
      const records = wait.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l));
      const result = records.find((r) => r.type === 'result');
      const rate = records.find((r) => r.type === 'rate');
      const ok =
        wait.code === 0 &&
        result?.operationId === id &&
        result?.outcome === 'succeeded' &&
        rate?.reason === 'throttled' &&
        rate?.requestsPerSecond === 8 &&
        records.some((r) => r.type === 'retry' && r.errorName === 'ThrottlingException');
      report.check(
        `${label} bin: lightsail-wait <id> --endpoint-url <simulator> --json, exit 0 with outcome succeeded; its throttled request a rate line (pace 10 → 8) and a retry line`,
        ok,
        `simulator ${endpoint}; ${describeRun(wait, { lines: 4 })}`,
      );
      await checkCiFeatures(report, { root, env, label, nodeVersion, endpoint, id, throttledJson: wait.stdout });
      const ghost = await npx(root, env, ['lightsail-wait', '--resource', 'ghost-1', '--endpoint-url', endpoint, '--region', 'us-east-1']);
      report.check(
        `${label} bin: lightsail-wait --resource <unknown> against the simulator, exit 4`,
        ghost.code === 4 && ghost.stderr.includes('Lightsail resource ghost-1 does not exist'),
        describeRun(ghost, { lines: 3 }),
      );
    }
  } catch (error) {
    report.check(`${label} bin: lightsail-waiter-simulator --port 0 prints its endpoint`, false, `${error.message}\n${sim.stderr()}`);
  } finally {
    const timer = setTimeout(() => killGroup(sim.child, 'SIGKILL'), 10_000);
    killGroup(sim.child, 'SIGTERM');
    const exit = await sim.exited;
    clearTimeout(timer);
    report.check(
      `${label} bin: lightsail-waiter-simulator exits 0 on SIGTERM`,
      exit.code === 0,
      `exit ${exit.code}${exit.signal ? ` (${exit.signal})` : ''}`,
    );
  }
}

/** The environment of every child: dummy AWS credentials, no AWS files or profile, a loopback default endpoint, `node` first on PATH, no npm run-script variables. */
export function childEnv(node) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|INIT_CWD$|AWS_)/i.test(key)) continue;
    env[key] = value;
  }
  return {
    ...env,
    PATH: `${dirname(node)}${delimiter}${process.env.PATH ?? ''}`,
    NO_COLOR: '1',
    AWS_ACCESS_KEY_ID: 'consumer-test',
    AWS_SECRET_ACCESS_KEY: 'consumer-test',
    AWS_REGION: 'us-east-1',
    AWS_CONFIG_FILE: '/nonexistent/aws-config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ENDPOINT_URL: NOWHERE,
  };
}

/** Every runtime check on one Node.js binary. */
export async function runtimeChecks(report, { node, nodeVersion, root, version }) {
  const env = childEnv(node);
  const label = `[node ${nodeVersion}]`;
  // The bins start through `#!/usr/bin/env node`: prove that this resolves to the node under test.
  const shebang = await run('/usr/bin/env', ['node', '--version'], { env, timeoutMs: 30_000 });
  report.check(
    `${label} #!/usr/bin/env node resolves to ${nodeVersion} for the bins`,
    shebang.stdout.trim() === nodeVersion,
    describeRun(shebang, { lines: 2 }),
  );
  await checkModules(report, { node, root, env, label });
  await checkBins(report, { node, root, env, label, version, nodeVersion });
}
