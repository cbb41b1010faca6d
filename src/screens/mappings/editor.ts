// The one-line editors of the mappings screen: an env name, a plain variable (name
// and value) and a new profile's name. Each is validated as it is typed; Enter only
// commits a valid one. Pure.
import { type TextState, textState } from '../../components/input/text-state.js';
import { envNameProblem } from '../../store/names.js';
import { profileNameProblem } from '../../store/project-schema.js';
import { editField } from '../shared/field.js';
import type { Press } from '../shared/keys.js';
import { type Draft, EQUALS_FIX, EQUALS_PROBLEM, usedBy } from './draft.js';

export type Editor =
  | { kind: 'env'; row: number; field: TextState }
  | {
      kind: 'plain';
      /** The variable being edited; null for a new one. */
      index: number | null;
      focus: 'key' | 'value';
      key: TextState;
      value: TextState;
    }
  | { kind: 'profile'; field: TextState };

export function envEditor(draft: Draft, row: number): Editor {
  return { kind: 'env', row, field: textState(draft.rows[row]?.env ?? '') };
}

export function plainEditor(draft: Draft, index: number | null): Editor {
  const v = index === null ? undefined : draft.plain[index];
  return {
    kind: 'plain',
    index,
    // A new variable starts at its name, an existing one at its value.
    focus: v ? 'value' : 'key',
    key: textState(v?.key ?? ''),
    value: textState(v?.value ?? ''),
  };
}

export const profileEditor = (): Editor => ({ kind: 'profile', field: textState() });

/** Problems to show under the fields as they are typed; empty names are not (yet) wrong. */
export interface EditorProblems {
  key?: string;
  value?: string;
}

function nameProblem(draft: Draft, name: string, self: string): string | undefined {
  if (name === '') return undefined;
  const bad = envNameProblem(name);
  if (bad) return bad;
  const other = usedBy(draft, name, self);
  return other ? `${name} is already used by ${other}` : undefined;
}

export function editorProblems(
  editor: Editor,
  draft: Draft,
  profiles: readonly string[],
): EditorProblems {
  switch (editor.kind) {
    case 'env': {
      const row = draft.rows[editor.row];
      return { key: nameProblem(draft, editor.field.value, `the secret ${row?.secret}`) };
    }
    case 'plain': {
      const old = editor.index === null ? undefined : draft.plain[editor.index];
      const self = old ? `the plain variable ${old.key}` : '';
      const key = nameProblem(draft, editor.key.value, self);
      const value = editor.value.value.includes('=')
        ? `${EQUALS_PROBLEM}; ${EQUALS_FIX}`
        : undefined;
      return { key, value };
    }
    case 'profile': {
      const name = editor.field.value;
      if (name === '') return {};
      const bad = profileNameProblem(name);
      if (bad) return { key: bad };
      return profiles.includes(name) ? { key: `a profile named ${name} exists` } : {};
    }
  }
}

/** Why Enter cannot commit yet, or undefined when it can. */
export function commitProblem(
  editor: Editor,
  draft: Draft,
  profiles: readonly string[],
): string | undefined {
  const problems = editorProblems(editor, draft, profiles);
  const problem = problems.key ?? problems.value;
  if (problem) return problem;
  const name = editor.kind === 'plain' ? editor.key.value : editor.field.value;
  return name === '' ? 'Type a name first' : undefined;
}

/** Applies an editing press to the focused field; undefined for keys the screen handles. */
export function editEditor(editor: Editor, p: Press): Editor | undefined {
  if (editor.kind !== 'plain') {
    const field = editField(editor.field, p);
    return field ? { ...editor, field } : undefined;
  }
  if (p.type === 'tab' || p.type === 'backTab') {
    return { ...editor, focus: editor.focus === 'key' ? 'value' : 'key' };
  }
  const field = editField(editor[editor.focus], p);
  if (!field) return undefined;
  // KEY=VALUE, as `lsec env` takes it, typed or pasted into the name: split it.
  const at = editor.focus === 'key' ? field.value.indexOf('=') : -1;
  if (at >= 0) {
    const rest = field.value.slice(at + 1);
    const value = rest === '' && editor.value.value !== '' ? editor.value : textState(rest);
    return { ...editor, key: textState(field.value.slice(0, at)), value, focus: 'value' };
  }
  return { ...editor, [editor.focus]: field };
}
