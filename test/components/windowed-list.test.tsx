import { Box, Text } from 'ink';
import { type ReactNode, useCallback, useReducer } from 'react';
import { describe, expect, it } from 'vitest';
import {
  initialListState,
  type ListState,
  listReducer,
} from '../../src/components/list/list-state.js';
import { scrollLabel, WindowedList } from '../../src/components/list/windowed-list.js';
import { safeLine } from '../../src/lib/safe-text.js';
import { type Press, singleKeys } from '../../src/screens/shared/keys.js';
import { listMoveOf } from '../../src/screens/shared/list-keys.js';
import { usePresses } from '../../src/screens/shared/use-keys.js';
import { KEYS, renderInk } from '../helpers/ink.js';

const many = Array.from({ length: 10_000 }, (_, i) => `secret-${i}`);

// The path the list screens take: Ink event -> presses (usePresses) -> one key at a
// time -> listMoveOf -> listReducer, all at reduce time; Enter picks the cursor row.
interface DemoState {
  list: ListState;
  picked: number[];
}

function demoReducer(state: DemoState, presses: Press[]): DemoState {
  let { list, picked } = state;
  for (const p of singleKeys(presses)) {
    if (p.type === 'enter') picked = [...picked, list.cursor];
    const move = listMoveOf(p);
    if (move) list = listReducer(list, move);
  }
  return { list, picked };
}

type Row = (name: string, index: number, selected: boolean) => ReactNode;

function Demo({ items, height, row }: { items: string[]; height: number; row?: Row }) {
  const [state, dispatch] = useReducer(demoReducer, undefined, () => ({
    list: initialListState(items.length, height),
    picked: [],
  }));
  usePresses(dispatch, true);
  const plain = useCallback<Row>(
    (name, _i, selected) => <Text>{`${selected ? '>' : ' '} ${safeLine(name)}`}</Text>,
    [],
  );
  const picked = state.picked.map((i) => items[i]).join(',');
  return (
    <Box flexDirection="column">
      <WindowedList items={items} renderRow={row ?? plain} {...state.list} />
      {picked ? <Text>{`picked: ${picked}`}</Text> : null}
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
    const ui = renderInk(<Demo items={many} height={5} />);
    await ui.write(`${KEYS.down}${KEYS.down}${KEYS.down}`);
    expect(ui.lastFrame()).toContain('> secret-3');
    // Typed fast, j and k arrive as one text run: each letter still moves once.
    await ui.write('jjjk');
    expect(ui.lastFrame()).toContain('> secret-5');
    await ui.press(KEYS.down, KEYS.enter);
    expect(ui.lastFrame()).toContain('picked: secret-6');
    await ui.write(`k${KEYS.enter}`);
    expect(ui.lastFrame()).toContain('picked: secret-6,secret-5');
  });

  it('shows the empty text for no items', () => {
    const ui = renderInk(<Demo items={[]} height={5} />);
    expect(ui.lastFrame()).toBe('(none)\n0 of 0');
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

describe('WindowedList rows', () => {
  it('re-renders only the rows whose selection changed', async () => {
    const rendered: number[] = [];
    const row = (name: string, index: number, selected: boolean) => {
      rendered.push(index);
      return <Text>{`${selected ? '>' : ' '} ${name}`}</Text>;
    };
    // renderRow is stable (defined once per test), as the memo needs.
    const ui = renderInk(<Demo items={many} height={5} row={row} />);
    expect(rendered).toEqual([0, 1, 2, 3, 4]);
    rendered.length = 0;
    await ui.write(KEYS.down);
    expect(rendered.sort()).toEqual([0, 1]);
    rendered.length = 0;
    await ui.write(KEYS.end);
    expect(rendered).toHaveLength(5);
  });
});

describe('scrollLabel', () => {
  it('formats 1-based ranges with separators', () => {
    expect(scrollLabel(11, 20, 1000)).toBe('12–31 of 1,000');
    expect(scrollLabel(0, 20, 3)).toBe('1–3 of 3');
    expect(scrollLabel(0, 20, 0)).toBe('0 of 0');
  });
});
