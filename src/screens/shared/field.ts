// Text editing for the form screens, on the pure reducer from components/input, so a
// form's own reducer can route each press to the focused field at reduce time.
import { type TextAction, type TextState, textReducer } from '../../components/input/text-state.js';
import type { Press } from './keys.js';

function actionFor(press: Press, mask: boolean): TextAction | 'ignored' | 'unhandled' {
  // A hidden value's cursor stays at the end: moving it could not be seen.
  const move = (action: TextAction) => (mask ? 'ignored' : action);
  switch (press.type) {
    case 'text':
    case 'paste':
      return { type: 'insert', text: press.text };
    case 'backspace':
      return { type: 'backspace' };
    case 'left':
      return move({ type: 'left' });
    case 'right':
      return move({ type: 'right' });
    case 'home':
      return move({ type: 'home' });
    case 'end':
      return move({ type: 'end' });
    case 'wordLeft':
      return move({ type: 'wordLeft' });
    case 'wordRight':
      return move({ type: 'wordRight' });
    case 'wordBackspace':
      return { type: 'deleteWordBack' };
    case 'ctrl':
      // readline habits: Ctrl+A start, Ctrl+E end, Ctrl+U and Ctrl+W delete back.
      if (press.letter === 'u') return { type: 'deleteToStart' };
      if (press.letter === 'w') return { type: 'deleteWordBack' };
      if (press.letter === 'a') return move({ type: 'home' });
      if (press.letter === 'e') return move({ type: 'end' });
      return 'ignored';
    case 'up':
    case 'down':
    case 'pageUp':
    case 'pageDown':
      return 'ignored';
    default:
      return 'unhandled';
  }
}

/**
 * Applies an editing press to a field. Returns undefined for the presses a form
 * handles itself (Enter, Esc, Tab), the same state for ignored ones.
 */
export function editField(state: TextState, press: Press, mask = false): TextState | undefined {
  const action = actionFor(press, mask);
  if (action === 'unhandled') return undefined;
  if (action === 'ignored') return state;
  return textReducer(state, action);
}
