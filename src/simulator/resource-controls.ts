/**
 * The `Simulator` methods that steer resources: certificate outcomes, instance health and real
 * TCP ports on loopback addresses.
 */
import { checkNumber, describeValue } from './checks.js';
import type { PortListeners } from './port-listeners.js';
import type { RegionStates } from './regions.js';
import { checkCertificateOutcome, checkHealthSetting, checkResourceName } from './resource-rules.js';
import type { Simulator } from './simulator.js';
import { changeOutcome } from './validation.js';

/** Implements `setCertificateOutcome`, `setInstanceHealth` and `openPort` (documented on `Simulator`). Internal. */
export function resourceControls(
  regions: RegionStates,
  listeners: PortListeners,
): Pick<Simulator, 'setCertificateOutcome' | 'setInstanceHealth' | 'openPort'> {
  return {
    setCertificateOutcome(certificateName, outcome) {
      const name = checkResourceName('certificateName', certificateName);
      const valid = checkCertificateOutcome('outcome', outcome);
      const now = regions.config.now();
      regions.shared.rules.setCertificateOutcome(name, valid);
      for (const state of regions.all()) {
        const cert = state.certificates.get(name);
        if (cert !== undefined) changeOutcome(cert.plan, valid, now);
        for (const lb of state.loadBalancers.values()) {
          const lbCert = lb.certificates.get(name);
          if (lbCert !== undefined) changeOutcome(lbCert.plan, valid, now);
        }
      }
    },
    setInstanceHealth(instanceName, health) {
      regions.shared.rules.setHealth(checkResourceName('instanceName', instanceName), checkHealthSetting(health), regions.config.now());
    },
    async openPort(instanceName, port = 0, options = {}) {
      if (regions.config.instanceAddresses !== 'loopback') {
        throw new Error(
          "openPort needs the simulator started with `instanceAddresses: 'loopback'` (instances have documentation addresses)",
        );
      }
      checkNumber('port', port, 'an integer from 0 to 65535', (n) => Number.isInteger(n) && n >= 0 && n <= 65_535);
      const mode = options.connections ?? 'close';
      if (mode !== 'close' && mode !== 'hold')
        throw new TypeError(`Expected \`connections\` to be 'close' or 'hold', got ${describeValue(mode)}`);
      const state = regions.all().find((candidate) => candidate.instances.has(instanceName));
      const instance = state?.instances.get(instanceName);
      if (state === undefined || instance === undefined) {
        throw new RangeError(`Expected \`instanceName\` to name an instance, got ${describeValue(instanceName)}`);
      }
      const address = state.publicAddressOf(instance, regions.config.now());
      if (address === undefined) throw new RangeError(`The instance ${instanceName} has no public IP address yet`);
      return listeners.open(address, port, mode);
    },
  };
}
