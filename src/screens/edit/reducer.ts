// Add / edit: a name (validated as typed, add only), then a masked value or, after
// Tab, the path of a file whose content becomes the value (PEM keys and other
// multi-line values). The write itself runs in the container's effect.
import { type TextState, textReducer, textState } from '../../components/input/text-state.js';
import { describeError } from '../../lib/errors.js';
import { SECRET_NAME_MAX, secretNameProblem, suggestSecretName } from '../../store/names.js';
import { checkValue } from '../../store/vault-rules.js';
import { editField } from '../shared/field.js';
import type { Press } from '../shared/keys.js';
import { sentence } from '../shared/text.js';

export type ValueSource = { kind: 'text'; value: string } | { kind: 'file'; path: string };

export interface EditState {
  mode: 'add' | 'edit';
  focus: 'name' | 'value';
  name: TextState;
  value: TextState;
  /** The value field takes a file path instead of the value. */
  fromFile: boolean;
  path: TextState;
  /** Names already in the vault (add refuses them). */
  taken: ReadonlySet<string>;
  /** Problem with the value or file, shown under that field. */
  error: string | null;
  /** typing → saving (effect writes) → the root pops; cancel on Esc. */
  phase: 'typing' | 'saving' | 'cancel';
  save: { name: string; source: ValueSource } | null;
  /** Ctrl+G asked for a random value (the effect makes it: a reducer draws no randomness). */
  generate: number;
}

export type EditAction =
  | { type: 'keys'; presses: Press[] }
  | { type: 'failed'; message: string }
  | { type: 'generated'; value: string };

export function initialEditState(name: string | undefined, taken: ReadonlySet<string>): EditState {
  return {
    mode: name === undefined ? 'add' : 'edit',
    focus: name === undefined ? 'name' : 'value',
    name: textState(name ?? ''),
    value: textState(),
    fromFile: false,
    path: textState(),
    taken,
    error: null,
    phase: 'typing',
    save: null,
    generate: 0,
  };
}

/** What is wrong with the name so far; null when it can be saved. Shown as you type. */
export function nameProblem(state: EditState): string | null {
  const name = state.name.value;
  if (state.mode === 'edit' || name === '') return null;
  const problem = secretNameProblem(name);
  if (problem) {
    // The fix first: the rule is long and the suggestion is what the user needs.
    const fix = suggestSecretName(name);
    return fix && name.length <= SECRET_NAME_MAX
      ? `Not a valid name: use ${fix} (letters, digits, "_", "-" and "."; a letter or "_" first)`
      : sentence(problem);
  }
  if (state.taken.has(name))
    return `A secret named ${name} exists: Esc, then e on it to change its value`;
  return null;
}

function submitValue(state: EditState): EditState {
  const name = state.name.value;
  if (state.fromFile) {
    const path = state.path.value.trim();
    if (path === '') return { ...state, error: 'Type the path of the file that holds the value' };
    return {
      ...state,
      phase: 'saving',
      error: null,
      save: { name, source: { kind: 'file', path } },
    };
  }
  const value = state.value.value;
  if (value === '') {
    return { ...state, error: 'The value is empty: type it, or Tab to read it from a file' };
  }
  try {
    checkValue(value);
  } catch (error) {
    return { ...state, error: sentence(describeError(error).message) };
  }
  return {
    ...state,
    phase: 'saving',
    error: null,
    save: { name, source: { kind: 'text', value } },
  };
}

function enter(state: EditState, newline: boolean): EditState {
  if (state.focus === 'name') {
    if (state.name.value === '') return state;
    return nameProblem(state) ? state : { ...state, focus: 'value', error: null };
  }
  if (newline && !state.fromFile) {
    return {
      ...state,
      value: textReducer(state.value, { type: 'insert', text: '\n', multiline: true }),
    };
  }
  return submitValue(state);
}

function press(state: EditState, p: Press, newline: boolean): EditState {
  if (state.phase !== 'typing') return state;
  switch (p.type) {
    case 'escape':
      return { ...state, phase: 'cancel' };
    case 'enter':
      return enter(state, newline);
    case 'tab':
      if (state.focus === 'name') return enter(state, false);
      return { ...state, fromFile: !state.fromFile, error: null };
    case 'backTab':
    case 'up':
      return state.mode === 'add' ? { ...state, focus: 'name', error: null } : state;
    case 'ctrl':
      // Ctrl+G in the value field: a random value (32 alnum characters), shown masked.
      if (p.letter === 'g' && state.focus === 'value' && !state.fromFile) {
        return { ...state, generate: state.generate + 1, error: null };
      }
      break;
  }
  const key = state.focus === 'name' ? 'name' : state.fromFile ? 'path' : 'value';
  // A bracketed paste into the value keeps its lines: a PEM key stays whole.
  if (p.type === 'paste' && key === 'value') {
    const value = textReducer(state.value, { type: 'insert', text: p.text, multiline: true });
    return { ...state, value, error: null };
  }
  const field = editField(state[key], p, key === 'value');
  if (!field || field === state[key]) return state;
  return { ...state, [key]: field, error: null };
}

/**
 * A terminal sends a pasted multi-line value as one chunk with CRs inside. Once the
 * value field has the keys, an Enter followed by more text in the same chunk is a
 * line break of a paste, not a submit; a lone trailing Enter (typed fast) submits.
 */
function keys(state: EditState, presses: Press[]): EditState {
  let next = state;
  let valueFrom = -1;
  let paste = false;
  presses.forEach((p, i) => {
    if (valueFrom < 0 && next.focus === 'value') {
      valueFrom = i;
      const rest = presses.slice(i);
      const firstEnter = rest.findIndex((q) => q.type === 'enter');
      paste = firstEnter >= 0 && firstEnter < rest.findLastIndex((q) => q.type === 'text');
    }
    next = press(next, p, paste);
  });
  return next;
}

export function editReducer(state: EditState, action: EditAction): EditState {
  switch (action.type) {
    case 'keys':
      return keys(state, action.presses);
    case 'failed':
      return { ...state, phase: 'typing', save: null, error: action.message };
    case 'generated':
      return { ...state, value: textState(action.value), error: null };
  }
}
