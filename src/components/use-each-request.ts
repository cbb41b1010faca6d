import { useEffect, useRef } from 'react';

/**
 * Carries out each request a reducer raised exactly once. Key handlers only
 * dispatch; the side effect (navigation, a write, a callback) runs here, after React
 * committed the state, so keys that arrive in one chunk act on the latest state. The
 * id guard keeps an effect that runs again (StrictMode, a new handler) from
 * repeating it.
 */
export function useEachRequest<R extends { id: number }>(
  request: R | null | undefined,
  handle: (request: R) => void,
): void {
  const latest = useRef(handle);
  useEffect(() => {
    latest.current = handle;
  });
  const handled = useRef(0);
  useEffect(() => {
    if (!request || handled.current === request.id) return;
    handled.current = request.id;
    latest.current(request);
  }, [request]);
}
