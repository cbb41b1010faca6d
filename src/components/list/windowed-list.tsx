import { Box, Text } from 'ink';
import { memo, type ReactNode } from 'react';
import { formatNumber } from '../../lib/count.js';
import { safeLine } from '../../lib/safe-text.js';

export interface WindowedListProps<T> {
  /** All items; only `items.slice(offset, offset + height)` is rendered. */
  items: readonly T[];
  /**
   * One row (one line) for an item. Sanitize user text with safeLine here. Keep it
   * stable (useCallback) or the row memo cannot skip unchanged rows.
   */
  renderRow: (item: T, index: number, selected: boolean) => ReactNode;
  /** Item rows to show; the same number as ListState.height. */
  height: number;
  /** Selected index (ListState.cursor). */
  cursor: number;
  /** First visible index (ListState.offset). */
  offset: number;
  /** Show the "12–31 of 1,000" line under the rows (default true): one more line. */
  indicator?: boolean;
  /** Shown as the only row when there are no items. */
  emptyText?: string;
}

/** "12–31 of 1,000" (1-based, inclusive), or "0 of 0". */
export function scrollLabel(offset: number, height: number, count: number): string {
  if (count <= 0) return '0 of 0';
  const first = Math.min(offset, count - 1) + 1;
  const last = Math.min(count, offset + height);
  return `${formatNumber(first)}–${formatNumber(last)} of ${formatNumber(count)}`;
}

interface RowProps {
  item: unknown;
  index: number;
  selected: boolean;
  renderRow: (item: unknown, index: number, selected: boolean) => ReactNode;
}

// A cursor move changes two rows' `selected`; memo keeps the others from re-rendering.
// The fixed one-line box clips a row that would wrap, so the height budget holds. It
// clips lines only, not columns: rows truncate their own text to the width, and a
// column clip makes Ink re-measure every character of every row on every frame.
const Row = memo(function Row({ item, index, selected, renderRow }: RowProps) {
  return (
    <Box height={1} overflowY="hidden" flexShrink={0}>
      {renderRow(item, index, selected)}
    </Box>
  );
});

/**
 * A virtual list: renders at most `height` item rows plus, by default, one
 * indicator line, so it costs O(height) per frame for any number of items.
 */
export function WindowedList<T>({
  items,
  renderRow,
  height,
  cursor,
  offset,
  indicator = true,
  emptyText = '(none)',
}: WindowedListProps<T>) {
  const rows = Math.max(1, Math.floor(height));
  const start = Math.max(0, Math.min(Math.floor(offset), items.length - rows));
  const render = renderRow as RowProps['renderRow'];
  // Keyed by absolute index: after a one-row scroll the surviving rows keep their
  // keys and props, so the memo skips them.
  const visible: ReactNode[] = [];
  for (const [i, item] of items.slice(start, start + rows).entries()) {
    const index = start + i;
    visible.push(
      <Row key={index} item={item} index={index} selected={index === cursor} renderRow={render} />,
    );
  }
  return (
    <Box flexDirection="column" flexShrink={0}>
      {visible.length === 0 ? <Text dimColor>{safeLine(emptyText)}</Text> : visible}
      {indicator && (
        <Text dimColor wrap="truncate-end">
          {scrollLabel(start, rows, items.length)}
        </Text>
      )}
    </Box>
  );
}
