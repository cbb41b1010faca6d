// Pure editing state for a one-field text input. Every edit a screen makes goes
// through here (screens/shared/field.ts maps presses to actions inside the screen's
// reducer), so several keys arriving in one stdin chunk (fast typing, paste,
// `'ab\u001B[DX'`) are applied in order to the latest state (ink.md pitfall C′).

export interface TextState {
  value: string;
  /** UTF-16 index into value, always on a code point boundary. */
  cursor: number;
}

export type TextAction =
  | { type: 'insert'; text: string; multiline?: boolean }
  | { type: 'backspace' }
  | { type: 'left' }
  | { type: 'right' }
  | { type: 'home' }
  | { type: 'end' }
  | { type: 'clear' }
  /** Alt+← / Alt+→: to the start of this or the previous word, the end of the next. */
  | { type: 'wordLeft' }
  | { type: 'wordRight' }
  /** Ctrl+W: the word before the cursor. */
  | { type: 'deleteWordBack' }
  /** Ctrl+U: everything before the cursor. */
  | { type: 'deleteToStart' }
  | { type: 'set'; value: string };

export function textState(value = ''): TextState {
  return { value, cursor: value.length };
}

function isHigh(code: number | undefined): boolean {
  return code !== undefined && code >= 0xd800 && code <= 0xdbff;
}
function isLow(code: number | undefined): boolean {
  return code !== undefined && code >= 0xdc00 && code <= 0xdfff;
}

// Step over a whole surrogate pair so an emoji is never cut in half.
function stepBack(value: string, cursor: number): number {
  if (cursor <= 0) return 0;
  const pair = cursor >= 2 && isLow(value.charCodeAt(cursor - 1));
  return pair && isHigh(value.charCodeAt(cursor - 2)) ? cursor - 2 : cursor - 1;
}
function stepForward(value: string, cursor: number): number {
  if (cursor >= value.length) return value.length;
  const pair = isHigh(value.charCodeAt(cursor)) && isLow(value.charCodeAt(cursor + 1));
  return pair ? cursor + 2 : cursor + 1;
}

// Words end at spaces and at the separators of names, paths and KEY=value, so Ctrl+W
// on "github-api-token" takes "token", as in a shell.
const SEPARATOR = /[\s\-_./=:,@]/;

/** Where the word before `cursor` starts (separators just before it are skipped). */
function wordStart(value: string, cursor: number): number {
  let i = cursor;
  while (i > 0 && SEPARATOR.test(value[i - 1]!)) i--;
  while (i > 0 && !SEPARATOR.test(value[i - 1]!)) i--;
  return i;
}

/** Where the word after `cursor` ends. */
function wordEnd(value: string, cursor: number): number {
  let i = cursor;
  while (i < value.length && SEPARATOR.test(value[i]!)) i++;
  while (i < value.length && !SEPARATOR.test(value[i]!)) i++;
  return i;
}

/**
 * What a paste may put in the field: single-line drops CR/LF (a copied line often
 * ends in one); multiline turns CRLF and CR (what terminals send) into LF. NUL is
 * never a valid value character.
 */
function cleanInsert(text: string, multiline = false): string {
  const noNul = text.replaceAll('\u0000', '');
  return multiline ? noNul.replace(/\r\n?/g, '\n') : noNul.replace(/[\r\n]/g, '');
}

export function textReducer(state: TextState, action: TextAction): TextState {
  const { value, cursor } = state;
  switch (action.type) {
    case 'insert': {
      const text = cleanInsert(action.text, action.multiline);
      if (text === '') return state;
      return {
        value: value.slice(0, cursor) + text + value.slice(cursor),
        cursor: cursor + text.length,
      };
    }
    case 'backspace': {
      if (cursor === 0) return state;
      const to = stepBack(value, cursor);
      return { value: value.slice(0, to) + value.slice(cursor), cursor: to };
    }
    case 'left':
      return cursor === 0 ? state : { value, cursor: stepBack(value, cursor) };
    case 'right':
      return cursor >= value.length ? state : { value, cursor: stepForward(value, cursor) };
    case 'home':
      return cursor === 0 ? state : { value, cursor: 0 };
    case 'end':
      return cursor === value.length ? state : { value, cursor: value.length };
    case 'clear':
      return value === '' ? state : { value: '', cursor: 0 };
    case 'wordLeft': {
      const to = wordStart(value, cursor);
      return to === cursor ? state : { value, cursor: to };
    }
    case 'wordRight': {
      const to = wordEnd(value, cursor);
      return to === cursor ? state : { value, cursor: to };
    }
    case 'deleteWordBack': {
      const to = wordStart(value, cursor);
      return to === cursor
        ? state
        : { value: value.slice(0, to) + value.slice(cursor), cursor: to };
    }
    case 'deleteToStart':
      return cursor === 0 ? state : { value: value.slice(cursor), cursor: 0 };
    case 'set':
      return textState(action.value);
  }
}
