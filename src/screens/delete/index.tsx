import { memo, useEffect, useReducer, useState } from 'react';
import { findSecret } from '../../cloud/secrets.js';
import { describeError } from '../../lib/errors.js';
import { sentence } from '../shared/text.js';
import { useScreenKeys } from '../shared/use-keys.js';
import type { ScreenProps } from '../types.js';
import { deleteCloudCopy } from './cloud.js';
import { deleteReducer, initialDeleteState } from './reducer.js';
import { DeleteView } from './view.js';

/** Asks before deleting one secret, and whether its cloud copy goes too. */
export const DeleteScreen = memo(function DeleteScreen({
  route,
  nav,
  session,
  active,
}: ScreenProps<'delete'>) {
  const { vault, cloud } = session;
  // The cloud copy as last listed; fixed when the screen opens, so the question
  // asked is the one answered.
  const [cloudCopy] = useState(() => findSecret(cloud?.remote ?? [], route.name));
  const [state, dispatch] = useReducer(deleteReducer, cloudCopy !== undefined, initialDeleteState);
  const asking = state.phase === 'asking' || state.phase === 'asking-cloud';
  useScreenKeys(dispatch, active && (asking || state.phase === 'failed'));

  const { phase, alsoCloud } = state;
  useEffect(() => {
    if (phase === 'back') nav.pop();
    if (phase !== 'deleting' || !vault) return;
    let current = true;
    // The cloud copy goes first: when that fails, nothing has changed yet.
    const cloudDone =
      alsoCloud && cloud && cloudCopy
        ? deleteCloudCopy(cloud, cloudCopy.id)
        : Promise.resolve(undefined);
    cloudDone
      .then((where) =>
        vault.remove([route.name]).then(() => {
          if (!current) return;
          const also = where ? ` and its cloud copy in ${where}` : '';
          nav.changed({ notice: `Deleted ${route.name}${also} (u undoes it)` });
          nav.pop();
        }),
      )
      .catch((error: unknown) => {
        if (current) dispatch({ type: 'failed', message: sentence(describeError(error).message) });
      });
    return () => {
      current = false;
    };
  }, [phase, alsoCloud, vault, cloud, cloudCopy, nav, route.name]);

  const [updatedAt] = useState(() => vault?.list().find((s) => s.name === route.name)?.updatedAt);
  return (
    <DeleteView
      state={state}
      name={route.name}
      updatedAt={updatedAt}
      project={cloud?.project}
      vaultPath={session.vaultPath}
    />
  );
});
