// Which secret rows the mappings screen shows: those matching the filter (`/`, the
// same fuzzy matcher as the home screen), less the unmapped ones while "mapped only"
// (`o`) is on. The list cursor runs over `shown`; rows keep their draft index. The
// matcher runs only when the filter text or the rows' names change. Pure.
import { type TextState, textState } from '../../components/input/text-state.js';
import { lowerNames } from '../../components/list/filter.js';
import { matchNames } from '../../components/list/fuzzy.js';
import { listReducer } from '../../components/list/list-state.js';
import { editField } from '../shared/field.js';
import type { Press } from '../shared/keys.js';
import { listMoveOf } from '../shared/list-keys.js';
import type { MappingsState } from './state.js';

/** The draft index of the selected secret row, if any. */
export function selectedRow(state: Pick<MappingsState, 'shown' | 'secrets'>): number | undefined {
  return state.shown[state.secrets.cursor];
}

/** Why the secret list is empty. */
export function emptyText(state: MappingsState): string {
  if (state.draft.rows.length === 0) return 'No secrets in the vault yet: Esc, then a adds one';
  if (state.matched.length === 0) return 'No secret matches the filter: Esc clears it';
  return 'No secret is mapped yet: o lists them all';
}

/**
 * `shown` from `matched` and the toggle. `keep`: the selected row stays selected
 * when still shown (else the cursor stays where it was); otherwise the best match,
 * the top row, is selected.
 */
export function narrow(state: MappingsState, keep: boolean): MappingsState {
  const selected = selectedRow(state);
  const { rows } = state.draft;
  const shown = state.mappedOnly
    ? state.matched.filter((i) => rows[i]?.order !== null)
    : state.matched;
  const from = keep ? state.secrets : { ...state.secrets, cursor: 0, offset: 0 };
  const list = listReducer(from, { type: 'setCount', count: shown.length });
  const at = keep && selected !== undefined ? shown.indexOf(selected) : -1;
  const secrets = at < 0 ? list : listReducer(list, { type: 'select', index: at });
  return { ...state, shown, secrets };
}

function refilter(state: MappingsState, filter: TextState, keep: boolean): MappingsState {
  const { matcher, names, lower } = state;
  const matched = matchNames(matcher, names, lower, filter.value);
  return narrow({ ...state, filter, matched }, keep);
}

/** After the rows changed (another profile, cloud-only rows added): names and matches again. */
export function reindex(state: MappingsState): MappingsState {
  const names = state.draft.rows.map((r) => r.secret);
  const next = { ...state, names, lower: lowerNames(names), matched: [] };
  return refilter({ ...next, filter: textState() }, state.filter, true);
}

/** The matcher loaded: the filter now matches fuzzily. */
export function withMatcher(state: MappingsState, matcher: MappingsState['matcher']) {
  const next = { ...state, matcher };
  if (state.filter.value === '') return next;
  return refilter({ ...next, filter: textState() }, state.filter, false);
}

/** Esc on a filter: every row again, the selected one still selected. */
export function clearFilter(state: MappingsState): MappingsState {
  return refilter({ ...state, filtering: false, message: null }, textState(), true);
}

export function toggleMappedOnly(state: MappingsState): MappingsState {
  const mappedOnly = !state.mappedOnly;
  const text = mappedOnly ? 'Showing mapped secrets only: o shows all' : 'Showing all secrets';
  return narrow({ ...state, mappedOnly, message: { tone: 'info', text } }, true);
}

/** Keys while the filter has them: arrows move, text filters, Enter keeps, Esc clears. */
export function filterPress(state: MappingsState, p: Press): MappingsState {
  if (p.type === 'enter') return { ...state, filtering: false };
  if (p.type === 'escape') return clearFilter(state);
  // Home/End edit the text; letters are typed, not moves.
  const move = p.type === 'home' || p.type === 'end' ? undefined : listMoveOf(p, false);
  if (move) {
    const secrets = listReducer(state.secrets, move);
    return secrets === state.secrets ? state : { ...state, focus: 'secrets', secrets };
  }
  const filter = editField(state.filter, p);
  return filter && filter !== state.filter ? refilter(state, filter, false) : state;
}
