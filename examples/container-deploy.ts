/**
 * Deploys to a Lightsail container service and waits for exactly that deployment, with live
 * progress; then deploys a version that fails its health check and shows the error, with the tail
 * of each container's log. `npx tsx examples/container-deploy.ts` runs it against the simulator.
 */
import { CreateContainerServiceCommand, CreateContainerServiceDeploymentCommand, type LightsailClient } from '@aws-sdk/client-lightsail';
import {
  ContainerDeploymentWaiter,
  isContainerDeploymentFailedError,
  type WaitOptions,
  waitForContainerServiceReady,
} from 'lightsail-waiter';
import { startSimulator } from 'lightsail-waiter/simulator';
import { isMain, noteNodeVersion } from './simulated.js';

type Log = (line: string) => void;

const endpoint = { containerName: 'web', containerPort: 80, healthCheck: { path: '/' } };

/** Deploys `image` to the service and waits for that deployment; returns how it ended, in words. */
export async function deploy(client: LightsailClient, serviceName: string, image: string, log: Log, options: WaitOptions): Promise<string> {
  const deployed = await client.send(
    new CreateContainerServiceDeploymentCommand({
      serviceName,
      containers: { web: { image, ports: { '80': 'HTTP' } } },
      publicEndpoint: endpoint,
    }),
  );
  const version = deployed.containerService?.nextDeployment?.version;
  log(`▶ Deploy ${image} as version ${version}`);
  const waiter = new ContainerDeploymentWaiter(client, deployed, options);
  waiter.on('status', ({ current, detail }) => log(`  deployment ${version}: ${current} (${detail})`));
  try {
    await waiter.wait();
    return `✔ version ${version} is ACTIVE`;
  } catch (error) {
    if (!isContainerDeploymentFailedError(error)) throw error;
    const tails = error.logs.map(
      ({ containerName, lines, error: why }) => `  --- ${containerName} ---\n${why ?? lines.map((l) => `  ${l}`).join('\n')}`,
    );
    return `✖ ${error.message}\n${tails.join('\n')}`;
  }
}

/** The whole example: a service, a good deployment, a failing one. Returns what each deployment came to. */
export async function containerDeploy(client: LightsailClient, log: Log = console.log, options: WaitOptions = {}): Promise<string[]> {
  log('▶ Create container service api and wait until it is ready');
  await client.send(new CreateContainerServiceCommand({ serviceName: 'api', power: 'nano', scale: 1 }));
  await waitForContainerServiceReady(client, 'api', options);
  const good = await deploy(client, 'api', 'nginx:1.27', log, options);
  log(good);
  const bad = await deploy(client, 'api', 'example/broken-app:2', log, options);
  log(bad);
  return [good, bad];
}

if (isMain(import.meta.url)) {
  noteNodeVersion();
  const timeScale = Number(process.env.DEMO_TIME_SCALE ?? 100);
  // Deployments of the broken image fail their health check, as a real one would.
  const simulator = await startSimulator({ timeScale, deploymentFailures: [{ image: 'broken-app' }] });
  const { LightsailClient } = await import('@aws-sdk/client-lightsail');
  const client = new LightsailClient({
    endpoint: simulator.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'demo', secretAccessKey: 'demo' },
  });
  console.log(`Lightsail simulator at ${simulator.endpoint} (durations ÷ ${timeScale})\n`);
  try {
    await containerDeploy(client, console.log, simulator.waitOptions);
  } finally {
    client.destroy();
    await simulator.close();
  }
}
