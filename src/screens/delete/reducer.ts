// "Delete NAME? y/N": only y (or Y) deletes; any other key goes back. When the cloud
// holds a copy, a second question follows: y deletes it too, n keeps it (the vault
// copy still goes), any other key cancels both. The removal runs in the container's
// effect.
import { type Press, singleKeys } from '../shared/keys.js';

export interface DeleteState {
  phase: 'asking' | 'asking-cloud' | 'deleting' | 'failed' | 'back';
  error: string | null;
  /** The cloud lists a secret of this name (known when the screen opened). */
  cloudCopy: boolean;
  /** The answer to the second question. */
  alsoCloud: boolean;
}

export type DeleteAction = { type: 'keys'; presses: Press[] } | { type: 'failed'; message: string };

export function initialDeleteState(cloudCopy: boolean): DeleteState {
  return { phase: 'asking', error: null, cloudCopy, alsoCloud: false };
}

const isText = (p: Press, ...keys: string[]) => p.type === 'text' && keys.includes(p.text);

function press(state: DeleteState, p: Press): DeleteState {
  if (state.phase === 'failed') return { ...state, phase: 'back' };
  if (state.phase === 'asking') {
    if (!isText(p, 'y', 'Y')) return { ...state, phase: 'back' };
    return { ...state, phase: state.cloudCopy ? 'asking-cloud' : 'deleting' };
  }
  if (state.phase === 'asking-cloud') {
    if (isText(p, 'y', 'Y')) return { ...state, phase: 'deleting', alsoCloud: true };
    if (isText(p, 'n', 'N')) return { ...state, phase: 'deleting', alsoCloud: false };
    return { ...state, phase: 'back' };
  }
  return state;
}

export function deleteReducer(state: DeleteState, action: DeleteAction): DeleteState {
  switch (action.type) {
    case 'keys':
      // One answer per question: "yy" or "ny" in one chunk is decided by its first key.
      return singleKeys(action.presses).reduce(press, state);
    case 'failed':
      return { ...state, phase: 'failed', error: action.message };
  }
}
