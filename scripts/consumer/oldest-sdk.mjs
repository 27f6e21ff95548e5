/**
 * The packed package with the oldest `@aws-sdk/client-lightsail` its peer range allows (the
 * lowest published version in it), beside the newest the main checks install: older clients name
 * errors differently (a not-found without `x-amzn-errortype` arrives as `DoesNotExist`), and the
 * waiters must handle both.
 */
import { join } from 'node:path';
import { describeRun, run } from './exec.mjs';
import { layOut } from './project.mjs';
import { checkModules, childEnv } from './runtime-checks.mjs';

const SDK = '@aws-sdk/client-lightsail';

function compare(a, b) {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i += 1) if (pa[i] !== pb[i]) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

/** The lowest published version of the SDK within `range`, from the npm registry. */
async function oldestInRange(range, env) {
  const result = await run('npm', ['view', `${SDK}@${range}`, 'version', '--json'], { env, timeoutMs: 120_000 });
  if (result.code !== 0) throw new Error(describeRun(result));
  const parsed = JSON.parse(result.stdout);
  const versions = (Array.isArray(parsed) ? parsed : [parsed]).filter((v) => /^\d+\.\d+\.\d+$/.test(v));
  if (versions.length === 0) throw new Error(`no published ${SDK} version in ${range}`);
  return versions.sort(compare)[0];
}

/** Installs the tarball with the oldest SDK in the peer range and runs the import and require scenarios on it. */
export async function oldestSdkChecks(report, { workDir, tarball, repoPackage, fixtures, node, nodeVersion }) {
  const range = repoPackage.peerDependencies?.[SDK];
  const env = childEnv(node);
  let version;
  try {
    version = await oldestInRange(range, env);
  } catch (error) {
    report.check(`oldest SDK: find the lowest ${SDK} in ${range}`, false, error.message);
    return;
  }
  const root = join(workDir, 'project-oldest-sdk');
  await layOut(root, fixtures);
  const installed = await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball, `${SDK}@${version}`], {
    cwd: root,
    env,
    timeoutMs: 600_000,
  });
  if (
    !report.check(
      `oldest SDK: npm install the tarball with ${SDK}@${version} (the lowest in ${range})`,
      installed.code === 0,
      installed.code === 0 ? '' : describeRun(installed),
    )
  ) {
    return;
  }
  await checkModules(report, { node, root, env, label: `[node ${nodeVersion}, ${SDK}@${version}]` });
}
