export { filterIndices, lowerNames } from './filter.js';
export {
  fitList,
  initialListState,
  type ListAction,
  type ListState,
  listReducer,
  visibleRange,
} from './list-state.js';
export {
  listActionForKey,
  useWindowedList,
  type WindowedListOptions,
} from './use-windowed-list.js';
export { rowsFor, scrollLabel, WindowedList, type WindowedListProps } from './windowed-list.js';
