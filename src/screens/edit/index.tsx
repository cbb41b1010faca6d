import { memo, useEffect, useReducer } from 'react';
import { describeError } from '../../lib/errors.js';
import { sentence } from '../shared/text.js';
import { useScreenKeys } from '../shared/use-keys.js';
import type { ScreenProps } from '../types.js';
import { readValueFile } from './file-value.js';
import { editReducer, initialEditState } from './reducer.js';
import { EditView } from './view.js';

/** Add a secret (no name in the route) or give an existing one a new value. */
export const EditScreen = memo(function EditScreen({
  route,
  nav,
  session,
  active,
}: ScreenProps<'edit'>) {
  const { vault } = session;
  const [state, dispatch] = useReducer(editReducer, undefined, () =>
    initialEditState(route.name, new Set(vault?.list().map((s) => s.name))),
  );
  useScreenKeys(dispatch, active && state.phase === 'typing');

  useEffect(() => {
    if (state.phase === 'cancel') nav.pop();
  }, [state.phase, nav]);

  const { generate } = state;
  useEffect(() => {
    if (generate === 0) return;
    let current = true;
    import('../../lib/generate.js')
      .then((g) => g.generate({}))
      .then((value) => current && dispatch({ type: 'generated', value }));
    return () => {
      current = false;
    };
  }, [generate]);

  const { save, mode } = state;
  useEffect(() => {
    if (!save || !vault) return;
    let current = true;
    const write = async () => {
      const { source } = save;
      const value = source.kind === 'file' ? await readValueFile(source.path) : source.value;
      await vault.write([[save.name, value]], mode === 'add' ? 'add' : 'replace');
    };
    write().then(
      () => {
        if (!current) return;
        const notice =
          mode === 'add' ? `Added ${save.name}` : `Saved the new value of ${save.name}`;
        nav.changed({ select: save.name, notice });
        nav.pop();
      },
      (error: unknown) => {
        if (current) dispatch({ type: 'failed', message: sentence(describeError(error).message) });
      },
    );
    return () => {
      current = false;
    };
  }, [save, mode, vault, nav]);

  return <EditView state={state} vaultPath={session.vaultPath} />;
});
