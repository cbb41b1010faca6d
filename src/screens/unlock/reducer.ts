// Unlock: one masked field. A wrong passphrase is said plainly and the field is
// ready again; a damaged vault ends the session (exit 4) after the user has read why.
import { type TextState, textState } from '../../components/input/text-state.js';
import { editField } from '../shared/field.js';
import type { Press } from '../shared/keys.js';

export interface Damage {
  message: string;
  hint?: string;
}

export interface UnlockState {
  field: TextState;
  /** typing → unlocking (effect) → the root's home; damaged → leave (exit 4); quit (exit 0). */
  phase: 'typing' | 'unlocking' | 'damaged' | 'leave' | 'quit';
  /** The passphrase being tried, while unlocking. */
  attempt: string | null;
  error: string | null;
  damage: Damage | null;
  /** Typed after Enter in the same burst: for the home screen, or the next try. */
  pending: Press[];
}

export type UnlockAction =
  | { type: 'keys'; presses: Press[] }
  | { type: 'wrong' }
  | { type: 'damaged'; damage: Damage }
  | { type: 'failed'; message: string }
  /** The pending presses went on (to home, or back here once typing again). */
  | { type: 'forwarded' };

export const WRONG = 'Wrong passphrase. Try again (it is case-sensitive).';

/** `passphrase` (LSEC_PASSPHRASE) is tried at once, with no typing. */
export function initialUnlockState(passphrase?: string): UnlockState {
  const auto = passphrase !== undefined && passphrase !== '';
  return {
    field: textState(),
    phase: auto ? 'unlocking' : 'typing',
    attempt: auto ? passphrase : null,
    error: null,
    damage: null,
    pending: [],
  };
}

function press(state: UnlockState, p: Press): UnlockState {
  if (state.phase === 'damaged') return { ...state, phase: 'leave' };
  if (state.phase === 'unlocking') return { ...state, pending: [...state.pending, p] };
  if (state.phase !== 'typing') return state;
  if (p.type === 'escape') return { ...state, phase: 'quit' };
  if (p.type === 'enter') {
    if (state.field.value === '') return { ...state, error: 'Type the passphrase, then Enter.' };
    return { ...state, phase: 'unlocking', attempt: state.field.value, error: null };
  }
  const field = editField(state.field, p, true);
  if (!field || field === state.field) return state;
  return { ...state, field, error: null };
}

export function unlockReducer(state: UnlockState, action: UnlockAction): UnlockState {
  switch (action.type) {
    case 'keys':
      return action.presses.reduce(press, state);
    case 'wrong':
      return { ...state, phase: 'typing', attempt: null, field: textState(), error: WRONG };
    case 'failed':
      return {
        ...state,
        phase: 'typing',
        attempt: null,
        field: textState(),
        error: action.message,
      };
    case 'forwarded':
      return state.pending.length > 0 ? { ...state, pending: [] } : state;
    case 'damaged':
      return {
        ...state,
        phase: 'damaged',
        attempt: null,
        field: textState(),
        damage: action.damage,
      };
  }
}
