import { Text } from 'ink';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KeyHelp } from '../../src/components/key-help.js';
import { Spinner } from '../../src/components/spinner.js';
import { StatusBar, statusLine } from '../../src/components/status-bar.js';
import { useTerminalSize } from '../../src/components/use-terminal-size.js';
import { renderInk } from '../helpers/ink.js';

const hints = [
  { keys: 'a', what: 'add' },
  { keys: 'e', what: 'edit' },
  { keys: 'd', what: 'delete' },
  { keys: '?', what: 'help' },
];

describe('StatusBar', () => {
  it('puts hints left and the right part right, filling the width', () => {
    const ui = renderInk(<StatusBar hints={hints} right="12 secrets" width={60} />);
    const frame = ui.lastFrame();
    expect(frame).toHaveLength(60);
    expect(frame.startsWith('a add · e edit · d delete · ? help')).toBe(true);
    expect(frame.endsWith('12 secrets')).toBe(true);
  });

  it('defaults to the terminal width and stays on one line when too long', () => {
    const path = `12 secrets · /home/user/${'deep/'.repeat(20)}demo`;
    const ui = renderInk(<StatusBar hints={hints} right={path} />, { columns: 40 });
    const frame = ui.lastFrame();
    expect(frame.split('\n')).toHaveLength(1);
    expect(frame).toHaveLength(40);
    expect(frame.endsWith('deep/demo')).toBe(true);
    // Too narrow for every hint: whole ones go first, `? help` stays.
    expect(frame.startsWith('d delete · ? help ')).toBe(true);
  });

  it('sanitizes the right part', () => {
    const ui = renderInk(<StatusBar hints={[]} right={'~/x\u001b[2J\u202e'} width={30} />);
    expect(ui.lastFrame().trim()).toBe('~/x^[[2J\\u202e');
  });

  it('lays out within tiny widths', () => {
    for (const width of [0, 1, 5, 12]) {
      const { left, gap, right } = statusLine(hints, '/a/long/path', width);
      expect((left + gap + right).length).toBeLessThanOrEqual(width);
    }
    expect(statusLine(hints, '', 10).left).toBe('d delete …');
  });

  it('drops whole hints before the last two (help and the way out) when narrow', () => {
    expect(statusLine(hints, '', 26).left).toBe('a add · d delete · ? help');
    expect(statusLine(hints, '', 18).left).toBe('d delete · ? help');
  });
});

describe('KeyHelp', () => {
  it('aligns the descriptions in a column', () => {
    const ui = renderInk(
      <KeyHelp
        title="Keys"
        rows={[
          { keys: 'j/k ↑/↓', what: 'move' },
          { keys: 'q', what: 'quit' },
        ]}
      />,
    );
    expect(ui.lastFrame()).toBe('Keys\nj/k ↑/↓  move\nq        quit');
  });
});

function Size() {
  const { columns, rows } = useTerminalSize();
  return <Text>{`${columns}x${rows}`}</Text>;
}

describe('useTerminalSize', () => {
  it('defaults rows to 24 when stdout has none, and follows resize', async () => {
    const ui = renderInk(<Size />);
    expect(ui.lastFrame()).toBe('100x24');
    await ui.resize(60, 30);
    expect(ui.lastFrame()).toBe('60x30');
  });

  it('reads rows when present', () => {
    const ui = renderInk(<Size />, { columns: 120, rows: 40 });
    expect(ui.lastFrame()).toBe('120x40');
  });
});

describe('Spinner', () => {
  // Time is the subject here: the spinner's interval runs on fake time, so the test
  // neither sleeps nor depends on how fast a busy machine runs the real timer.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('animates on a terminal', async () => {
    const ui = renderInk(<Spinner label="Pushing" interval={10} />, { stdoutIsTTY: true });
    expect(ui.lastFrame()).toBe('⠋ Pushing');
    vi.advanceTimersByTime(10);
    await ui.settle();
    expect(ui.lastFrame()).toBe('⠙ Pushing');
    vi.advanceTimersByTime(20);
    await ui.settle();
    expect(ui.lastFrame()).toBe('⠸ Pushing');
  });

  it('stays still when stdout is not a terminal', async () => {
    const ui = renderInk(<Spinner label={'x\u0007'} interval={5} />);
    vi.advanceTimersByTime(100);
    await ui.settle();
    expect(new Set(ui.frames)).toEqual(new Set(['⠋ x^G']));
  });
});
