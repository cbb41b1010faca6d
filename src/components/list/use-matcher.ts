// Loads the fuzzy matcher after the first frame and hands it to `loaded` (a
// screen's dispatch, wrapped); until then the screen's filter matches substrings.
// Once the screen holds it (`matcher`), `names` are prepared for it while the screen
// is idle, so the first filter keystroke does not pay for preparing 10,000 names.
import { useEffect } from 'react';
import { loadMatcher, type Matcher } from './fuzzy.js';

export function useMatcher(
  matcher: Matcher | undefined,
  loaded: (matcher: Matcher) => void,
  names: readonly string[],
): void {
  const missing = matcher === undefined;
  useEffect(() => {
    if (!missing) return;
    let current = true;
    const timer = setTimeout(() => {
      loadMatcher().then(
        (m) => {
          if (current) loaded(m);
        },
        () => {},
      );
    }, 0);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [missing, loaded]);
  useEffect(() => {
    if (!matcher) return;
    const timer = setTimeout(() => matcher.prepare(names), 0);
    return () => clearTimeout(timer);
  }, [matcher, names]);
}
