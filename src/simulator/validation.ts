/**
 * Certificate validation, shared by Lightsail certificates and load balancer TLS certificates:
 * each domain has an instant at which its validation record turns `SUCCESS` (or `FAILED`), and the
 * certificate's status follows from the outcome chosen when it was created (or changed before the
 * decision).
 */
import { randomUUID } from 'node:crypto';
import type { CertificateOutcome } from './resource-rules.js';

/** One domain of a certificate and its CNAME validation record. */
export interface DomainValidation {
  readonly domainName: string;
  readonly recordName: string;
  readonly recordValue: string;
  /** When this domain's record is validated (clock ms). */
  readonly validatedAt: number;
}

/** A certificate's validation plan. Internal. */
export interface ValidationPlan {
  readonly createdAt: number;
  readonly domains: readonly DomainValidation[];
  /** When a certificate made to time out turns `VALIDATION_TIMED_OUT` (clock ms). */
  readonly timeoutAt: number;
  outcome: CertificateOutcome;
  /**
   * Domains validating at or before this instant succeed whatever the outcome (they were seen to);
   * with a `FAILED` outcome the first one after it fails. `Infinity` for `ISSUED`.
   */
  cutoff: number;
}

/** Plans the validation of `domainNames` (deduplicated, in order): domain `i` validates at `firstAt + i * stagger`. */
export function planValidation(
  createdAt: number,
  domainNames: readonly string[],
  firstAt: number,
  stagger: number,
  timeoutAt: number,
  outcome: CertificateOutcome,
): ValidationPlan {
  const domains = [...new Set(domainNames)].map((domainName, i) => ({
    domainName,
    recordName: `_${randomUUID().replace(/-/g, '')}.${domainName}.`,
    recordValue: `_${randomUUID().replace(/-/g, '')}.acm-validations.aws.`,
    validatedAt: firstAt + i * stagger,
  }));
  return { createdAt, domains, timeoutAt, outcome, cutoff: outcome === 'ISSUED' ? Infinity : createdAt };
}

/** Index of the domain that fails under a `FAILED` outcome. */
function failingIndex(plan: ValidationPlan): number {
  const index = plan.domains.findIndex((d) => d.validatedAt > plan.cutoff);
  return index === -1 ? plan.domains.length - 1 : index;
}

/** When the certificate's status stops being `PENDING_VALIDATION` (clock ms). */
export function decidedAt(plan: ValidationPlan): number {
  if (plan.outcome === 'VALIDATION_TIMED_OUT') return plan.timeoutAt;
  const domain = plan.outcome === 'FAILED' ? plan.domains[failingIndex(plan)] : plan.domains[plan.domains.length - 1];
  return domain?.validatedAt ?? plan.createdAt;
}

/** The certificate's status at `now`. */
export function certificateStatusAt(plan: ValidationPlan, now: number): 'PENDING_VALIDATION' | CertificateOutcome {
  return now < decidedAt(plan) ? 'PENDING_VALIDATION' : plan.outcome;
}

/**
 * A domain's validation status at `now`: `SUCCESS` once validated; under a `FAILED` outcome one
 * domain turns `FAILED` and the later ones stay pending; under a time-out they stay pending.
 */
export function domainStatusAt(plan: ValidationPlan, index: number, now: number): 'PENDING_VALIDATION' | 'SUCCESS' | 'FAILED' {
  const domain = plan.domains[index];
  if (domain === undefined || now < domain.validatedAt) return 'PENDING_VALIDATION';
  if (plan.outcome === 'ISSUED' || domain.validatedAt <= plan.cutoff) return 'SUCCESS';
  return plan.outcome === 'FAILED' && index === failingIndex(plan) ? 'FAILED' : 'PENDING_VALIDATION';
}

/** Changes the outcome if the certificate is still undecided at `now`; returns whether it did. */
export function changeOutcome(plan: ValidationPlan, outcome: CertificateOutcome, now: number): boolean {
  if (now >= decidedAt(plan)) return false;
  plan.outcome = outcome;
  plan.cutoff = outcome === 'ISSUED' ? Infinity : now;
  return true;
}
