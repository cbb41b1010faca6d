// Create vault: passphrase, then the same again. Problems are explained under the
// field where they happened; the key derivation itself runs in the container's effect.
import { type TextState, textState } from '../../components/input/text-state.js';
import { describeError } from '../../lib/errors.js';
import { checkNewPassphrase } from '../../store/vault-rules.js';
import { editField } from '../shared/field.js';
import type { Press } from '../shared/keys.js';
import { sentence } from '../shared/text.js';

export interface CreateState {
  focus: 'first' | 'second';
  first: TextState;
  second: TextState;
  error: string | null;
  /** typing → creating (effect derives and writes) → done in the root; quit on Esc. */
  phase: 'typing' | 'creating' | 'quit';
  /** The passphrase to create the vault with, while creating. */
  passphrase: string | null;
}

export type CreateAction = { type: 'keys'; presses: Press[] } | { type: 'failed'; message: string };

export function initialCreateState(): CreateState {
  return {
    focus: 'first',
    first: textState(),
    second: textState(),
    error: null,
    phase: 'typing',
    passphrase: null,
  };
}

function passphraseProblem(passphrase: string): string | null {
  try {
    checkNewPassphrase(passphrase);
    return null;
  } catch (error) {
    return sentence(describeError(error).message);
  }
}

function enter(state: CreateState): CreateState {
  if (state.focus === 'first') {
    const problem = passphraseProblem(state.first.value);
    if (problem) return { ...state, error: problem };
    return { ...state, focus: 'second', second: textState(), error: null };
  }
  if (state.second.value !== state.first.value) {
    return {
      ...state,
      second: textState(),
      error: 'The two passphrases differ: type the same one again (Esc to start over)',
    };
  }
  return { ...state, phase: 'creating', error: null, passphrase: state.first.value };
}

function press(state: CreateState, p: Press): CreateState {
  if (state.phase !== 'typing') return state;
  if (p.type === 'enter') return enter(state);
  if (p.type === 'escape') {
    if (state.focus === 'first') return { ...state, phase: 'quit' };
    return { ...state, focus: 'first', first: textState(), second: textState(), error: null };
  }
  const field = state[state.focus];
  const next = editField(field, p, true);
  if (!next || next === field) return state;
  return { ...state, [state.focus]: next, error: null };
}

export function createReducer(state: CreateState, action: CreateAction): CreateState {
  switch (action.type) {
    case 'keys':
      return action.presses.reduce(press, state);
    case 'failed':
      return { ...initialCreateState(), error: action.message };
  }
}
