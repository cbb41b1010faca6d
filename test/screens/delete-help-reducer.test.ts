import { describe, expect, it } from 'vitest';
import { deleteReducer, initialDeleteState } from '../../src/screens/delete/reducer.js';
import { helpReducer, initialHelpState } from '../../src/screens/help/reducer.js';
import { chunk, key } from './presses.js';

describe('deleteReducer', () => {
  it('deletes on y or Y only; any other key goes back', () => {
    expect(
      deleteReducer(initialDeleteState(false), { type: 'keys', presses: chunk('y') }).phase,
    ).toBe('deleting');
    expect(
      deleteReducer(initialDeleteState(false), { type: 'keys', presses: chunk('Y') }).phase,
    ).toBe('deleting');
    for (const presses of [chunk('n'), chunk('x'), [key('enter')], [key('escape')], chunk('ny')]) {
      expect(deleteReducer(initialDeleteState(false), { type: 'keys', presses }).phase).toBe(
        'back',
      );
    }
  });

  it('after a failure, shows it until a key goes back', () => {
    const failed = deleteReducer(initialDeleteState(false), { type: 'failed', message: 'gone' });
    expect(failed).toMatchObject({ phase: 'failed', error: 'gone' });
    expect(deleteReducer(failed, { type: 'keys', presses: chunk('y') }).phase).toBe('back');
  });

  it('with a cloud copy, y asks again: y deletes both, n only the vault, other keys neither', () => {
    const step = (state: ReturnType<typeof initialDeleteState>, text: string) =>
      deleteReducer(state, { type: 'keys', presses: chunk(text) });
    const asked = step(initialDeleteState(true), 'y');
    expect(asked.phase).toBe('asking-cloud');
    expect(step(asked, 'y')).toMatchObject({ phase: 'deleting', alsoCloud: true });
    expect(step(asked, 'N')).toMatchObject({ phase: 'deleting', alsoCloud: false });
    expect(step(asked, 'x').phase).toBe('back');
  });
});

describe('helpReducer', () => {
  it('closes on any key when everything fits', () => {
    const fits = initialHelpState(5, 10);
    expect(helpReducer(fits, { type: 'keys', presses: [key('escape')] }).closing).toBe(true);
    expect(helpReducer(fits, { type: 'keys', presses: chunk('j') }).closing).toBe(true);
    expect(helpReducer(fits, { type: 'keys', presses: [] })).toBe(fits);
  });

  it('scrolls a list taller than the window, within its ends; other keys close', () => {
    const tall = initialHelpState(20, 5);
    let s = helpReducer(tall, { type: 'keys', presses: chunk('jjj') });
    expect(s).toMatchObject({ offset: 3, closing: false });
    s = helpReducer(s, {
      type: 'keys',
      presses: [key('pageDown'), key('pageDown'), key('pageDown'), key('pageDown')],
    });
    expect(s.offset).toBe(15);
    s = helpReducer(s, { type: 'keys', presses: [key('up')] });
    expect(s.offset).toBe(14);
    // A taller window pulls the offset back so no blank rows show.
    expect(helpReducer(s, { type: 'fit', count: 20, height: 10 }).offset).toBe(10);
    expect(helpReducer(s, { type: 'keys', presses: chunk('q') }).closing).toBe(true);
  });
});
