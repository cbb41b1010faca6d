// Pure editing state for a one-field text input. Everything the key hook does goes
// through here, so several keys arriving in one stdin chunk (fast typing, paste,
// `'ab\u001B[DX'`) are applied in order to the latest state (ink.md pitfall C′).

import type { Key } from 'ink';

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

/**
 * What a paste may put in the field: single-line drops CR/LF (a copied line often
 * ends in one); multiline turns CRLF and CR (what terminals send) into LF. NUL is
 * never a valid value character.
 */
export function cleanInsert(text: string, multiline = false): string {
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
    case 'set':
      return textState(action.value);
  }
}

/** A text action, or the two actions the hook turns into callbacks. */
export type FieldAction = TextAction | { type: 'submit' } | { type: 'cancel' };

export interface KeyOptions {
  /** Keep newlines of a paste; only a lone Enter submits. */
  multiline?: boolean;
  /** The value is hidden, so cursor moves would be invisible: keep the cursor at the end. */
  mask?: boolean;
}

/**
 * Maps one Ink input event to field actions. Ink hands a run of plain text as one
 * event, so `'abc\r'` (typed fast, or a pasted line) arrives as one string with no
 * `key.return`; in single-line mode its trailing CR means Enter.
 */
export function fieldActionsForKey(
  input: string,
  key: Key,
  options: KeyOptions = {},
): FieldAction[] {
  if (key.return) return [{ type: 'submit' }];
  if (key.escape) return [{ type: 'cancel' }];
  // Ink 6.8 reports the Backspace key (DEL, 0x7f) as key.delete, and Ctrl+H as backspace.
  if (key.backspace || key.delete) return [{ type: 'backspace' }];
  const move = !options.mask;
  if (key.leftArrow) return move ? [{ type: 'left' }] : [];
  if (key.rightArrow) return move ? [{ type: 'right' }] : [];
  if (key.home) return move ? [{ type: 'home' }] : [];
  if (key.end) return move ? [{ type: 'end' }] : [];
  if (key.ctrl) {
    // readline habits: Ctrl+A / Ctrl+E / Ctrl+U.
    if (input === 'a') return move ? [{ type: 'home' }] : [];
    if (input === 'e') return move ? [{ type: 'end' }] : [];
    if (input === 'u') return [{ type: 'clear' }];
    return [];
  }
  if (key.meta || key.tab || key.upArrow || key.downArrow || key.pageUp || key.pageDown) {
    return [];
  }
  if (input === '') return [];
  const multiline = options.multiline === true;
  if (!multiline && input.length > 1 && input.endsWith('\r')) {
    return [{ type: 'insert', text: input.slice(0, -1) }, { type: 'submit' }];
  }
  return [{ type: 'insert', text: input, multiline }];
}
