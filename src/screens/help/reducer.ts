// Help lists the keys of the screen it was opened from; any key goes back.
import type { Press } from '../shared/keys.js';

export interface HelpState {
  closing: boolean;
}

export type HelpAction = { type: 'keys'; presses: Press[] };

export const initialHelpState: HelpState = { closing: false };

export function helpReducer(state: HelpState, action: HelpAction): HelpState {
  return action.presses.length > 0 && !state.closing ? { closing: true } : state;
}
