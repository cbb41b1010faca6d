export { filterIndices, lowerNames } from './filter.js';
export {
  fitList,
  initialListState,
  type ListAction,
  type ListState,
  listReducer,
} from './list-state.js';
export { scrollLabel, WindowedList, type WindowedListProps } from './windowed-list.js';
