import { type Key, useInput, useStdin } from 'ink';
import { type Dispatch, useCallback, useReducer } from 'react';
import {
  fitList,
  initialListState,
  type ListAction,
  type ListState,
  listReducer,
} from './list-state.js';

/** Maps a key to a list movement: arrows, j/k, PgUp/PgDn, Home/End. Null for other keys. */
export function listActionForKey(input: string, key: Key): ListAction | null {
  if (key.upArrow || (input === 'k' && !key.ctrl && !key.meta)) return { type: 'up' };
  if (key.downArrow || (input === 'j' && !key.ctrl && !key.meta)) return { type: 'down' };
  if (key.pageUp) return { type: 'pageUp' };
  if (key.pageDown) return { type: 'pageDown' };
  if (key.home) return { type: 'home' };
  if (key.end) return { type: 'end' };
  return null;
}

export interface WindowedListOptions {
  /** Items in the list now; a change (filtering, deletion) re-clamps the cursor. */
  count: number;
  /** Item rows available now (see rowsFor); a change keeps the cursor visible. */
  height: number;
  /** Listen for movement keys; pass false when another part of the screen has focus. */
  isActive?: boolean;
}

/**
 * Reducer-backed cursor/offset for a WindowedList, with the movement keys wired.
 * Other keys (Enter, `d`, …) stay with the screen, which reads `state.cursor`.
 */
export function useWindowedList({ count, height, isActive = true }: WindowedListOptions): {
  state: ListState;
  dispatch: Dispatch<ListAction>;
} {
  const [state, dispatch] = useReducer(listReducer, undefined, () =>
    initialListState(count, height),
  );
  // Adjusting state during render (React's "derived state" pattern) avoids one frame
  // that shows a stale cursor past the end of a freshly filtered list.
  // Compare normalized values, or a fractional height would dispatch on every render.
  const fitted = fitList({ ...state, count, height });
  if (fitted.count !== state.count) dispatch({ type: 'setCount', count });
  if (fitted.height !== state.height) dispatch({ type: 'setHeight', height });

  const { isRawModeSupported } = useStdin();
  // Only dispatch here, so the handler is stable and never sees stale state (pitfall C′).
  const onKey = useCallback((input: string, key: Key) => {
    const action = listActionForKey(input, key);
    if (action) dispatch(action);
  }, []);
  // Ink throws when raw mode is requested on a pipe; isRawModeSupported is undefined there.
  useInput(onKey, { isActive: isActive && isRawModeSupported === true });
  return { state, dispatch };
}
