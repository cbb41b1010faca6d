// Fuzzy matching for the filter (issue 12, feature 5), on fuzzysort: zero
// dependencies, SublimeText-style scoring, a few milliseconds over 10,000 names, and
// the matched character positions for highlighting. It loads on first use (dynamic
// import, off the first frame); until then the filter matches substrings.

/** How the filter matches names: `filter` picks and orders, `marks` says what to highlight. */
export interface Matcher {
  /** Indices into `names` that match `query`, best first; `within` limits the candidates. */
  filter(names: readonly string[], query: string, within?: readonly number[]): number[];
  /** Positions in `name` of the characters `query` matched (empty: none). */
  marks(name: string, query: string): readonly number[];
}

const positions = new WeakMap<readonly string[], Map<string, number>>();

/** name -> index, built once per list of names. */
function indexOf(names: readonly string[]): Map<string, number> {
  let map = positions.get(names);
  if (!map) {
    map = new Map(names.map((name, i) => [name, i]));
    positions.set(names, map);
  }
  return map;
}

export async function loadMatcher(): Promise<Matcher> {
  const { default: fuzzysort } = await import('fuzzysort');
  return {
    filter(names, query, within) {
      const targets = within ? within.map((i) => names[i]!) : names;
      const at = indexOf(names);
      // threshold 0: every name holding the letters in order matches. Best first;
      // equal scores keep the list's order (fuzzysort's own order is not stable).
      return fuzzysort
        .go(query, targets, { limit: 0, threshold: 0 })
        .map((r) => ({ index: at.get(r.target)!, score: r.score }))
        .sort((a, b) => b.score - a.score || a.index - b.index)
        .map((r) => r.index);
    },
    marks(name, query) {
      return fuzzysort.single(query, name)?.indexes ?? [];
    },
  };
}
