import { describe, expect, it } from 'vitest';
import { type TextAction, textReducer, textState } from '../../src/components/input/text-state.js';

function apply(value: string, ...actions: TextAction[]) {
  return actions.reduce(textReducer, textState(value));
}

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
