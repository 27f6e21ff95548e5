/**
 * Every operation of a region, indexed by id, in creation order, and by resource name; plus the
 * failure rules (shared by every region) applied to operations as they are created.
 */
import { randomUUID } from 'node:crypto';
import { applyRule, type FailureRule, ruleMatches } from './failures.js';
import { isTerminalAt, type OperationRecord } from './lifecycle.js';
import { insertSorted } from './paging.js';

/** What a new operation is made of; the book adds `id` and `seq`, and any failure rule's error. */
export type NewOperation = Readonly<
  Omit<OperationRecord, 'id' | 'seq' | 'errorCode' | 'errorDetails' | 'refreshAt'> & {
    readonly errorCode?: string | undefined;
    readonly errorDetails?: string | undefined;
    /** @default startAt (`statusChangedAt` does not move while `Started`) */
    readonly refreshAt?: number | undefined;
  }
>;

/** The failure rules in force, shared by the books of every region. Internal. */
export class FailureRuleSet {
  #rules: FailureRule[] = [];

  get rules(): readonly FailureRule[] {
    return this.#rules;
  }

  add(rule: FailureRule): void {
    this.#rules.push(rule);
  }

  clear(): void {
    this.#rules = [];
  }
}

/** The operation store of one region. Internal. */
export class OperationBook {
  readonly #byId = new Map<string, OperationRecord>();
  readonly #all: OperationRecord[] = [];
  readonly #byResource = new Map<string, OperationRecord[]>();
  readonly #rules: FailureRuleSet;
  #seq = 0;

  constructor(rules: FailureRuleSet = new FailureRuleSet()) {
    this.#rules = rules;
  }

  /** Stores a new operation, making it fail if a failure rule matches. */
  add(init: NewOperation): OperationRecord {
    const op: OperationRecord = {
      id: randomUUID(),
      seq: this.#seq++,
      operationType: init.operationType,
      resourceName: init.resourceName,
      resourceType: init.resourceType,
      availabilityZone: init.availabilityZone,
      operationDetails: init.operationDetails,
      createdAt: init.createdAt,
      startAt: init.startAt,
      refreshAt: Math.min(init.refreshAt ?? init.startAt, init.endAt),
      endAt: init.endAt,
      finalStatus: init.finalStatus,
      errorCode: init.errorCode,
      errorDetails: init.errorDetails,
      hiddenUntil: init.hiddenUntil,
    };
    for (const rule of this.#rules.rules) if (ruleMatches(rule, op)) applyRule(rule, op);
    this.#byId.set(op.id, op);
    insertSorted(this.#all, op);
    const forResource = this.#byResource.get(op.resourceName);
    if (forResource === undefined) this.#byResource.set(op.resourceName, [op]);
    else insertSorted(forResource, op);
    return op;
  }

  get(id: string): OperationRecord | undefined {
    return this.#byId.get(id);
  }

  /** Every operation in ascending creation order. */
  all(): readonly OperationRecord[] {
    return this.#all;
  }

  /** The operations on a resource in ascending creation order, or `undefined` if it never had one. */
  forResource(resourceName: string): readonly OperationRecord[] | undefined {
    return this.#byResource.get(resourceName);
  }

  /** Applies a rule just added to the shared set to the matching operations not yet finished at `now`. */
  applyToExisting(rule: FailureRule, now: number): void {
    const candidates = rule.match.operationId !== undefined ? [this.#byId.get(rule.match.operationId)] : this.#all;
    for (const op of candidates) {
      if (op !== undefined && !isTerminalAt(op, now) && ruleMatches(rule, op)) applyRule(rule, op);
    }
  }
}
