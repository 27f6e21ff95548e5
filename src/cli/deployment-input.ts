import { type ContainerDeploymentInput, containerServiceDeploymentActive } from '../index.js';
import { parseJsonValues } from './json-values.js';
import { LIMITS } from './limits.js';
import { isUsageError, UsageError } from './usage-error.js';

const EXPECTED = 'the JSON of aws lightsail create-container-service-deployment --output json, or service names';

/**
 * Reads the deployments to wait on from standard input's text: what `aws lightsail
 * create-container-service-deployment --output json` prints (`{"containerService": {...}}`; its
 * `nextDeployment.version` is the deployment it started), as do `create-container-service` and
 * `update-container-service`; `get-container-services`' `{"containerServices": [...]}`; an array
 * or a sequence of those; or service names separated by whitespace (each waits on its next
 * deployment). Throws {@link UsageError} naming the problem.
 */
export function parseDeploymentInput(text: string): ContainerDeploymentInput[] {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') throw new UsageError(`stdin is empty: expected ${EXPECTED}`);
  if (!/^[[{]/.test(trimmed)) {
    const names = trimmed.split(/\s+/);
    checkCount(names.length);
    return names.map((name, i) => read(name, `word ${i + 1}`));
  }
  let values: unknown[];
  try {
    values = parseJsonValues(trimmed);
  } catch (error) {
    if (isUsageError(error)) throw error;
    throw new UsageError(`stdin is not valid JSON: ${(error as Error).message.replace(/\s*\n\s*/g, ' ')}`);
  }
  const found: ContainerDeploymentInput[] = [];
  // Top-level documents, and the items of a top-level array: one level, so no recursion.
  const documents = values.flatMap((value, i) =>
    Array.isArray(value)
      ? value.map((item, j) => ({ item: item as unknown, path: `[${j}]` }))
      : [{ item: value, path: i === 0 ? '' : `#${i + 1}` }],
  );
  for (const { item, path } of documents) {
    const record = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    if ('containerService' in record) found.push(read(record, where(path, 'containerService')));
    else if (Array.isArray(record.containerServices)) {
      record.containerServices.forEach((service: unknown, i) => {
        found.push(read({ containerService: service }, where(path, `containerServices[${i}]`)));
      });
    } else {
      throw new UsageError(`stdin JSON ${path === '' ? '' : `${path} `}has no \`containerService\`: expected ${EXPECTED}`);
    }
    checkCount(found.length);
  }
  if (found.length === 0) throw new UsageError(`stdin JSON names no container service: expected ${EXPECTED}`);
  return found;
}

/** The deployments from the command line and from stdin, without repeats (same service and version). */
export function mergeDeployments(
  given: readonly ContainerDeploymentInput[],
  read: readonly ContainerDeploymentInput[],
): ContainerDeploymentInput[] {
  const seen = new Set<string>();
  return [...given, ...read].filter(({ serviceName, version }) => {
    const key = `${serviceName}@${version ?? 'next'}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function read(value: unknown, path: string): ContainerDeploymentInput {
  try {
    return containerServiceDeploymentActive.input(value);
  } catch (error) {
    if (error instanceof TypeError || error instanceof RangeError) throw new UsageError(`stdin ${path}: ${error.message}`);
    throw error;
  }
}

function where(path: string, key: string): string {
  return `JSON ${path === '' ? key : `${path}.${key}`}`;
}

function checkCount(count: number): void {
  if (count > LIMITS.waits) throw new UsageError(`stdin holds more than ${LIMITS.waits} deployments, the most one command waits on`);
}
