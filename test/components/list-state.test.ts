import { describe, expect, it } from 'vitest';
import {
  fitList,
  indexAtRow,
  initialListState,
  type ListAction,
  type ListState,
  listReducer,
} from '../../src/components/list/list-state.js';

function run(state: ListState, ...actions: ListAction['type'][]): ListState {
  return actions.reduce((s, type) => listReducer(s, { type } as ListAction), state);
}

describe('listReducer', () => {
  it('moves down and scrolls only when the cursor leaves the window', () => {
    let s = initialListState(10, 3);
    s = run(s, 'down', 'down');
    expect(s).toEqual({ count: 10, cursor: 2, offset: 0, height: 3 });
    s = run(s, 'down');
    expect(s).toEqual({ count: 10, cursor: 3, offset: 1, height: 3 });
    s = run(s, 'up', 'up');
    expect(s).toEqual({ count: 10, cursor: 1, offset: 1, height: 3 });
    s = run(s, 'up');
    expect(s).toEqual({ count: 10, cursor: 0, offset: 0, height: 3 });
  });

  it('stops at both ends instead of wrapping', () => {
    const top = initialListState(5, 3);
    expect(run(top, 'up')).toBe(top);
    const bottom = run(top, 'end');
    expect(bottom).toEqual({ count: 5, cursor: 4, offset: 2, height: 3 });
    expect(run(bottom, 'down')).toBe(bottom);
  });

  it('pages by the height, keeping the cursor row, and clamps at the edges', () => {
    let s = initialListState(10, 4);
    s = run(s, 'down', 'pageDown');
    expect(s).toEqual({ count: 10, cursor: 5, offset: 4, height: 4 });
    s = run(s, 'pageDown');
    expect(s).toEqual({ count: 10, cursor: 9, offset: 6, height: 4 });
    s = run(s, 'pageUp');
    expect(s).toEqual({ count: 10, cursor: 5, offset: 2, height: 4 });
    s = run(s, 'pageUp', 'pageUp');
    expect(s).toEqual({ count: 10, cursor: 0, offset: 0, height: 4 });
  });

  it('home and end jump, select() clamps', () => {
    let s = run(initialListState(100, 10), 'end');
    expect(s).toEqual({ count: 100, cursor: 99, offset: 90, height: 10 });
    s = run(s, 'home');
    expect(s).toEqual({ count: 100, cursor: 0, offset: 0, height: 10 });
    s = listReducer(s, { type: 'select', index: 50 });
    expect(s).toEqual({ count: 100, cursor: 50, offset: 41, height: 10 });
    expect(listReducer(s, { type: 'select', index: 500 }).cursor).toBe(99);
    expect(listReducer(s, { type: 'select', index: -3 }).cursor).toBe(0);
  });

  it('handles an empty list for every action', () => {
    const empty = initialListState(0, 5);
    expect(empty).toEqual({ count: 0, cursor: 0, offset: 0, height: 5 });
    for (const type of ['up', 'down', 'pageUp', 'pageDown', 'home', 'end'] as const) {
      expect(listReducer(empty, { type })).toEqual(empty);
    }
    expect(listReducer(empty, { type: 'select', index: 3 })).toEqual(empty);
  });

  it('re-clamps when the count shrinks (filter, delete) and grows', () => {
    let s = listReducer(initialListState(50, 10), { type: 'select', index: 45 });
    s = listReducer(s, { type: 'setCount', count: 12 });
    expect(s).toEqual({ count: 12, cursor: 11, offset: 2, height: 10 });
    s = listReducer(s, { type: 'setCount', count: 0 });
    expect(s).toEqual({ count: 0, cursor: 0, offset: 0, height: 10 });
    s = listReducer(s, { type: 'setCount', count: 3 });
    expect(s).toEqual({ count: 3, cursor: 0, offset: 0, height: 10 });
  });

  it('keeps the cursor visible on resize and fills the window when it grows', () => {
    let s = listReducer(initialListState(100, 20), { type: 'select', index: 30 });
    expect(s.offset).toBe(11);
    s = listReducer(s, { type: 'setHeight', height: 5 });
    expect(s).toEqual({ count: 100, cursor: 30, offset: 26, height: 5 });
    s = run(s, 'end');
    s = listReducer(s, { type: 'setHeight', height: 40 });
    expect(s).toEqual({ count: 100, cursor: 99, offset: 60, height: 40 });
    // A nonsense height still leaves one row.
    expect(listReducer(s, { type: 'setHeight', height: 0 }).height).toBe(1);
    expect(listReducer(s, { type: 'setHeight', height: Number.NaN }).height).toBe(1);
  });

  // Its speed is measured in bench/ (cursor moves on 10,000 secrets).
  it('handles huge counts', () => {
    let s = initialListState(100_000, 30);
    for (let i = 0; i < 10_000; i++) s = listReducer(s, { type: 'down' });
    expect(s).toMatchObject({ cursor: 10_000, offset: 9_971 });
    s = run(s, 'pageDown', 'end');
    expect(s).toEqual({ count: 100_000, cursor: 99_999, offset: 99_970, height: 30 });
  });

  it('returns the same object when nothing changes', () => {
    const s = initialListState(10, 3);
    expect(fitList(s)).toEqual(s);
    expect(listReducer(s, { type: 'setCount', count: 10 })).toBe(s);
  });
});

describe('indexAtRow', () => {
  it('finds the item under a clicked row, and none above, below or past the items', () => {
    // Rows 4..8 show items 10..14 of 12 items: rows 7 and 8 are blank.
    const list = { count: 12, cursor: 10, offset: 10, height: 5 };
    expect(indexAtRow(list, 4, 4)).toBe(10);
    expect(indexAtRow(list, 4, 5)).toBe(11);
    expect(indexAtRow(list, 4, 3)).toBeUndefined();
    expect(indexAtRow(list, 4, 6)).toBeUndefined();
    expect(indexAtRow(list, 4, 9)).toBeUndefined();
  });
});
