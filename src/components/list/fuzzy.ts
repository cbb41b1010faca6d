// Fuzzy matching for the filter (issue 12, feature 5), on fuzzysort: zero
// dependencies, SublimeText-style scoring, a few milliseconds over 10,000 names, and
// the matched character positions for highlighting. It loads on first use (dynamic
// import, off the first frame); until then the filter matches substrings.
// Used by the home screen's and the mappings screen's filters.
import { safeLine } from '../../lib/safe-text.js';
import { filterIndices } from './filter.js';

/** How the filter matches names: `filter` picks and orders, `marks` says what to highlight. */
export interface Matcher {
  /** Indices into `names` that match `query`, best first; `within` limits the candidates. */
  filter(names: readonly string[], query: string, within?: readonly number[]): number[];
  /** Positions in `name` of the characters `query` matched (empty: none). */
  marks(name: string, query: string): readonly number[];
}

const positions = new WeakMap<readonly string[], Map<string, number[]>>();

/** name -> its indices (more than one when a name is listed twice), built once per list. */
function indexOf(names: readonly string[]): Map<string, number[]> {
  let map = positions.get(names);
  if (!map) {
    map = new Map();
    names.forEach((name, i) => {
      const at = map!.get(name);
      if (at) at.push(i);
      else map!.set(name, [i]);
    });
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
      // A name listed twice matches twice: each result takes the next of its indices
      // (`within`, a previous result, holds all of a name's indices or none).
      const taken = new Map<string, number>();
      return fuzzysort
        .go(query, targets, { limit: 0, threshold: 0 })
        .map((r) => {
          const all = at.get(r.target)!;
          if (all.length === 1) return { index: all[0]!, score: r.score };
          const n = taken.get(r.target) ?? 0;
          taken.set(r.target, n + 1);
          return { index: all[n]!, score: r.score };
        })
        .sort((a, b) => b.score - a.score || a.index - b.index)
        .map((r) => r.index);
    },
    marks(name, query) {
      return fuzzysort.single(query, name)?.indexes ?? [];
    },
  };
}

/**
 * Indices of `names` matching `query`: fuzzily, best first, once the matcher has
 * loaded; before that as substrings of `lower` (the names lower-cased, lowerNames).
 * An empty query matches every name, in order.
 */
export function matchNames(
  matcher: Matcher | undefined,
  names: readonly string[],
  lower: readonly string[],
  query: string,
  within?: readonly number[],
): number[] {
  return matcher && query !== ''
    ? matcher.filter(names, query, within)
    : filterIndices(lower, query, within);
}

const NONE: readonly number[] = [];

/** The characters of `name` to highlight for `query`; none for a name the sanitizer changes. */
export function marksOf(
  matcher: Matcher | undefined,
  name: string,
  query: string,
): readonly number[] {
  return query && matcher && safeLine(name) === name ? matcher.marks(name, query) : NONE;
}
