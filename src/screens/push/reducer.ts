// Push to the cloud as a pure state machine: ask what (the selected secret or all),
// prepare (list the cloud, fingerprint the values), push one secret at a time, then
// a summary. The container's effect does the work and reports back with actions.
import type { PushResult } from '../../cloud/push.js';
import { addResult, type PushCounts } from '../../cloud/push-vault.js';
import { type Press, singleKeys } from '../shared/keys.js';

export type PushPhase = 'asking' | 'preparing' | 'pushing' | 'done' | 'failed' | 'back';

export interface PushState {
  phase: PushPhase;
  /** The selected secret when it has a local value to push; otherwise only "all" is offered. */
  one: string | undefined;
  /** Secrets in the vault ("all"). */
  total: number;
  /** What was chosen: one name, or every secret. */
  names: readonly string[] | 'all' | null;
  /** Values fingerprinted so far, while preparing. */
  prepared: { done: number; total: number } | null;
  /** Secrets in the plan once prepared. */
  planned: number;
  /** Results so far. */
  done: number;
  /** The latest results, for the progress lines (bounded: a big vault has thousands). */
  recent: PushResult[];
  /** Results that did not reach the cloud, kept for the summary (bounded too). */
  failures: PushResult[];
  counts: PushCounts;
  /** A failure before anything was sent (no credentials, 401 on the list…). */
  error: { message: string; hint?: string } | null;
}

export type PushAction =
  | { type: 'keys'; presses: Press[] }
  | { type: 'preparing'; done: number; total: number }
  | { type: 'planned'; count: number }
  | { type: 'result'; result: PushResult }
  | { type: 'finished' }
  | { type: 'failed'; message: string; hint?: string };

export function initialPushState(one: string | undefined, total: number): PushState {
  return {
    phase: 'asking',
    one,
    total,
    names: null,
    prepared: null,
    planned: 0,
    done: 0,
    recent: [],
    failures: [],
    counts: { created: 0, updated: 0, unchanged: 0, failed: 0 },
    error: null,
  };
}

/** Lines kept for the view: more than any terminal shows. */
export const KEEP = 200;

function keepLast<T>(list: T[]): T[] {
  return list.length > KEEP ? list.slice(list.length - KEEP) : list;
}

function choose(state: PushState, names: PushState['names']): PushState {
  return { ...state, phase: 'preparing', names };
}

function ask(state: PushState, p: Press): PushState {
  // An empty vault has nothing to offer: any key goes back.
  if (state.total === 0) return { ...state, phase: 'back' };
  const text = p.type === 'text' ? p.text : '';
  if (p.type === 'escape' || text === 'n' || text === 'q') return { ...state, phase: 'back' };
  if (text === 'a' || text === 'A') return choose(state, 'all');
  if (p.type === 'enter' || text === 'y' || text === 'Y' || text === '1') {
    // Enter takes the first offer: the selected secret, or all when none can go.
    return choose(state, state.one === undefined ? 'all' : [state.one]);
  }
  return state;
}

function press(state: PushState, p: Press): PushState {
  switch (state.phase) {
    case 'asking':
      return ask(state, p);
    // Once a request may be on its way it runs to the end: stopping halfway would
    // leave the cloud updated and the vault unaware.
    case 'preparing':
    case 'pushing':
      return state;
    case 'done':
    case 'failed':
      return { ...state, phase: 'back' };
    case 'back':
      return state;
  }
}

export function pushReducer(state: PushState, action: PushAction): PushState {
  switch (action.type) {
    case 'keys':
      // One decision per question: "ay" in one chunk is decided by the "a".
      return singleKeys(action.presses).reduce(press, state);
    case 'preparing':
      return state.phase === 'preparing'
        ? { ...state, prepared: { done: action.done, total: action.total } }
        : state;
    case 'planned':
      return state.phase === 'preparing'
        ? { ...state, phase: 'pushing', planned: action.count }
        : state;
    case 'result': {
      if (state.phase !== 'pushing') return state;
      const { result } = action;
      const counts = addResult(state.counts, result);
      return {
        ...state,
        done: state.done + 1,
        recent: keepLast([...state.recent, result]),
        failures: result.ok ? state.failures : keepLast([...state.failures, result]),
        counts,
      };
    }
    case 'finished':
      return state.phase === 'pushing' || state.phase === 'preparing'
        ? { ...state, phase: 'done' }
        : state;
    case 'failed':
      return { ...state, phase: 'failed', error: { message: action.message, hint: action.hint } };
  }
}
