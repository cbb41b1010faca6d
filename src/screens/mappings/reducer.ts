// The mappings screen in one pure reducer: two lists (secrets, plain variables) with
// one cursor between them, the editors, the "discard changes?" question and the
// save/leave requests that the container carries out in effects.
import { listReducer } from '../../components/list/list-state.js';
import { DEFAULT_PROFILE } from '../../store/project-schema.js';
import { commandPageKey, scrollPage } from '../shared/command.js';
import { type Press, singleKeys } from '../shared/keys.js';
import { withCloudOnly } from './draft.js';
import { commitProblem, type Editor, editEditor } from './editor.js';
import { filterPress, reindex, withMatcher } from './filter.js';
import { normalPress } from './normal.js';
import {
  ask,
  type MappingsAction,
  type MappingsState,
  profileNames,
  profileOf,
  showProfile,
} from './state.js';

function answer(state: MappingsState, p: Press): MappingsState {
  const pending = state.confirm!;
  const yes = p.type === 'text' && (p.text === 'y' || p.text === 'Y');
  if (!yes) return { ...state, confirm: null, message: { tone: 'info', text: 'Kept the changes' } };
  const cleared = { ...state, confirm: null, message: null };
  if (pending.after === 'leave') return ask(cleared, 'leave');
  return showProfile(cleared, pending.name, pending.copy);
}

/** Enter in an editor: commit it into the draft when it is valid. */
function commit(state: MappingsState, editor: Editor): MappingsState {
  const problem = commitProblem(editor, state.draft, profileNames(state));
  if (problem) return { ...state, message: { tone: 'error', text: problem } };
  const { draft } = state;
  switch (editor.kind) {
    case 'env': {
      const rows = [...draft.rows];
      const row = rows[editor.row]!;
      // Naming a secret means mapping it: an unticked row is ticked (and goes last).
      const order = row.order ?? draft.nextOrder;
      rows[editor.row] = { ...row, env: editor.field.value, order };
      const nextOrder = row.order === null ? draft.nextOrder + 1 : draft.nextOrder;
      const text = `${row.secret} → ${editor.field.value}`;
      return {
        ...state,
        draft: { ...draft, rows, nextOrder },
        editor: null,
        message: { tone: 'info', text },
      };
    }
    case 'plain': {
      const v = { key: editor.key.value, value: editor.value.value };
      const plain = [...draft.plain];
      if (editor.index === null) plain.push(v);
      else plain[editor.index] = v;
      const index = editor.index ?? plain.length - 1;
      const list = listReducer({ ...state.plain, count: plain.length }, { type: 'select', index });
      return {
        ...state,
        draft: { ...draft, plain },
        plain: list,
        focus: 'plain',
        editor: null,
        message: null,
      };
    }
    case 'profile': {
      const next = showProfile({ ...state, editor: null }, editor.field.value, true);
      const text = `New profile ${editor.field.value}, a copy of ${state.profileName}: s saves it`;
      return { ...next, message: { tone: 'info', text } };
    }
  }
}

function editorPress(state: MappingsState, editor: Editor, p: Press): MappingsState {
  if (p.type === 'escape') return { ...state, editor: null, message: null };
  if (p.type === 'enter') {
    if (editor.kind === 'plain' && editor.focus === 'key' && editor.index === null) {
      // Enter after a new variable's name moves on to its value.
      const problem = commitProblem(
        { ...editor, value: { value: '', cursor: 0 } },
        state.draft,
        [],
      );
      if (problem) return { ...state, message: { tone: 'error', text: problem } };
      return { ...state, editor: { ...editor, focus: 'value' }, message: null };
    }
    return commit(state, editor);
  }
  const next = editEditor(editor, p);
  return next && next !== editor ? { ...state, editor: next, message: null } : state;
}

function scrollCommand(state: MappingsState, by: number): MappingsState {
  const from = state.review?.offset ?? 0;
  const offset = scrollPage(state.command, from, by);
  return offset === from ? state : { ...state, review: { offset } };
}

/** Keys on the whole command's page: scroll; Esc, f or q go back. */
function reviewPress(state: MappingsState, p: Press): MappingsState {
  const key = commandPageKey(p, state.command.room);
  if (!key) return state;
  return 'close' in key ? { ...state, review: null } : scrollCommand(state, key.by);
}

function press(state: MappingsState, p: Press): MappingsState {
  if (state.review) return reviewPress(state, p);
  if (state.confirm) return answer(state, p);
  if (state.editor) return editorPress(state, state.editor, p);
  if (state.filtering) return filterPress(state, p);
  return normalPress(state, p);
}

export function mappingsReducer(state: MappingsState, action: MappingsAction): MappingsState {
  switch (action.type) {
    case 'keys': {
      // Text typed into an editor or the filter stays one run; as commands each
      // character is a key, so "eFOO\r" opens the editor and then fills it.
      let next = state;
      for (const p of action.presses) {
        next = next.editor || next.filtering ? press(next, p) : singleKeys([p]).reduce(press, next);
      }
      return next;
    }
    case 'fit': {
      const secrets = listReducer(state.secrets, {
        type: 'setHeight',
        height: Math.max(1, action.secretRows),
      });
      const plain = listReducer(state.plain, {
        type: 'setHeight',
        height: Math.max(1, action.plainRows),
      });
      const { command = state.command, tops = state.tops } = action;
      const same =
        command.lines === state.command.lines &&
        command.room === state.command.room &&
        tops.secrets === state.tops.secrets &&
        tops.plain === state.tops.plain;
      if (secrets === state.secrets && plain === state.plain && same) return state;
      const next = { ...state, secrets, plain, command, tops };
      return next.review ? scrollCommand(next, 0) : next;
    }
    case 'saved': {
      const same = action.profileName === state.profileName;
      // Said like `lsec map` says it, so a new profile never appears silently (DESIGN §4).
      // `default` always exists, empty until first saved.
      const created =
        action.profileName !== DEFAULT_PROFILE &&
        !Object.hasOwn(state.project.profiles, action.profileName);
      const text = created
        ? `Saved: created profile ${action.profileName} in .lsec.json`
        : `Saved profile ${action.profileName} to .lsec.json`;
      return {
        ...state,
        project: action.project,
        saved: same ? JSON.stringify(profileOf(action.project, state.profileName)) : state.saved,
        message: { tone: 'ok', text },
      };
    }
    case 'failed':
      return { ...state, message: { tone: 'error', text: action.message } };
    case 'matcher':
      return withMatcher(state, action.matcher);
    case 'restore': {
      const shown = showProfile(state, action.profileName);
      const draft = withCloudOnly(action.draft, state.cloudOnly);
      const text = 'Your unsaved changes were kept across the lock: s saves them';
      return reindex({
        ...shown,
        draft,
        saved: action.saved,
        plain: listReducer(shown.plain, { type: 'setCount', count: draft.plain.length }),
        message: { tone: 'info', text },
      });
    }
    case 'cloud': {
      const draft = withCloudOnly(state.draft, action.names);
      if (draft === state.draft) return { ...state, cloudOnly: action.names };
      return reindex({ ...state, cloudOnly: action.names, draft });
    }
  }
}
