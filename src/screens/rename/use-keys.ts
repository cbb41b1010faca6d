import { type Dispatch, useCallback } from 'react';
import type { Press } from '../shared/keys.js';
import { usePresses } from '../shared/use-keys.js';
import type { RenameAction } from './reducer.js';

export function useRenameKeys(dispatch: Dispatch<RenameAction>, active: boolean): void {
  const onPresses = useCallback(
    (presses: Press[]) => dispatch({ type: 'keys', presses }),
    [dispatch],
  );
  usePresses(onPresses, active);
}
