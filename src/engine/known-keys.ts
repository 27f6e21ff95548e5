/** Edit distance between two short strings (option names): insertions, deletions, substitutions. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The known name closest to `name`, when it is close enough to be a likely typo (or a unit left off). */
export function closestName(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  let best: { name: string; score: number } | undefined;
  for (const candidate of known) {
    const c = candidate.toLowerCase();
    // `timeout` for `timeoutMs`: the unit left off is the commonest slip.
    // `abortSignal` for `signal`: the SDK's name for the same thing.
    const score = c.startsWith(lower) || lower.startsWith(c) || lower.endsWith(c) ? 0 : distance(lower, c);
    if (best === undefined || score < best.score) best = { name: candidate, score };
  }
  return best !== undefined && best.score <= Math.max(2, Math.floor(name.length / 3)) ? best.name : undefined;
}

/**
 * Throws a `TypeError` for the first key of `options` that is not in `known`: a misspelled option
 * (`{ timeout: 5000 }`) would otherwise be ignored without a word. Suggests the closest name.
 */
export function assertKnownKeys(name: string, options: object, known: readonly string[]): void {
  for (const key of Object.keys(options)) {
    if (known.includes(key)) continue;
    const suggestion = closestName(key, known);
    throw new TypeError(
      `Unknown option \`${key}\` in \`${name}\`${suggestion ? `; did you mean \`${suggestion}\`?` : ''} (known: ${known.join(', ')})`,
    );
  }
}
