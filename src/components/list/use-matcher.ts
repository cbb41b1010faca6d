// Loads the fuzzy matcher after the first frame and hands it to `loaded` (a
// screen's dispatch, wrapped); until then the screen's filter matches substrings.
import { useEffect } from 'react';
import { loadMatcher, type Matcher } from './fuzzy.js';

export function useMatcher(loaded: (matcher: Matcher) => void): void {
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      loadMatcher().then(
        (matcher) => {
          if (current) loaded(matcher);
        },
        () => {},
      );
    }, 0);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [loaded]);
}
