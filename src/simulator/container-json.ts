/**
 * The wire shapes of container services: the SDK's `ContainerService` and `ContainerServiceDeployment`,
 * timestamps in epoch seconds.
 */
import {
  activatingDeployment,
  activeDeployment,
  type ContainerServiceRecord,
  type DeploymentRecord,
  deploymentStateAt,
  serviceStatusAt,
} from './container-services.js';
import { epochSeconds, type LocationJson } from './protocol.js';

/**
 * `stateDetail.message` by code, after the SDK's `ContainerServiceStateDetail` documentation. The
 * documentation says the detail is populated only when the service is `PENDING`, `DEPLOYING` or `UPDATING`.
 */
const STATE_MESSAGES: Readonly<Record<string, string>> = {
  CREATING_SYSTEM_RESOURCES: 'The system resources for your container service are being created.',
  CREATING_NETWORK_INFRASTRUCTURE: 'The network infrastructure for your container service is being created.',
  PROVISIONING_CERTIFICATE: 'The SSL/TLS certificate for your container service is being created.',
  PROVISIONING_SERVICE: 'Your container service is being provisioned.',
  CREATING_DEPLOYMENT: 'Your deployment is being created on your container service.',
  EVALUATING_HEALTH_CHECK: 'The health of your deployment is being evaluated.',
  ACTIVATING_DEPLOYMENT: 'Your deployment is being activated.',
  CERTIFICATE_LIMIT_EXCEEDED:
    'The SSL/TLS certificate required for your container service exceeds the maximum number of certificates allowed for your account.',
  UNKNOWN_ERROR: 'An error was experienced when your container service was being created.',
};

/** The SDK's `ContainerServiceDeployment` at `now`. */
export function deploymentJson(service: ContainerServiceRecord, d: DeploymentRecord, now: number): object {
  const containers: Record<string, object> = {};
  for (const [name, c] of Object.entries(d.containers)) {
    containers[name] = { image: c.image, command: [...c.command], environment: { ...c.environment }, ports: { ...c.ports } };
  }
  return {
    version: d.version,
    state: deploymentStateAt(service, d, now),
    containers,
    ...(d.publicEndpoint === undefined
      ? {}
      : {
          publicEndpoint: {
            containerName: d.publicEndpoint.containerName,
            containerPort: d.publicEndpoint.containerPort,
            healthCheck: { ...d.publicEndpoint.healthCheck },
          },
        }),
    createdAt: epochSeconds(d.createdAt),
  };
}

/** The SDK's `ContainerService` at `now`. */
export function containerServiceJson(service: ContainerServiceRecord, now: number, regionName: string): object {
  const { state, code } = serviceStatusAt(service, now);
  const current = activeDeployment(service, now);
  const next = activatingDeployment(service, now);
  const domains: Record<string, string[]> = {};
  for (const [cert, names] of Object.entries(service.publicDomainNames)) domains[cert] = [...names];
  return {
    containerServiceName: service.name,
    arn: service.arn,
    createdAt: epochSeconds(service.createdAt),
    // No public response shows a container service's location; regional resources report zone `all`.
    location: { availabilityZone: 'all', regionName } satisfies LocationJson,
    resourceType: 'ContainerService',
    tags: service.tags,
    power: service.power,
    // Not verified against a real response.
    powerId: `${service.power}-1`,
    state,
    ...(code === undefined ? {} : { stateDetail: { code, message: STATE_MESSAGES[code] ?? code } }),
    scale: service.scale,
    ...(current === undefined ? {} : { currentDeployment: deploymentJson(service, current, now) }),
    ...(next === undefined ? {} : { nextDeployment: deploymentJson(service, next, now) }),
    isDisabled: service.isDisabled,
    principalArn: service.principalArn,
    // Dev guide amazon-lightsail-container-services-deployments.md: "<ServiceName>.service.local".
    privateDomainName: `${service.name}.service.local`,
    publicDomainNames: domains,
    url: service.url,
    privateRegistryAccess: {
      ecrImagePullerRole: service.ecrPullerActive
        ? { isActive: true, principalArn: `${service.principalArn}-ecr-image-puller` }
        : { isActive: false, principalArn: '' },
    },
  };
}
