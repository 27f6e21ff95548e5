/**
 * The `Simulator` methods that make container services fail: failing deployments and services whose
 * creation fails.
 */
import { defaultFailureReason } from './container-logs.js';
import { checkDeploymentFailureRule, checkServiceFailureCode, deploymentRuleMatches } from './container-rules.js';
import type { RegionStates } from './regions.js';
import { checkResourceName } from './resource-rules.js';
import type { Simulator } from './simulator.js';

/** Implements `failDeployments`, `clearDeploymentFailures` and `failContainerService` (documented on `Simulator`). Internal. */
export function containerControls(
  regions: RegionStates,
): Pick<Simulator, 'failDeployments' | 'clearDeploymentFailures' | 'failContainerService'> {
  return {
    failDeployments(rule) {
      const valid = checkDeploymentFailureRule(rule);
      const now = regions.config.now();
      regions.shared.containerRules.addDeploymentFailure(valid);
      const services = regions.all().flatMap((state) => [...state.containerServices.values()]);
      for (const service of services) {
        for (const d of service.deployments) {
          const images = Object.values(d.containers).map((c) => c.image);
          if (
            d.failure !== undefined ||
            d.supersededAt !== undefined ||
            now >= d.healthEnd ||
            !deploymentRuleMatches(valid, service.name, images)
          )
            continue;
          d.failure = { reason: valid.reason ?? defaultFailureReason(d), since: now };
        }
      }
    },
    clearDeploymentFailures() {
      regions.shared.containerRules.clearDeploymentFailures();
    },
    failContainerService(serviceName, code = 'UNKNOWN_ERROR') {
      const name = checkResourceName('serviceName', serviceName);
      const valid = checkServiceFailureCode('code', code);
      const now = regions.config.now();
      regions.shared.containerRules.setServiceFailure(name, valid);
      for (const state of regions.all()) {
        const service = state.containerServices.get(name);
        if (service === undefined || service.createFailure !== undefined || now >= service.readyAt) continue;
        service.createFailure = valid;
        for (const d of service.deployments) {
          d.failure ??= { reason: `The container service could not be created (${valid})`, since: now };
        }
      }
    },
  };
}
