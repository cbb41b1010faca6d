// Pure state for a windowed (virtual) list. Only `height` rows are ever rendered,
// so every action is O(1) whatever the item count; the view slices the items.

export interface ListState {
  /** Number of items in the (possibly filtered) list. */
  count: number;
  /** Selected index, 0 when the list is empty. */
  cursor: number;
  /** Index of the first visible row. */
  offset: number;
  /** Number of item rows the view may show (at least 1). */
  height: number;
}

export type ListAction =
  | { type: 'up' }
  | { type: 'down' }
  | { type: 'pageUp' }
  | { type: 'pageDown' }
  | { type: 'home' }
  | { type: 'end' }
  | { type: 'setCount'; count: number }
  | { type: 'setHeight'; height: number }
  | { type: 'select'; index: number };

function whole(n: number, min: number): number {
  return Number.isFinite(n) ? Math.max(min, Math.floor(n)) : min;
}

/**
 * Clamps cursor into the list and moves the offset as little as possible so the
 * cursor stays visible and no blank rows show at the bottom while items remain above.
 */
export function fitList(state: ListState): ListState {
  const count = whole(state.count, 0);
  const height = whole(state.height, 1);
  const cursor = count === 0 ? 0 : Math.min(whole(state.cursor, 0), count - 1);
  let offset = whole(state.offset, 0);
  if (cursor < offset) offset = cursor;
  if (cursor >= offset + height) offset = cursor - height + 1;
  offset = Math.min(offset, Math.max(0, count - height));
  return { count, cursor, offset, height };
}

// Returning the old object when nothing moved lets React skip the render.
function keep(state: ListState, next: ListState): ListState {
  const same =
    next.count === state.count &&
    next.cursor === state.cursor &&
    next.offset === state.offset &&
    next.height === state.height;
  return same ? state : next;
}

export function initialListState(count: number, height: number, cursor = 0): ListState {
  return fitList({ count, cursor, offset: 0, height });
}

export function listReducer(state: ListState, action: ListAction): ListState {
  return keep(state, step(state, action));
}

function step(state: ListState, action: ListAction): ListState {
  switch (action.type) {
    case 'up':
      return fitList({ ...state, cursor: state.cursor - 1 });
    case 'down':
      return fitList({ ...state, cursor: state.cursor + 1 });
    // Paging moves the window with the cursor so the cursor keeps its row on screen.
    case 'pageUp':
      return fitList({
        ...state,
        cursor: state.cursor - state.height,
        offset: state.offset - state.height,
      });
    case 'pageDown':
      return fitList({
        ...state,
        cursor: state.cursor + state.height,
        offset: state.offset + state.height,
      });
    case 'home':
      return fitList({ ...state, cursor: 0, offset: 0 });
    case 'end':
      return fitList({ ...state, cursor: state.count - 1 });
    case 'setCount':
      return fitList({ ...state, count: action.count });
    case 'setHeight':
      return fitList({ ...state, height: action.height });
    case 'select':
      return fitList({ ...state, cursor: action.index });
  }
}

/**
 * The item a click on terminal row `row` lands on, for a list whose first visible row
 * is drawn at terminal row `top`; undefined off the list's rows.
 */
export function indexAtRow(state: ListState, top: number, row: number): number | undefined {
  const at = row - top;
  const index = state.offset + at;
  return at < 0 || at >= state.height || index >= state.count ? undefined : index;
}
