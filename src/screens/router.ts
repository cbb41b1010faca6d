// The root's state as a pure reducer: a stack of screens, the open vault, the last
// change and, once decided, the outcome. Screens below the top stay mounted (hidden)
// so going back keeps their cursor and filter.
import type { Vault } from '../store/vault.js';
import type { Change, Outcome, Route } from './types.js';

export interface StackEntry {
  /** React key: a screen opened twice is two different mounts. */
  id: number;
  route: Route;
}

export interface AppState {
  stack: StackEntry[];
  nextId: number;
  vault: Vault | null;
  change: Change;
  /** Set once; the root exits from an effect when it appears. */
  outcome: Outcome | null;
}

export type AppAction =
  | { type: 'push'; route: Route }
  | { type: 'pop' }
  /** `reopen`: screens to open over home, e.g. the mappings whose edits a lock kept. */
  | { type: 'unlocked'; vault: Vault; reopen?: Route[] }
  | { type: 'lock'; notice: string }
  | { type: 'changed'; select?: string; notice?: string; warning?: string }
  | { type: 'exit'; outcome: Outcome };

export function initialAppState(first: Route): AppState {
  return {
    stack: [{ id: 0, route: first }],
    nextId: 1,
    vault: null,
    change: { revision: 0 },
    outcome: null,
  };
}

function only(state: AppState, route: Route, vault: Vault | null): AppState {
  return {
    ...state,
    stack: [{ id: state.nextId, route }],
    nextId: state.nextId + 1,
    vault,
  };
}

export function appReducer(state: AppState, action: AppAction): AppState {
  // Nothing changes once the outcome is decided: keys still in flight must not
  // reopen a screen or undo a lock while Ink unmounts.
  if (state.outcome) return state;
  switch (action.type) {
    case 'push':
      return {
        ...state,
        stack: [...state.stack, { id: state.nextId, route: action.route }],
        nextId: state.nextId + 1,
      };
    case 'pop':
      return state.stack.length > 1 ? { ...state, stack: state.stack.slice(0, -1) } : state;
    case 'unlocked': {
      // A fresh change, so home starts with this unlock's warning and no old notice.
      const home = only(state, { screen: 'home' }, action.vault);
      const reopen = (action.reopen ?? []).map((route, i) => ({ id: home.nextId + i, route }));
      return {
        ...home,
        stack: [...home.stack, ...reopen],
        nextId: home.nextId + reopen.length,
        change: { revision: state.change.revision + 1, warning: action.vault.warning },
      };
    }
    case 'lock':
      // Unmounting every screen drops the values they held; the root locks the vault.
      return state.vault ? only(state, { screen: 'unlock', notice: action.notice }, null) : state;
    case 'changed':
      return {
        ...state,
        change: {
          revision: state.change.revision + 1,
          select: action.select,
          notice: action.notice,
          warning: action.warning,
        },
      };
    case 'exit':
      return { ...state, outcome: action.outcome };
  }
}
