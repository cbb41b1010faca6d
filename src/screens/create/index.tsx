import { memo, useEffect, useReducer } from 'react';
import { describeError } from '../../lib/errors.js';
import { sentence } from '../shared/text.js';
import { useScreenKeys } from '../shared/use-keys.js';
import type { ScreenProps } from '../types.js';
import { createReducer, initialCreateState } from './reducer.js';
import { CreateView } from './view.js';

// The vault (and node-forge) load on submit, not before the first frame.
const loadVault = () => import('../../store/vault.js');

/** First run: choose the passphrase, then create the vault. */
export const CreateScreen = memo(function CreateScreen({
  nav,
  session,
  active,
}: ScreenProps<'create'>) {
  const [state, dispatch] = useReducer(createReducer, undefined, initialCreateState);
  useScreenKeys(dispatch, active && state.phase === 'typing');

  useEffect(() => {
    if (state.phase === 'quit') nav.exit({ code: 0 });
  }, [state.phase, nav]);

  // Derivation is asynchronous, so the spinner keeps turning while it runs.
  const { passphrase } = state;
  useEffect(() => {
    if (passphrase === null) return;
    let current = true;
    loadVault()
      .then(({ Vault }) =>
        Vault.create(session.home, passphrase, { iterations: session.iterations }),
      )
      .then(
        (vault) => {
          if (current) nav.unlocked(vault);
          else vault.lock();
        },
        (error: unknown) => {
          if (current)
            dispatch({ type: 'failed', message: sentence(describeError(error).message) });
        },
      );
    return () => {
      current = false;
    };
  }, [passphrase, session.home, session.iterations, nav]);

  return <CreateView state={state} vaultPath={session.vaultPath} />;
});
