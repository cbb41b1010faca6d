import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import {
  type FieldAction,
  fieldActionsForKey,
  type TextAction,
  textReducer,
  textState,
} from '../../src/components/input/text-state.js';
import { fieldReducer, fieldState } from '../../src/components/input/use-text-input.js';
import { inkKey } from '../screens/presses.js';

function apply(value: string, ...actions: TextAction[]) {
  return actions.reduce(textReducer, textState(value));
}

const key = inkKey;

describe('textReducer', () => {
  it('inserts at the cursor and moves it past the text', () => {
    expect(apply('', { type: 'insert', text: 'abc' })).toEqual({ value: 'abc', cursor: 3 });
    expect(apply('ac', { type: 'left' }, { type: 'insert', text: 'b' })).toEqual({
      value: 'abc',
      cursor: 2,
    });
  });

  it('strips CR/LF from a single-line paste and keeps them (as LF) in multiline', () => {
    expect(apply('', { type: 'insert', text: 'to\r\nken\n' })).toEqual({
      value: 'token',
      cursor: 5,
    });
    expect(apply('', { type: 'insert', text: 'a\r\nb\rc\n', multiline: true }).value).toBe(
      'a\nb\nc\n',
    );
    expect(apply('x', { type: 'insert', text: '\r\n' })).toEqual({ value: 'x', cursor: 1 });
    expect(apply('', { type: 'insert', text: 'a\u0000b' }).value).toBe('ab');
  });

  it('backspaces before the cursor and stops at the start', () => {
    expect(apply('abc', { type: 'backspace' })).toEqual({ value: 'ab', cursor: 2 });
    expect(apply('abc', { type: 'home' }, { type: 'backspace' })).toEqual({
      value: 'abc',
      cursor: 0,
    });
    expect(apply('abc', { type: 'left' }, { type: 'backspace' })).toEqual({
      value: 'ac',
      cursor: 1,
    });
  });

  it('moves left/right/home/end within bounds', () => {
    const s = apply('abc', { type: 'home' }, { type: 'left' }, { type: 'right' });
    expect(s.cursor).toBe(1);
    expect(apply('abc', { type: 'right' }).cursor).toBe(3);
    expect(apply('abc', { type: 'home' }, { type: 'end' }).cursor).toBe(3);
  });

  it('never splits a surrogate pair', () => {
    expect(apply('a😀', { type: 'backspace' })).toEqual({ value: 'a', cursor: 1 });
    expect(apply('a😀', { type: 'left' }).cursor).toBe(1);
    expect(apply('😀b', { type: 'home' }, { type: 'right' }).cursor).toBe(2);
  });

  it('clears and sets', () => {
    expect(apply('secret', { type: 'clear' })).toEqual({ value: '', cursor: 0 });
    expect(apply('x', { type: 'set', value: 'new' })).toEqual({ value: 'new', cursor: 3 });
  });
});

describe('fieldActionsForKey', () => {
  const keys = (input: string, flags: Partial<Key> = {}, options = {}) =>
    fieldActionsForKey(input, key(flags), options).map((a) => a.type);

  it('treats both Backspace flags as backspace (Ink 6.8 reports DEL as delete)', () => {
    expect(keys('', { delete: true })).toEqual(['backspace']);
    expect(keys('', { backspace: true })).toEqual(['backspace']);
  });

  it('maps Enter, Esc, arrows and readline keys', () => {
    expect(keys('', { return: true })).toEqual(['submit']);
    expect(keys('', { escape: true, meta: true })).toEqual(['cancel']);
    expect(keys('', { leftArrow: true })).toEqual(['left']);
    expect(keys('a', { ctrl: true })).toEqual(['home']);
    expect(keys('u', { ctrl: true })).toEqual(['clear']);
    expect(keys('c', { ctrl: true })).toEqual([]);
    expect(keys('', { tab: true })).toEqual([]);
    expect(keys('', { upArrow: true })).toEqual([]);
  });

  it('splits typed text followed by Enter in one chunk into insert + submit', () => {
    const actions: FieldAction[] = fieldActionsForKey('abc\r', inkKey());
    expect(actions).toEqual([{ type: 'insert', text: 'abc' }, { type: 'submit' }]);
    // A multiline paste keeps its newlines and does not submit.
    expect(keys('a\rb\r', {}, { multiline: true })).toEqual(['insert']);
  });

  it('keeps the cursor at the end of a masked value', () => {
    expect(keys('', { leftArrow: true }, { mask: true })).toEqual([]);
    expect(keys('', { home: true }, { mask: true })).toEqual([]);
    expect(keys('', { delete: true }, { mask: true })).toEqual(['backspace']);
  });
});

describe('fieldReducer', () => {
  it('records a submit with the value at that moment and a fresh id', () => {
    let s = fieldState();
    s = fieldReducer(s, { type: 'insert', text: 'abc' });
    s = fieldReducer(s, { type: 'submit' });
    s = fieldReducer(s, { type: 'insert', text: 'd' });
    expect(s.request).toEqual({ kind: 'submit', value: 'abc', id: 1 });
    s = fieldReducer(s, { type: 'cancel' });
    expect(s.request).toEqual({ kind: 'cancel', value: 'abcd', id: 2 });
    s = fieldReducer(s, { type: 'reset' });
    expect(s.text).toEqual({ value: '', cursor: 0 });
    expect(s.request?.id).toBe(2);
  });
});
