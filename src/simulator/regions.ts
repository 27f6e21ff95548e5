/**
 * One state per region: Lightsail keeps resources and operations per region, and a client signs each
 * request for its region. The simulator reads it from the SigV4 credential scope of the
 * `authorization` header (`Credential=AKID/20240102/us-east-2/lightsail/aws4_request`) and serves the
 * request from that region's state, created on first use. Rules (failures, certificate outcomes,
 * health, container failures) are shared: they apply in every region.
 */
import type { IncomingMessage } from 'node:http';
import { AddressPool } from './addresses.js';
import { ContainerRules } from './container-rules.js';
import type { FailureRule } from './failures.js';
import type { OperationRecord } from './lifecycle.js';
import { FailureRuleSet } from './operation-book.js';
import type { SimulatorConfig } from './options.js';
import { ResourceRules } from './resource-rules.js';
import { type SharedRules, SimulatorState } from './state.js';

/** The region of a signed request, or `undefined` when it carries no SigV4 credential scope. */
export function requestRegion(req: IncomingMessage): string | undefined {
  const auth = req.headers.authorization;
  if (typeof auth !== 'string') return undefined;
  const match = /Credential=[^/,\s]+\/\d{8}\/([a-z0-9][a-z0-9-]*)\/[^/,\s]+\/aws4_request/.exec(auth);
  return match?.[1];
}

/** Every region's state. Internal. */
export class RegionStates {
  readonly config: SimulatorConfig;
  readonly shared: SharedRules;
  readonly #addresses: AddressPool;
  readonly #states = new Map<string, SimulatorState>();

  constructor(config: SimulatorConfig) {
    this.config = config;
    this.#addresses = new AddressPool(config.instanceAddresses);
    const shared: SharedRules = { failures: new FailureRuleSet(), rules: new ResourceRules(), containerRules: new ContainerRules() };
    for (const rule of config.failures) shared.failures.add(rule);
    for (const [name, outcome] of Object.entries(config.certificateOutcomes)) shared.rules.setCertificateOutcome(name, outcome);
    for (const name of config.unhealthyInstances) shared.rules.setHealth(name, 'unhealthy', -Infinity);
    for (const rule of config.deploymentFailures) shared.containerRules.addDeploymentFailure(rule);
    for (const [name, code] of Object.entries(config.containerServiceFailures)) shared.containerRules.setServiceFailure(name, code);
    this.shared = shared;
  }

  /** The state of a region (the default region's when `undefined`), created on first use. */
  get(region: string = this.config.region): SimulatorState {
    let state = this.#states.get(region);
    if (state === undefined) {
      state = new SimulatorState(region === this.config.region ? this.config : { ...this.config, region }, this.shared, this.#addresses);
      this.#states.set(region, state);
    }
    return state;
  }

  /** Every region used so far, the default one first. */
  all(): SimulatorState[] {
    const first = this.get();
    return [first, ...[...this.#states.values()].filter((state) => state !== first)];
  }

  /** The operation with this id, in whichever region holds it. */
  findOperation(operationId: string): { readonly state: SimulatorState; readonly op: OperationRecord } | undefined {
    for (const state of this.all()) {
      const op = state.book.get(operationId);
      if (op !== undefined) return { state, op };
    }
    return undefined;
  }

  /** Adds a failure rule for future operations in every region, and applies it to those not finished at `now`. */
  addFailureRule(rule: FailureRule, now: number): void {
    this.shared.failures.add(rule);
    for (const state of this.all()) state.book.applyToExisting(rule, now);
  }
}
