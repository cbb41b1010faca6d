// Rename (home's n): one field holding the name, checked as typed; Enter renames, Esc
// cancels. The rename itself (vault and project file) runs in the container's effect.
import { type TextState, textState } from '../../components/input/text-state.js';
import { SECRET_NAME_MAX, secretNameProblem, suggestSecretName } from '../../store/names.js';
import { editField } from '../shared/field.js';
import type { Press } from '../shared/keys.js';
import { sentence } from '../shared/text.js';

export interface RenameState {
  from: string;
  name: TextState;
  taken: ReadonlySet<string>;
  error: string | null;
  /** typing → saving (effect renames) → the root pops; cancel on Esc or no change. */
  phase: 'typing' | 'saving' | 'cancel';
}

export type RenameAction = { type: 'keys'; presses: Press[] } | { type: 'failed'; message: string };

export function initialRenameState(from: string, taken: ReadonlySet<string>): RenameState {
  return { from, name: textState(from), taken, error: null, phase: 'typing' };
}

/** What is wrong with the new name so far; null when it can be used. */
export function renameProblem(state: RenameState): string | null {
  const name = state.name.value;
  if (name === '' || name === state.from) return null;
  const problem = secretNameProblem(name);
  if (problem) {
    const fix = suggestSecretName(name);
    return fix && name.length <= SECRET_NAME_MAX
      ? `Not a valid name: use ${fix}`
      : sentence(problem);
  }
  if (state.taken.has(name)) return `A secret named ${name} exists: pick another name`;
  return null;
}

function press(state: RenameState, p: Press): RenameState {
  if (state.phase !== 'typing') return state;
  if (p.type === 'escape') return { ...state, phase: 'cancel' };
  if (p.type === 'enter') {
    const name = state.name.value;
    if (name === state.from) return { ...state, phase: 'cancel' };
    if (name === '' || renameProblem(state)) return state;
    return { ...state, phase: 'saving', error: null };
  }
  const name = editField(state.name, p);
  return name && name !== state.name ? { ...state, name, error: null } : state;
}

export function renameReducer(state: RenameState, action: RenameAction): RenameState {
  switch (action.type) {
    case 'keys':
      return action.presses.reduce(press, state);
    case 'failed':
      return { ...state, phase: 'typing', error: action.message };
  }
}
