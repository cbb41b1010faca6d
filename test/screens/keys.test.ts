import { describe, expect, it } from 'vitest';
import { textState } from '../../src/components/input/text-state.js';
import { editField } from '../../src/screens/shared/field.js';
import { isCtrlC, pressesOf, singleKeys, splitText } from '../../src/screens/shared/keys.js';
import { listMoveOf } from '../../src/screens/shared/list-keys.js';
import { chunk, ctrl, inkKey, key, text } from './presses.js';

describe('pressesOf', () => {
  it('maps Ink key flags to named presses', () => {
    expect(pressesOf('', inkKey({ downArrow: true }))).toEqual([key('down')]);
    expect(pressesOf('\r', inkKey({ return: true }))).toEqual([key('enter')]);
    expect(pressesOf('', inkKey({ escape: true, meta: true }))).toEqual([key('escape')]);
    // Ink 6.8 calls the Backspace key "delete".
    expect(pressesOf('', inkKey({ delete: true }))).toEqual([key('backspace')]);
    expect(pressesOf('\t', inkKey({ tab: true }))).toEqual([key('tab')]);
    expect(pressesOf('', inkKey({ tab: true, shift: true }))).toEqual([key('backTab')]);
    expect(pressesOf('c', inkKey({ ctrl: true }))).toEqual([ctrl('c')]);
    expect(pressesOf('x', inkKey({ meta: true }))).toEqual([]);
  });

  it('splits a run of typed text at the control characters inside it', () => {
    expect(chunk('jj')).toEqual([text('jj')]);
    expect(chunk('name\rvalue\r')).toEqual([
      text('name'),
      key('enter'),
      text('value'),
      key('enter'),
    ]);
    expect(splitText('a\tb\u007fc\u0003')).toEqual([
      text('a'),
      key('tab'),
      text('b'),
      key('backspace'),
      text('c'),
      ctrl('c'),
    ]);
    expect(chunk('x\u0003').some(isCtrlC)).toBe(true);
  });

  it('cuts text into single keys for key tables, keeping code points whole', () => {
    expect(singleKeys([text('dy'), key('enter'), text('😀a')])).toEqual([
      text('d'),
      text('y'),
      key('enter'),
      text('😀'),
      text('a'),
    ]);
  });
});

describe('editField', () => {
  it('edits, ignores movement in a masked field, and leaves Enter/Esc/Tab to the form', () => {
    let field = editField(textState(), text('abc'))!;
    expect(field.value).toBe('abc');
    field = editField(field, key('left'))!;
    field = editField(field, text('X'))!;
    expect(field).toEqual({ value: 'abXc', cursor: 3 });
    const masked = textState('secret');
    expect(editField(masked, key('left'), true)).toBe(masked);
    // Ctrl+U deletes what is before the cursor, Ctrl+W the word before it (readline).
    expect(editField(field, ctrl('u'))).toEqual({ value: 'c', cursor: 0 });
    expect(editField(textState('gh-api-token'), ctrl('w'))).toEqual({
      value: 'gh-api-',
      cursor: 7,
    });
    expect(editField(textState('gh-api-'), key('wordLeft'))).toEqual({
      value: 'gh-api-',
      cursor: 3,
    });
    expect(editField(field, key('enter'))).toBeUndefined();
    expect(editField(field, key('escape'))).toBeUndefined();
    expect(editField(field, key('tab'))).toBeUndefined();
    expect(editField(field, key('down'))).toBe(field);
  });
});

describe('listMoveOf (the list keys of home and mappings)', () => {
  it('moves down on j and Down, up on k and Up', () => {
    expect(listMoveOf(text('j'))).toEqual({ type: 'down' });
    expect(listMoveOf(key('down'))).toEqual({ type: 'down' });
    expect(listMoveOf(text('k'))).toEqual({ type: 'up' });
    expect(listMoveOf(key('up'))).toEqual({ type: 'up' });
  });

  it('pages and jumps with PgUp/PgDn and Home/End', () => {
    expect(listMoveOf(key('pageUp'))).toEqual({ type: 'pageUp' });
    expect(listMoveOf(key('pageDown'))).toEqual({ type: 'pageDown' });
    expect(listMoveOf(key('home'))).toEqual({ type: 'home' });
    expect(listMoveOf(key('end'))).toEqual({ type: 'end' });
  });

  it('leaves j and k alone where they are typed text, and ignores other keys', () => {
    expect(listMoveOf(text('j'), false)).toBeUndefined();
    expect(listMoveOf(text('k'), false)).toBeUndefined();
    expect(listMoveOf(key('down'), false)).toEqual({ type: 'down' });
    expect(listMoveOf(text('jj'))).toBeUndefined();
    expect(listMoveOf(text('x'))).toBeUndefined();
    expect(listMoveOf(key('enter'))).toBeUndefined();
    expect(listMoveOf(ctrl('j'))).toBeUndefined();
  });
});
