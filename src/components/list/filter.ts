// Filtering runs on every keystroke over up to 10,000+ names, so callers lower-case
// the names once (lowerNames) and we do a plain indexOf per name: no regex, no
// allocation besides the result array.

/** Lower-cases every name once, for filterIndices. */
export function lowerNames(names: readonly string[]): string[] {
  return names.map((name) => name.toLowerCase());
}

/**
 * Indices of the names containing `query` (case-insensitive substring), in order.
 * An empty query matches everything. Pass the previous result as `within` when the
 * new query extends the old one (the user typed one more character): only those
 * candidates are checked.
 */
export function filterIndices(
  lower: readonly string[],
  query: string,
  within?: readonly number[],
): number[] {
  const needle = query.toLowerCase();
  const out: number[] = [];
  if (within) {
    for (const i of within) {
      const name = lower[i];
      if (name?.includes(needle)) out.push(i);
    }
    return out;
  }
  for (let i = 0; i < lower.length; i++) {
    if (needle === '' || lower[i]!.includes(needle)) out.push(i);
  }
  return out;
}
