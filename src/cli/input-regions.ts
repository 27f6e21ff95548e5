import { parseJsonValues } from './json-values.js';

// An AWS region name (`us-east-1`, `ap-northeast-2`, `us-gov-west-1`). Domain operations carry
// `regionName: "global"`, which names no region a client can sign for: it is no hint.
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d+$/;

// Where Lightsail JSON nests what carries a `location`: responses of write calls (`operations`,
// `operation`) and of container service calls (`containerService`, `containerServices`).
const NESTED = ['operations', 'operation', 'containerService', 'containerServices'] as const;

/**
 * The regions that the inputs' `location.regionName` fields name, without repeats, sorted: from
 * operations (every Lightsail operation carries `location: { regionName }`), and from the JSON
 * responses they came in, container services included. Only the fields above are read, so a
 * `regionName` elsewhere (a distribution's origin) is not taken for the input's region. Pure.
 */
export function regionsOf(values: readonly unknown[]): string[] {
  const found = new Set<string>();
  // A stack of its own rather than recursion: stdin JSON may nest arrays up to the depth limit.
  const stack: unknown[] = [];
  for (let i = values.length - 1; i >= 0; i--) stack.push(values[i]);
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push(value[i]);
    } else if (typeof value === 'object' && value !== null) {
      const record = value as Record<string, unknown>;
      const location = record.location as { regionName?: unknown } | null | undefined;
      const region = typeof location === 'object' && location !== null ? location.regionName : undefined;
      if (typeof region === 'string' && REGION.test(region)) found.add(region);
      for (const key of NESTED) if (record[key] !== undefined) stack.push(record[key]);
    }
  }
  return [...found].sort();
}

/**
 * {@link regionsOf} the JSON documents in stdin's `text`; none for text that is not JSON (names,
 * ids) or does not parse (reading it reports that). Pure.
 */
export function regionsInJson(text: string): string[] {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (!/^[[{]/.test(trimmed)) return [];
  try {
    return regionsOf(parseJsonValues(trimmed));
  } catch {
    return [];
  }
}
