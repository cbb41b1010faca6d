import { type Key, useInput, useStdin } from 'ink';
import { useCallback } from 'react';
import { type Press, pressesOf } from './keys.js';

/**
 * Hands the presses of each input event to `onPresses`, which must only dispatch
 * (the reducer then sees the latest state even for keys that arrive in one chunk).
 * Listens only while `active`, and never asks for raw mode when stdin cannot give it
 * (Ink throws on a pipe; isRawModeSupported is undefined there, not false).
 */
export function usePresses(onPresses: (presses: Press[]) => void, active: boolean): void {
  const { isRawModeSupported } = useStdin();
  const handler = useCallback(
    (input: string, key: Key) => {
      const presses = pressesOf(input, key);
      if (presses.length > 0) onPresses(presses);
    },
    [onPresses],
  );
  useInput(handler, { isActive: active && isRawModeSupported === true });
}

/** The action every screen reducer takes for key presses. */
export interface KeysAction {
  type: 'keys';
  presses: Press[];
}

/** A screen's keys: each input event becomes one `keys` action for its reducer. */
export function useScreenKeys(dispatch: (action: KeysAction) => void, active: boolean): void {
  const onPresses = useCallback(
    (presses: Press[]) => dispatch({ type: 'keys', presses }),
    [dispatch],
  );
  usePresses(onPresses, active);
}
