import { Buffer } from 'node:buffer';

/**
 * An output's size as GitHub may count it, in bytes: the larger of its UTF-8 size (what
 * `$GITHUB_OUTPUT` holds) and its UTF-16 size (GitHub: "Size is approximated based on UTF-16
 * encoding"), so that a cap holds under either reading. Pure.
 */
export function outputBytes(text: string): number {
  return Math.max(Buffer.byteLength(text, 'utf8'), text.length * 2);
}

/** A JSON array or object that kept some of its members, and whether it left any out. */
export interface FittedJson {
  /** The JSON text: `[` or `{`, the members kept in their order, `]` or `}`. */
  readonly text: string;
  /** How many members it holds. */
  readonly kept: number;
  /** `true` when members were left out to stay under the cap. */
  readonly truncated: boolean;
}

/**
 * The JSON array (`brackets` `[]`) or object (`{}`) of `members` (each one member's JSON text, an
 * object's as `"key":value`) whose {@link outputBytes} is at most `maxBytes`. All of them when
 * they fit; else members taken in `priority` order (indexes into `members`) until the next one
 * does not fit, written in their own order. Pure.
 */
export function fitJson(members: readonly string[], brackets: '[]' | '{}', maxBytes: number, priority?: readonly number[]): FittedJson {
  const whole = `${brackets[0]}${members.join(',')}${brackets[1]}`;
  if (outputBytes(whole) <= maxBytes) return { text: whole, kept: members.length, truncated: false };
  const kept = new Set<number>();
  // Summing each piece's size bounds the whole's: the larger of two sums is at most the sum of the larger of each.
  let used = outputBytes(brackets);
  for (const index of priority ?? members.keys()) {
    const size = outputBytes(members[index] as string) + (kept.size > 0 ? outputBytes(',') : 0);
    if (used + size > maxBytes) break;
    used += size;
    kept.add(index);
  }
  const text = `${brackets[0]}${members.filter((_, index) => kept.has(index)).join(',')}${brackets[1]}`;
  return { text, kept: kept.size, truncated: true };
}
