// Loads the fuzzy matcher after the first frame and hands it to `loaded` (a
// screen's dispatch, wrapped); until then the screen's filter matches substrings.
// Once loaded, `names` are prepared for it while the screen is idle, so the first
// filter keystroke does not pay for preparing 10,000 names.
import { useEffect, useState } from 'react';
import { loadMatcher, type Matcher } from './fuzzy.js';

export function useMatcher(loaded: (matcher: Matcher) => void, names: readonly string[]): void {
  const [matcher, setMatcher] = useState<Matcher>();
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      loadMatcher().then(
        (m) => {
          if (!current) return;
          setMatcher(() => m);
          loaded(m);
        },
        () => {},
      );
    }, 0);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [loaded]);
  useEffect(() => {
    if (!matcher) return;
    const timer = setTimeout(() => matcher.prepare(names), 0);
    return () => clearTimeout(timer);
  }, [matcher, names]);
}
