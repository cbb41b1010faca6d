import { useEffect, useReducer } from 'react';
import { useKeyBus } from './key-bus.js';
import { isCtrlC, type Press } from './keys.js';

interface WatchState {
  /** Counts input events; each one restarts the idle timer. */
  activity: number;
  interrupted: boolean;
}

export function watchReducer(state: WatchState, presses: Press[]): WatchState {
  return { activity: state.activity + 1, interrupted: state.interrupted || presses.some(isCtrlC) };
}

// setTimeout fires at once for delays past 2^31 - 1 ms (about 24.8 days).
const MAX_DELAY = 2 ** 31 - 1;

export interface WatchdogProps {
  /** Milliseconds without a key before onIdle; 0 = never. */
  idleMs: number;
  onIdle: () => void;
  /** Ctrl+C, on any screen. */
  onInterrupt: () => void;
}

/**
 * The keys every screen shares, outside every screen: Ctrl+C and idle time. A leaf
 * of its own, so a key press re-renders only this, not the screens.
 */
export function Watchdog({ idleMs, onIdle, onInterrupt }: WatchdogProps) {
  const [state, dispatch] = useReducer(watchReducer, { activity: 0, interrupted: false });
  // It sees every press without taking any from the screen that listens.
  const bus = useKeyBus();
  useEffect(() => bus?.observe(dispatch), [bus]);

  useEffect(() => {
    if (state.interrupted) onInterrupt();
  }, [state.interrupted, onInterrupt]);

  const { activity } = state;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `activity` restarts the wait on every key
  useEffect(() => {
    if (!(idleMs > 0)) return;
    const timer = setTimeout(onIdle, Math.min(idleMs, MAX_DELAY));
    return () => clearTimeout(timer);
  }, [idleMs, onIdle, activity]);

  return null;
}
