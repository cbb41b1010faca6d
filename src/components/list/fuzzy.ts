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
  /** Readies `names` for filter ahead of the first keystroke (done on first use anyway). */
  prepare(names: readonly string[]): void;
}

type Prepared = ReturnType<FuzzySort['prepare']>;
type FuzzySort = typeof import('fuzzysort').default;

/** A name prepared for fuzzysort once, with its index: results name their row directly. */
interface Target {
  index: number;
  prepared: Prepared;
}

// Preparing 10,000 names takes a few milliseconds: once per list, not per keystroke.
const prepared = new WeakMap<readonly string[], Target[]>();

function targetsOf(fuzzysort: FuzzySort, names: readonly string[]): Target[] {
  let targets = prepared.get(names);
  if (!targets) {
    targets = names.map((name, index) => ({ index, prepared: fuzzysort.prepare(name) }));
    prepared.set(names, targets);
  }
  return targets;
}

/** A result as fuzzysort 4 builds it: `_score` is the raw score that `score` rescales. */
interface Found {
  obj: Target;
  score: number;
  _score?: number;
}

/**
 * The results' indices, best first; equal scores keep the list's order. fuzzysort
 * returns them best first but ties in no set order, so only each run of equal
 * scores is sorted. The raw score orders and ties exactly as `score` does (which
 * rescales it with two powers per read: a millisecond over 10,000 results).
 */
function inListOrder(results: readonly Found[]): number[] {
  const n = results.length;
  const indices: number[] = new Array(n);
  let from = 0;
  let score = 0;
  for (let k = 0; k < n; k++) {
    const r = results[k]!;
    indices[k] = r.obj.index;
    const next = r._score ?? r.score;
    if (k > 0 && next !== score) {
      if (k - from > 1) sortRun(indices, from, k);
      from = k;
    }
    score = next;
  }
  if (n - from > 1) sortRun(indices, from, n);
  return indices;
}

function sortRun(indices: number[], from: number, to: number): void {
  const run = Int32Array.from(indices.slice(from, to)).sort();
  for (let k = from; k < to; k++) indices[k] = run[k - from]!;
}

export async function loadMatcher(): Promise<Matcher> {
  const { default: fuzzysort } = await import('fuzzysort');
  return {
    filter(names, query, within) {
      const all = targetsOf(fuzzysort, names);
      const targets = within ? within.map((i) => all[i]!) : all;
      // threshold 0: every name holding the letters in order matches.
      return inListOrder(fuzzysort.go(query, targets, { key: 'prepared', limit: 0, threshold: 0 }));
    },
    marks(name, query) {
      return fuzzysort.single(query, name)?.indexes ?? [];
    },
    prepare(names) {
      targetsOf(fuzzysort, names);
    },
  };
}

// The results of the current query's prefixes (and of longer queries it was cut back
// from), per name list: Backspace or Ctrl+W costs nothing, and one more character
// searches only the previous matches. A query typed afresh drops the rest, so this
// holds at most one chain of the field's length. Results depend on nothing else, so
// sharing them is safe.
interface Memo {
  fuzzy: boolean;
  results: Map<string, readonly number[]>;
}
const memos = new WeakMap<readonly string[], Memo>();

function memoOf(names: readonly string[], fuzzy: boolean, query: string): Memo['results'] {
  let memo = memos.get(names);
  if (!memo || memo.fuzzy !== fuzzy) {
    memo = { fuzzy, results: new Map() };
    memos.set(names, memo);
  }
  for (const known of memo.results.keys())
    if (!query.startsWith(known) && !known.startsWith(query)) memo.results.delete(known);
  return memo.results;
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
): readonly number[] {
  const memo = memoOf(names, matcher !== undefined, query);
  const known = memo.get(query);
  if (known) return known;
  // Every match of a query also matches its prefixes: search the longest one's only.
  let within: readonly number[] | undefined;
  for (let end = query.length - 1; end > 0 && !within; end--)
    within = memo.get(query.slice(0, end));
  const shown =
    matcher && query !== ''
      ? matcher.filter(names, query, within)
      : filterIndices(lower, query, within);
  memo.set(query, shown);
  return shown;
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
