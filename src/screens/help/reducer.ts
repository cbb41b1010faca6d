// Help lists the keys of the screen it was opened from. A list taller than the
// window scrolls with the movement keys; any other key goes back.
import type { Press } from '../shared/keys.js';

export interface HelpState {
  /** First row shown. */
  offset: number;
  /** Rows in the list and rows that fit, set by the view's size. */
  count: number;
  height: number;
  closing: boolean;
}

export type HelpAction =
  | { type: 'keys'; presses: Press[] }
  | { type: 'fit'; count: number; height: number };

export function initialHelpState(count: number, height: number): HelpState {
  return { offset: 0, count, height: Math.max(1, height), closing: false };
}

function clamp(state: HelpState, offset: number): HelpState {
  const max = Math.max(0, state.count - state.height);
  const next = Math.max(0, Math.min(max, offset));
  return next === state.offset ? state : { ...state, offset: next };
}

function press(state: HelpState, p: Press): HelpState {
  if (state.closing) return state;
  const page = Math.max(1, state.height - 1);
  const scrolls = state.count > state.height;
  if (scrolls) {
    if (p.type === 'down' || (p.type === 'text' && p.text === 'j'))
      return clamp(state, state.offset + 1);
    if (p.type === 'up' || (p.type === 'text' && p.text === 'k'))
      return clamp(state, state.offset - 1);
    if (p.type === 'pageDown') return clamp(state, state.offset + page);
    if (p.type === 'pageUp') return clamp(state, state.offset - page);
  }
  return { ...state, closing: true };
}

export function helpReducer(state: HelpState, action: HelpAction): HelpState {
  switch (action.type) {
    case 'keys': {
      let next = state;
      for (const p of action.presses) {
        // Typed runs like "jjj" are several scroll steps.
        const singles =
          p.type === 'text' ? [...p.text].map((ch) => ({ type: 'text' as const, text: ch })) : [p];
        for (const single of singles) next = press(next, single);
      }
      return next;
    }
    case 'fit':
      if (action.count === state.count && action.height === state.height) return state;
      return clamp(
        { ...state, count: action.count, height: Math.max(1, action.height) },
        state.offset,
      );
  }
}
