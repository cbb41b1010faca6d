import { memo, useEffect, useReducer, useState } from 'react';
import { describeError } from '../../lib/errors.js';
import { sentence } from '../shared/text.js';
import { useScreenKeys } from '../shared/use-keys.js';
import type { ScreenProps } from '../types.js';
import { deleteReducer, initialDeleteState } from './reducer.js';
import { DeleteView } from './view.js';

/** Asks before deleting one secret. */
export const DeleteScreen = memo(function DeleteScreen({
  route,
  nav,
  session,
  active,
}: ScreenProps<'delete'>) {
  const { vault } = session;
  const [state, dispatch] = useReducer(deleteReducer, initialDeleteState);
  useScreenKeys(dispatch, active && (state.phase === 'asking' || state.phase === 'failed'));

  const { phase } = state;
  useEffect(() => {
    if (phase === 'back') nav.pop();
    if (phase !== 'deleting' || !vault) return;
    let current = true;
    vault.remove([route.name]).then(
      () => {
        if (!current) return;
        nav.changed({ notice: `Deleted ${route.name}` });
        nav.pop();
      },
      (error: unknown) => {
        if (current) dispatch({ type: 'failed', message: sentence(describeError(error).message) });
      },
    );
    return () => {
      current = false;
    };
  }, [phase, vault, nav, route.name]);

  const [updatedAt] = useState(() => vault?.list().find((s) => s.name === route.name)?.updatedAt);
  return (
    <DeleteView
      state={state}
      name={route.name}
      updatedAt={updatedAt}
      vaultPath={session.vaultPath}
    />
  );
});
