import { memo, useCallback, useEffect, useReducer } from 'react';
import { DamagedError, describeError, LockedError } from '../../lib/errors.js';
import { listSecrets } from '../../store/vault-names.js';
import { sentence } from '../shared/text.js';
import { useForwardPending, useScreenKeys } from '../shared/use-keys.js';
import type { ScreenProps } from '../types.js';
import { initialUnlockState, unlockReducer } from './reducer.js';
import { UnlockView } from './view.js';

// The vault (and node-forge) load on the first attempt, not before the first frame.
const loadVault = () => import('../../store/vault.js');

/** Asks for the passphrase; on success the root shows the secrets. */
export const UnlockScreen = memo(function UnlockScreen({
  route,
  nav,
  session,
  active,
}: ScreenProps<'unlock'>) {
  const [state, dispatch] = useReducer(unlockReducer, route.passphrase, initialUnlockState);
  const forward = useScreenKeys(
    dispatch,
    active && (state.phase === 'typing' || state.phase === 'damaged'),
  );
  // Typed after Enter: they wait for the next screen that listens (home, or this one
  // again after a wrong passphrase, where they are the next try).
  const forwarded = useCallback(() => dispatch({ type: 'forwarded' }), []);
  useForwardPending(state.pending, forward, forwarded);

  // A file that does not even parse is reported before any passphrase is typed.
  useEffect(() => {
    try {
      listSecrets(session.home);
    } catch (error) {
      if (error instanceof DamagedError) {
        dispatch({ type: 'damaged', damage: { message: error.message, hint: error.hint } });
      }
    }
  }, [session.home]);

  const { attempt, phase, damage } = state;
  useEffect(() => {
    if (attempt === null) return;
    let current = true;
    loadVault()
      .then(({ Vault }) => Vault.unlock(session.home, attempt))
      .then(
        (vault) => {
          if (current) nav.unlocked(vault);
          else vault.lock();
        },
        (error: unknown) => {
          if (!current) return;
          if (error instanceof LockedError) dispatch({ type: 'wrong' });
          else if (error instanceof DamagedError) {
            dispatch({ type: 'damaged', damage: { message: error.message, hint: error.hint } });
          } else dispatch({ type: 'failed', message: sentence(describeError(error).message) });
        },
      );
    return () => {
      current = false;
    };
  }, [attempt, session.home, nav]);

  useEffect(() => {
    if (phase === 'quit') nav.exit({ code: 0 });
    if (phase === 'leave' && damage) {
      const hint = damage.hint ? `\n  ${damage.hint}` : '';
      nav.exit({ code: 4, message: `${damage.message} (${session.vaultPath})${hint}` });
    }
  }, [phase, damage, nav, session.vaultPath]);

  return <UnlockView state={state} vaultPath={session.vaultPath} notice={route.notice} />;
});
