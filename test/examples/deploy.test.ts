import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { LightsailClient } from '@aws-sdk/client-lightsail';
import { afterEach, describe, expect, it } from 'vitest';
import { deploy } from '../../examples/deploy.js';
import { type Simulator, startSimulator } from '../../src/simulator/index.js';
import { exitOf } from '../cli/e2e-helpers.js';

let simulator: Simulator | undefined;
let client: LightsailClient | undefined;
afterEach(async () => {
  client?.destroy();
  await simulator?.close();
});

describe('examples/deploy.ts', () => {
  it('deploys two instances, a static IP and a disk, waiting on every operation', async () => {
    simulator = await startSimulator({ timeScale: 1000 });
    client = new LightsailClient({
      endpoint: simulator.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 't', secretAccessKey: 't' },
    });
    const lines: string[] = [];
    await deploy(client, (line) => lines.push(line), { minDelayMs: 5, maxDelayMs: 20 });
    const done = lines.filter((l) => l.startsWith('✔'));
    expect(done).toHaveLength(5);
    expect(lines.some((l) => /web-1\s+CreateInstance\s+Started → Succeeded/.test(l))).toBe(true);
    expect(lines.some((l) => /web-2\s+AttachDisk\s+Started → Succeeded/.test(l))).toBe(true);
    // the static IP steps came back Succeeded: waited on with no GetOperation at all
    const polled = new Set(simulator.requests.filter((r) => r.action === 'GetOperation').map((r) => r.operationId));
    const quick = simulator.requests.filter((r) => r.action === 'AllocateStaticIp' || r.action === 'AttachStaticIp');
    expect(quick).toHaveLength(2);
    expect(polled.size).toBe(5); // 2 creates, 1 disk create, 2 disk attach operations
  });
});

describe('npm run demo, part 1, as a process', () => {
  it('says in one line of its own that SDK releases from 2027 need Node.js 22, instead of the SDK block', async () => {
    const script = fileURLToPath(new URL('../../examples/deploy.ts', import.meta.url));
    const env: Record<string, string> = { PATH: process.env.PATH ?? '', DEMO_TIME_SCALE: '1000', AWS_EC2_METADATA_DISABLED: 'true' };
    const { code, stdout, stderr } = await exitOf(
      spawn(process.execPath, ['--import', 'tsx', script], { env, stdio: ['ignore', 'pipe', 'pipe'] }),
    );
    expect(code, stderr).toBe(0);
    expect(stderr).not.toContain('NodeVersionSupportWarning');
    const major = Number(process.versions.node.split('.')[0]);
    const notes = stdout.split('\n').filter((line) => line.includes('need Node.js 22'));
    expect(notes).toEqual(major < 22 ? [`Node.js ${major}: AWS SDK releases from January 2027 need Node.js 22.`] : []);
  });
});
