import { type Dispatch, useCallback } from 'react';
import type { Press } from '../shared/keys.js';
import { usePresses } from '../shared/use-keys.js';
import type { LaunchAction } from './reducer.js';

export function useLaunchKeys(dispatch: Dispatch<LaunchAction>, active: boolean): void {
  const onPresses = useCallback(
    (presses: Press[]) => dispatch({ type: 'keys', presses }),
    [dispatch],
  );
  usePresses(onPresses, active);
}
