// The secrets list: cursor, filter, reveal and the command a key asked for, in one
// pure reducer. Keeping the list state here (not in a separate hook) means Down and
// Enter in one chunk pick the second item: the command records the name at reduce time.
import { type TextState, textState } from '../../components/input/text-state.js';
import { filterIndices, lowerNames } from '../../components/list/filter.js';
import { type Matcher, matchNames } from '../../components/list/fuzzy.js';
import {
  indexAtRow,
  initialListState,
  type ListAction,
  type ListState,
  listReducer,
} from '../../components/list/list-state.js';
import { editField } from '../shared/field.js';
import type { Message } from '../shared/frame.js';
import { joinText, type Press, singleKeys } from '../shared/keys.js';
import { listMoveOf } from '../shared/list-keys.js';
import { bindingFor, HOME_BINDINGS, type HomeBinding, type HomeCommand } from './bindings.js';
import type { HomeSecret } from './rows.js';

export interface HomeRequest {
  id: number;
  command: HomeCommand;
  /** The selected secret when the key was pressed. */
  name?: string;
}

/** The list's order: by name (as the vault lists it), or newest update first. */
export type HomeSort = 'name' | 'updated';

/** `secrets` (name-sorted) in `sort` order; stable, so equal dates stay by name. */
export function sortRows(secrets: readonly HomeSecret[], sort: HomeSort): readonly HomeSecret[] {
  if (sort === 'name') return secrets;
  return [...secrets].sort((a, b) =>
    a.updatedAt === b.updatedAt ? 0 : a.updatedAt < b.updatedAt ? 1 : -1,
  );
}

export interface HomeState {
  sort: HomeSort;
  /** The fuzzy matcher once loaded; until then the filter matches substrings. */
  matcher?: Matcher;
  all: readonly HomeSecret[];
  names: string[];
  lower: string[];
  /** Indices into `all` that match the filter. */
  shown: readonly number[];
  filter: TextState;
  /** The filter field has the keys. */
  filtering: boolean;
  list: ListState;
  /** Longest name, for the column width. */
  longest: number;
  revealed: { name: string; value: string } | null;
  request: HomeRequest | null;
  /**
   * A key opened another screen (or quit). Keys that follow it in the same chunk, or
   * arrive before that screen listens, belong to it: they wait in `pending`, and the
   * container forwards them ("a" then a typed name fills the new form).
   */
  leaving: boolean;
  pending: Press[];
  message: Message | null;
  /** The cloud-only secrets the rows were built with (absent: none listed). */
  cloudOnly?: readonly { name: string }[];
}

export type HomeAction =
  | { type: 'keys'; presses: Press[] }
  | {
      type: 'load';
      secrets: readonly HomeSecret[];
      select?: string;
      notice?: string;
      warning?: string;
      cloudOnly?: readonly { name: string }[];
    }
  | { type: 'height'; height: number }
  /** The fuzzy matcher loaded: the filter now matches fuzzily (and again, now). */
  | { type: 'matcher'; matcher: Matcher }
  | { type: 'revealed'; name: string; value: string }
  | { type: 'hide' }
  /** This screen is on top again. */
  | { type: 'resume' }
  /** The pending presses went on to the next screen. */
  | { type: 'forwarded' }
  | { type: 'message'; message: Message | null };

export function initialHomeState(secrets: readonly HomeSecret[], height: number): HomeState {
  const lower = lowerNames(secrets.map((s) => s.name));
  const shown = filterIndices(lower, '');
  return {
    sort: 'name',
    all: secrets,
    names: secrets.map((s) => s.name),
    lower,
    shown,
    filter: textState(),
    filtering: false,
    list: initialListState(shown.length, height),
    longest: secrets.reduce((max, s) => Math.max(max, s.name.length), 0),
    revealed: null,
    request: null,
    leaving: false,
    pending: [],
    message: null,
  };
}

/** The selected secret's name, if any. */
export function selectedName(state: HomeState): string | undefined {
  const index = state.shown[state.list.cursor];
  return index === undefined ? undefined : state.all[index]?.name;
}

function moveList(state: HomeState, action: ListAction): HomeState {
  const list = listReducer(state.list, action);
  if (list === state.list) return state;
  // The reveal belongs to one row: any cursor move hides it.
  const moved = list.cursor !== state.list.cursor;
  return { ...state, list, revealed: moved ? null : state.revealed, message: null };
}

function refilter(state: HomeState, filter: TextState): HomeState {
  const shown = matchNames(state.matcher, state.names, state.lower, filter.value);
  const top = listReducer(
    { ...state.list, cursor: 0, offset: 0 },
    { type: 'setCount', count: shown.length },
  );
  // A cleared filter keeps the secret that was selected (all rows show, in order, so
  // its row is its index); a narrower one starts at the best match, the top.
  const kept = filter.value === '' ? state.shown[state.list.cursor] : undefined;
  const list = kept === undefined ? top : listReducer(top, { type: 'select', index: kept });
  return { ...state, filter, shown, list, revealed: null };
}

/** The same secrets in another order: the filter and the selected secret stay. */
function reorder(state: HomeState, all: readonly HomeSecret[], sort: HomeSort): HomeState {
  const name = selectedName(state);
  const { lower, names, shown, list } = initialHomeState(all, state.list.height);
  const next = refilter({ ...state, all, lower, names, shown, list, sort }, state.filter);
  const at = name === undefined ? -1 : next.shown.findIndex((i) => next.all[i]?.name === name);
  return at < 0 ? next : { ...next, list: listReducer(next.list, { type: 'select', index: at }) };
}

function listMove(p: Press, filtering: boolean): ListAction | undefined {
  // While filtering, j/k are typed and Home/End edit the filter text.
  if (filtering && (p.type === 'home' || p.type === 'end')) return undefined;
  return listMoveOf(p, !filtering);
}

function request(state: HomeState, command: HomeCommand, name?: string): HomeState {
  const id = (state.request?.id ?? 0) + 1;
  // Only commands that open another screen drop the keys typed after them.
  const leaving = !['reveal', 'refresh', 'copy', 'undo'].includes(command.type);
  return { ...state, request: { id, command, name }, leaving, message: null };
}

function run(state: HomeState, binding: HomeBinding): HomeState {
  const name = selectedName(state);
  if (binding.needsSelection && name === undefined) {
    const text =
      state.all.length === 0
        ? 'No secrets yet: press a to add one'
        : 'No secret matches the filter';
    return { ...state, message: { tone: 'info', text } };
  }
  if (binding.needsValue && state.all[state.shown[state.list.cursor] ?? -1]?.cloudOnly) {
    const text = `${name} exists only in the cloud: no local value to ${binding.status ?? 'edit'}`;
    return { ...state, message: { tone: 'info', text } };
  }
  const { command } = binding;
  switch (command.type) {
    case 'filter':
      return { ...state, filtering: true, message: null };
    case 'clearFilter':
      return state.filter.value === '' ? state : refilter({ ...state, message: null }, textState());
    case 'sort': {
      const sort = state.sort === 'name' ? 'updated' : 'name';
      // The name order is the vault's; it comes back by sorting the rows by name.
      const byName = [...state.all].sort((a, b) =>
        a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
      );
      const text = sort === 'name' ? 'Sorted by name' : 'Sorted by last update, newest first';
      return reorder({ ...state, message: { tone: 'info', text } }, sortRows(byName, sort), sort);
    }
    case 'reveal':
      // r again on the shown value hides it.
      if (state.revealed?.name === name) return { ...state, revealed: null };
      return request(state, command, name);
    default:
      return request(state, command, name);
  }
}

function filterPress(state: HomeState, p: Press): HomeState {
  if (p.type === 'enter') return { ...state, filtering: false };
  if (p.type === 'escape') return refilter({ ...state, filtering: false }, textState());
  const filter = editField(state.filter, p);
  return filter && filter !== state.filter ? refilter(state, filter) : state;
}

/** The terminal row (1-based) of the list's first row: title, rule and header above it. */
export const FIRST_ROW = 4;

/** A click on a row of the list selects it; anywhere else it does nothing. */
function click(state: HomeState, row: number): HomeState {
  const index = indexAtRow(state.list, FIRST_ROW, row);
  return index === undefined ? state : moveList(state, { type: 'select', index });
}

function press(bindings: readonly HomeBinding[]) {
  return (state: HomeState, p: Press): HomeState => {
    if (p.type === 'click') return click(state, p.row);
    const move = listMove(p, state.filtering);
    if (move) return moveList(state, move);
    if (state.filtering) return filterPress(state, p);
    const binding = bindingFor(bindings, p);
    return binding ? run(state, binding) : state;
  };
}

export function makeHomeReducer(bindings: readonly HomeBinding[] = HOME_BINDINGS) {
  const step = press(bindings);
  return function homeReducer(state: HomeState, action: HomeAction): HomeState {
    switch (action.type) {
      case 'keys': {
        // Typed text goes to the filter whole; as commands, each character is one key.
        let next = state;
        const later: Press[] = [];
        for (const p of action.presses) {
          for (const single of next.filtering ? [p] : singleKeys([p])) {
            if (next.leaving) later.push(single);
            else next = step(next, single);
          }
        }
        if (later.length === 0) return next;
        return { ...next, pending: joinText([...next.pending, ...later]) };
      }
      case 'load': {
        const fresh = initialHomeState(sortRows(action.secrets, state.sort), state.list.height);
        const reloaded = refilter(
          { ...fresh, sort: state.sort, matcher: state.matcher, filtering: state.filtering },
          state.filter,
        );
        // Without a name to select, the selected secret stays selected: cloud-only rows
        // may have arrived above it.
        const want = action.select ?? selectedName(state);
        const at =
          want === undefined ? -1 : reloaded.shown.findIndex((i) => reloaded.all[i]?.name === want);
        const cursor = at >= 0 ? at : Math.min(state.list.cursor, reloaded.shown.length - 1);
        const list = listReducer(
          { ...reloaded.list, offset: state.list.offset },
          { type: 'select', index: cursor },
        );
        const message = action.warning
          ? ({ tone: 'error', text: action.warning } as const)
          : action.notice
            ? ({ tone: 'ok', text: action.notice } as const)
            : state.message;
        // A background reload keeps a value shown while its row stays selected.
        const kept = state.revealed?.name === want && at >= 0 ? state.revealed : null;
        return {
          ...reloaded,
          list,
          revealed: kept,
          cloudOnly: action.cloudOnly,
          request: state.request,
          leaving: state.leaving,
          pending: state.pending,
          message,
        };
      }
      case 'matcher': {
        const next = { ...state, matcher: action.matcher };
        return state.filter.value === ''
          ? next
          : refilter({ ...next, filter: textState() }, state.filter);
      }
      case 'height':
        return {
          ...state,
          list: listReducer(state.list, { type: 'setHeight', height: action.height }),
        };
      case 'revealed':
        return selectedName(state) === action.name
          ? { ...state, revealed: { name: action.name, value: action.value } }
          : state;
      case 'resume':
        return state.leaving ? { ...state, leaving: false } : state;
      case 'forwarded':
        return state.pending.length > 0 ? { ...state, pending: [] } : state;
      case 'hide':
        return state.revealed ? { ...state, revealed: null } : state;
      case 'message':
        return { ...state, message: action.message };
    }
  };
}

export const homeReducer = makeHomeReducer();
