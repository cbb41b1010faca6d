import { Box, Text, useInput } from 'ink';
import { type ReactNode, useCallback } from 'react';
import { describe, expect, it } from 'vitest';
import { useWindowedList } from '../../src/components/list/use-windowed-list.js';
import { rowsFor, scrollLabel, WindowedList } from '../../src/components/list/windowed-list.js';
import { safeLine } from '../../src/lib/safe-text.js';
import { KEYS, renderInk } from '../helpers/ink.js';

const many = Array.from({ length: 10_000 }, (_, i) => `secret-${i}`);

function Demo({
  items,
  height,
  onPick,
}: {
  items: string[];
  height: number;
  onPick?: (name: string) => void;
}) {
  const { state } = useWindowedList({ count: items.length, height });
  const row = useCallback(
    (name: string, _i: number, selected: boolean) => (
      <Text>{`${selected ? '>' : ' '} ${safeLine(name)}`}</Text>
    ),
    [],
  );
  useInput((_input, key) => {
    if (key.return && items[state.cursor] !== undefined) onPick?.(items[state.cursor]!);
  });
  return (
    <Box flexDirection="column">
      <WindowedList items={items} renderRow={row} {...state} />
    </Box>
  );
}

const rowLines = (frame: string) => frame.split('\n').filter((line) => /^[> ] /.test(line));

describe('WindowedList', () => {
  it('renders only `height` rows of 10,000 items, plus the indicator', () => {
    const ui = renderInk(<Demo items={many} height={5} />);
    const lines = ui.lastFrame().split('\n');
    expect(lines).toHaveLength(6);
    expect(rowLines(ui.lastFrame())).toEqual([
      '> secret-0',
      '  secret-1',
      '  secret-2',
      '  secret-3',
      '  secret-4',
    ]);
    expect(lines[5]).toBe('1–5 of 10,000');
  });

  it('moves with arrows, j/k, paging and home/end', async () => {
    const ui = renderInk(<Demo items={many} height={5} />);
    await ui.press(KEYS.down, 'j', 'j', 'j', 'j');
    expect(rowLines(ui.lastFrame())).toEqual([
      '  secret-1',
      '  secret-2',
      '  secret-3',
      '  secret-4',
      '> secret-5',
    ]);
    expect(ui.lastFrame()).toContain('2–6 of 10,000');
    await ui.write('k');
    expect(ui.lastFrame()).toContain('> secret-4');
    await ui.write(KEYS.pageDown);
    expect(ui.lastFrame()).toContain('> secret-9');
    await ui.write(KEYS.end);
    expect(rowLines(ui.lastFrame()).at(-1)).toBe('> secret-9999');
    expect(ui.lastFrame()).toContain('9,996–10,000 of 10,000');
    await ui.write(KEYS.home);
    expect(rowLines(ui.lastFrame())[0]).toBe('> secret-0');
    await ui.write(KEYS.up);
    expect(rowLines(ui.lastFrame())[0]).toBe('> secret-0');
  });

  it('applies several keys in one chunk, and a key right after a move sees it', async () => {
    const picked: string[] = [];
    const ui = renderInk(<Demo items={many} height={5} onPick={(n) => picked.push(n)} />);
    await ui.write(`${KEYS.down}${KEYS.down}${KEYS.down}`);
    expect(ui.lastFrame()).toContain('> secret-3');
    await ui.press(KEYS.down, KEYS.enter);
    expect(picked).toEqual(['secret-4']);
  });

  it('shows the empty text for no items and re-clamps when items shrink', async () => {
    const ui = renderInk(<Demo items={[]} height={5} />);
    expect(ui.lastFrame()).toBe('(none)\n0 of 0');
    await ui.rerender(<Demo items={many} height={5} />);
    await ui.write(KEYS.end);
    await ui.rerender(<Demo items={['a', 'b']} height={5} />);
    expect(rowLines(ui.lastFrame())).toEqual(['  a', '> b']);
  });

  it('clips a row that would wrap, so the row count stays at the height', () => {
    const long = ['x'.repeat(300), 'short'];
    const ui = renderInk(<Demo items={long} height={3} />, { columns: 40 });
    expect(ui.lastFrame().split('\n')).toHaveLength(3);
  });

  it('shows control and bidi characters in names visibly', () => {
    const evil = ['clear\u001b[2Jscreen', 'abc\u202eevil', 'bell\u0007'];
    const ui = renderInk(<Demo items={evil} height={5} />);
    const frame = ui.lastFrame();
    expect(frame).toContain('clear^[[2Jscreen');
    expect(frame).toContain('abc\\u202eevil');
    expect(frame).toContain('bell^G');
    expect(frame).not.toMatch(/[\u001b\u202e\u0007]/);
  });
});

// renderRow is stable (defined once per test), as the memo needs.
function Spy({ row }: { row: (name: string, index: number, selected: boolean) => ReactNode }) {
  const { state } = useWindowedList({ count: many.length, height: 5 });
  return <WindowedList items={many} renderRow={row} {...state} />;
}

describe('WindowedList rows', () => {
  it('re-renders only the rows whose selection changed', async () => {
    const rendered: number[] = [];
    const row = (name: string, index: number, selected: boolean) => {
      rendered.push(index);
      return <Text>{`${selected ? '>' : ' '} ${name}`}</Text>;
    };
    const ui = renderInk(<Spy row={row} />);
    expect(rendered).toEqual([0, 1, 2, 3, 4]);
    rendered.length = 0;
    await ui.write(KEYS.down);
    expect(rendered.sort()).toEqual([0, 1]);
    rendered.length = 0;
    await ui.write(KEYS.end);
    expect(rendered).toHaveLength(5);
  });
});

describe('rowsFor / scrollLabel', () => {
  it('leaves a line for the indicator and at least one row', () => {
    expect(rowsFor(10)).toBe(9);
    expect(rowsFor(10, false)).toBe(10);
    expect(rowsFor(0)).toBe(1);
  });
  it('formats 1-based ranges with separators', () => {
    expect(scrollLabel(11, 20, 1000)).toBe('12–31 of 1,000');
    expect(scrollLabel(0, 20, 3)).toBe('1–3 of 3');
    expect(scrollLabel(0, 20, 0)).toBe('0 of 0');
  });
});
