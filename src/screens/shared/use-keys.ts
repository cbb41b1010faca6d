import { type Key, useInput, useStdin } from 'ink';
import { useCallback, useEffect } from 'react';
import { useBusListener, useKeyBus } from './key-bus.js';
import { type Press, pressesOf } from './keys.js';

/**
 * Hands the presses of each input event to `onPresses`, which must only dispatch
 * (the reducer then sees the latest state even for keys that arrive in one chunk).
 * Listens only while `active`. Under the root's key bus the bus reads stdin; a screen
 * rendered alone (tests) reads it itself, and never asks for raw mode when stdin
 * cannot give it (Ink throws on a pipe; isRawModeSupported is undefined there).
 *
 * Returns `forward`: presses this screen received that belong to the next screen
 * (typed after the key that leaves), handed on instead of dropped.
 */
export function usePresses(
  onPresses: (presses: Press[]) => void,
  active: boolean,
): (presses: readonly Press[]) => void {
  const bus = useKeyBus();
  const { isRawModeSupported } = useStdin();
  const handler = useCallback(
    (input: string, key: Key) => {
      const presses = pressesOf(input, key);
      if (presses.length > 0) onPresses(presses);
    },
    [onPresses],
  );
  useInput(handler, { isActive: !bus && active && isRawModeSupported === true });
  useBusListener(bus, onPresses, active);
  return useCallback((presses) => bus?.forward(onPresses, presses), [bus, onPresses]);
}

/**
 * Hands on a screen's pending presses (typed after the key that left it) as soon as
 * it has any; `done` tells the reducer they went, so it clears them.
 */
export function useForwardPending(
  pending: readonly Press[],
  forward: (presses: readonly Press[]) => void,
  done: () => void,
): void {
  useEffect(() => {
    if (pending.length === 0) return;
    forward(pending);
    done();
  }, [pending, forward, done]);
}

/** The action every screen reducer takes for key presses. */
export interface KeysAction {
  type: 'keys';
  presses: Press[];
}

/**
 * A screen's keys: each input event becomes one `keys` action for its reducer.
 * Returns `forward` (see usePresses) for presses that belong to the next screen.
 */
export function useScreenKeys(
  dispatch: (action: KeysAction) => void,
  active: boolean,
): (presses: readonly Press[]) => void {
  const onPresses = useCallback(
    (presses: Press[]) => dispatch({ type: 'keys', presses }),
    [dispatch],
  );
  return usePresses(onPresses, active);
}
