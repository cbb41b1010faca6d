// The mappings screen's keys when no editor or question is open. The list cursor
// runs through the secrets, then on into the plain variables, as one list would.
import { indexAtRow, type ListAction, listReducer } from '../../components/list/list-state.js';
import type { Press } from '../shared/keys.js';
import { listMoveOf } from '../shared/list-keys.js';
import { envEditor, plainEditor, profileEditor } from './editor.js';
import { clearFilter, emptyText, narrow, selectedRow, toggleMappedOnly } from './filter.js';
import {
  ask,
  isDirty,
  type MappingsState,
  type Pending,
  profileNames,
  save,
  showProfile,
} from './state.js';

const info = (state: MappingsState, text: string): MappingsState => ({
  ...state,
  message: { tone: 'info', text },
});

function move(state: MappingsState, action: ListAction): MappingsState {
  const key = state.focus;
  const list = listReducer(state[key], action);
  const { secrets, plain } = state;
  // Down past the last secret enters the variables; up past the first variable leaves them.
  if (list === state[key] && key === 'secrets' && action.type === 'down' && plain.count > 0) {
    return { ...state, focus: 'plain', plain: listReducer(plain, { type: 'home' }), message: null };
  }
  if (list === state[key] && key === 'plain' && action.type === 'up') {
    return { ...state, focus: 'secrets', secrets: listReducer(secrets, { type: 'end' }) };
  }
  return list === state[key] ? state : { ...state, [key]: list, message: null };
}

function toggle(state: MappingsState): MappingsState {
  const { draft } = state;
  const index = selectedRow(state);
  const row = index === undefined ? undefined : draft.rows[index];
  if (index === undefined || !row) return info(state, emptyText(state));
  const rows = [...draft.rows];
  const ticked = row.order === null;
  rows[index] = { ...row, order: ticked ? draft.nextOrder : null };
  const nextOrder = ticked ? draft.nextOrder + 1 : draft.nextOrder;
  const next = { ...state, draft: { ...draft, rows, nextOrder }, message: null };
  // "Mapped only": an unticked secret leaves the list, the cursor stays put.
  return state.mappedOnly ? narrow(next, true) : next;
}

function removePlain(state: MappingsState): MappingsState {
  const index = state.plain.cursor;
  const v = state.draft.plain[index];
  if (!v) return state;
  const plain = state.draft.plain.filter((_, i) => i !== index);
  const list = listReducer(state.plain, { type: 'setCount', count: plain.length });
  return {
    ...state,
    draft: { ...state.draft, plain },
    plain: list,
    focus: plain.length > 0 ? 'plain' : 'secrets',
    message: { tone: 'info', text: `Removed ${v.key} (s saves)` },
  };
}

/** Leaves or switches profile, asking first when the draft has unsaved changes. */
function guarded(state: MappingsState, pending: Pending): MappingsState {
  if (isDirty(state)) {
    return { ...state, confirm: pending, message: { tone: 'info', text: 'Discard changes? y/N' } };
  }
  if (pending.after === 'leave') return ask(state, 'leave');
  return showProfile({ ...state, message: null }, pending.name, pending.copy);
}

function nextProfile(state: MappingsState): MappingsState {
  const names = profileNames(state);
  if (names.length < 2) return info(state, 'This is the only profile: n makes a new one');
  const at = names.indexOf(state.profileName);
  const name = names[(at + 1) % names.length]!;
  return guarded(state, { after: 'profile', name, copy: false });
}

/** A click on a row of either list selects it (and moves the focus there). */
function click(state: MappingsState, row: number): MappingsState {
  for (const key of ['secrets', 'plain'] as const) {
    const index = state.tops[key] === 0 ? undefined : indexAtRow(state[key], state.tops[key], row);
    if (index === undefined) continue;
    const selected = listReducer(state[key], { type: 'select', index });
    return { ...state, focus: key, [key]: selected, message: null };
  }
  return state;
}

export function normalPress(state: MappingsState, p: Press): MappingsState {
  if (p.type === 'click') return click(state, p.row);
  const action = listMoveOf(p);
  if (action) return move(state, action);
  const onSecret = state.focus === 'secrets';
  const key = p.type === 'text' ? p.text : p.type;
  switch (key) {
    case ' ':
      return onSecret ? toggle(state) : info(state, 'Space maps a secret: ↑ to the secrets');
    case 'e':
    case 'enter':
      if (!onSecret) return { ...state, editor: plainEditor(state.draft, state.plain.cursor) };
      {
        const row = selectedRow(state);
        if (row === undefined) return toggle(state);
        return { ...state, editor: envEditor(state.draft, row), message: null };
      }
    case 'a':
      return { ...state, editor: plainEditor(state.draft, null), message: null };
    case 'd':
      if (!onSecret) return removePlain(state);
      return info(state, 'd deletes a plain variable; Space unticks a secret');
    case 'tab':
    case 'backTab':
      if (onSecret && state.draft.plain.length === 0) {
        return info(state, 'No plain variables yet: a adds one');
      }
      return { ...state, focus: onSecret ? 'plain' : 'secrets', message: null };
    case 's':
      return save(state);
    case 'f':
      return { ...state, review: { offset: 0 }, message: null };
    case 'P':
      return nextProfile(state);
    case 'n':
      return { ...state, editor: profileEditor(), message: null };
    case 'l':
      // The launch screen reads .lsec.json, so it would not show unsaved changes.
      if (isDirty(state))
        return info(state, 'Unsaved changes: s saves them, then l opens the launch');
      return ask(state, 'launch');
    case '?':
      return ask(state, 'help');
    case '/':
      return { ...state, filtering: true, focus: 'secrets', message: null };
    case 'o':
      return toggleMappedOnly(state);
    case 'escape':
      // A kept filter goes first, as on the home screen; then Esc leaves.
      if (state.filter.value !== '') return clearFilter(state);
      return guarded(state, { after: 'leave' });
    default:
      return state;
  }
}
