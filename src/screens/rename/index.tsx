import { memo, useEffect, useReducer } from 'react';
import { describeError } from '../../lib/errors.js';
import { sentence } from '../shared/text.js';
import { useScreenKeys } from '../shared/use-keys.js';
import type { ScreenProps } from '../types.js';
import { initialRenameState, renameReducer } from './reducer.js';
import { RenameView } from './view.js';

/** Renames a secret in the vault, then every mapping to it in the project file. */
export const RenameScreen = memo(function RenameScreen({
  route,
  nav,
  session,
  active,
}: ScreenProps<'rename'>) {
  const { vault, projectDir } = session;
  const [state, dispatch] = useReducer(renameReducer, undefined, () =>
    initialRenameState(route.name, new Set(vault?.list().map((s) => s.name))),
  );
  useScreenKeys(dispatch, active && state.phase === 'typing');

  useEffect(() => {
    if (state.phase === 'cancel') nav.pop();
  }, [state.phase, nav]);

  const saving = state.phase === 'saving';
  const { from } = state;
  const to = state.name.value;
  useEffect(() => {
    if (!saving || !vault) return;
    let current = true;
    const rename = async () => {
      await vault.rename(from, to);
      // The project file's writer is loaded on demand: it pulls in conf.
      const { renameSecretInProject } = await import('../../store/project-write.js');
      try {
        return renameSecretInProject(projectDir, from, to);
      } catch (error) {
        throw new Error(
          `Renamed ${from} to ${to}, but .lsec.json was not updated: ${describeError(error).message}`,
        );
      }
    };
    rename().then(
      (mapped) => {
        if (!current) return;
        const follow =
          mapped > 0 ? `; ${mapped} mapping${mapped === 1 ? ' follows' : 's follow'}` : '';
        nav.changed({ select: to, notice: `Renamed ${from} to ${to}${follow}` });
        nav.pop();
      },
      (error: unknown) => {
        if (current) dispatch({ type: 'failed', message: sentence(describeError(error).message) });
      },
    );
    return () => {
      current = false;
    };
  }, [saving, vault, from, to, projectDir, nav]);

  return <RenameView state={state} vaultPath={session.vaultPath} />;
});
