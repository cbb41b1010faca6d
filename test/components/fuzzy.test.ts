import { beforeAll, describe, expect, it } from 'vitest';
import { lowerNames } from '../../src/components/list/filter.js';
import { loadMatcher, type Matcher, matchNames } from '../../src/components/list/fuzzy.js';

let matcher: Matcher;
beforeAll(async () => {
  matcher = await loadMatcher();
});

/** A search with nothing remembered: a fresh copy of the names is a list never seen. */
function fresh(names: readonly string[], query: string, fuzzy = true): readonly number[] {
  const copy = [...names];
  return matchNames(fuzzy ? matcher : undefined, copy, lowerNames(copy), query);
}

describe('matchNames', () => {
  it('puts the best match first and keeps the list order among equal scores', () => {
    const names = ['DB_TOKEN_B', 'TOKEN', 'DB_TOKEN_A', 'MY_TOKEN_X', 'OTHER'];
    const shown = fresh(names, 'token');
    expect(shown[0]).toBe(1);
    // The three longer names score alike: they come in the list's order.
    const rest = shown.slice(1);
    expect(rest).toHaveLength(3);
    expect(rest).toEqual([...rest].sort((a, b) => a - b));
    expect(shown).not.toContain(4);
  });

  it('matches letters in order, not only substrings, once the matcher is loaded', () => {
    const names = ['SECRET_KEY', 'OPENAI_API_KEY'];
    expect(fresh(names, 'sck')).toEqual([0]);
    expect(fresh(names, 'sck', false)).toEqual([]);
  });

  it('lists a name held twice at both of its places', () => {
    const names = ['A_KEY', 'B', 'A_KEY'];
    expect([...fresh(names, 'akey')].sort()).toEqual([0, 2]);
  });

  it('gives while typing, Backspace and a new query what a fresh search gives', () => {
    const names = Array.from({ length: 3000 }, (_, i) =>
      i % 3 === 0 ? `SECRET_${i}` : i % 3 === 1 ? `SERVICE_${i}_TOKEN` : `CERT_${i}`,
    );
    const lower = lowerNames(names);
    const steps = 's se sec sec1 sec12 sec1 sec sect se c ce cer'.split(' ');
    for (const fuzzy of [false, true]) {
      const m = fuzzy ? matcher : undefined;
      for (const query of steps)
        expect(
          matchNames(m, names, lower, query),
          `${fuzzy ? 'fuzzy' : 'substring'} "${query}"`,
        ).toEqual(fresh(names, query, fuzzy));
    }
  });
});
