// "Delete NAME? y/N": only y (or Y) deletes; any other key goes back. The removal
// runs in the container's effect.
import { type Press, singleKeys } from '../shared/keys.js';

export interface DeleteState {
  phase: 'asking' | 'deleting' | 'failed' | 'back';
  error: string | null;
}

export type DeleteAction = { type: 'keys'; presses: Press[] } | { type: 'failed'; message: string };

export const initialDeleteState: DeleteState = { phase: 'asking', error: null };

function press(state: DeleteState, p: Press): DeleteState {
  if (state.phase === 'failed') return { ...state, phase: 'back' };
  if (state.phase !== 'asking') return state;
  const yes = p.type === 'text' && (p.text === 'y' || p.text === 'Y');
  return { ...state, phase: yes ? 'deleting' : 'back' };
}

export function deleteReducer(state: DeleteState, action: DeleteAction): DeleteState {
  switch (action.type) {
    case 'keys':
      // One answer per question: "yy" or "ny" in one chunk is decided by its first key.
      return singleKeys(action.presses).reduce(press, state);
    case 'failed':
      return { phase: 'failed', error: action.message };
  }
}
