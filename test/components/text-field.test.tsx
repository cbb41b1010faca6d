import { Box, Text } from 'ink';
import { useReducer } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { CURSOR, fitAround, MASK, TextField } from '../../src/components/input/text-field.js';
import { type TextState, textState } from '../../src/components/input/text-state.js';
import { useEachRequest } from '../../src/components/use-each-request.js';
import { editField } from '../../src/screens/shared/field.js';
import type { Press } from '../../src/screens/shared/keys.js';
import { usePresses } from '../../src/screens/shared/use-keys.js';
import { KEYS, renderInk } from '../helpers/ink.js';

interface FieldProps {
  mask?: boolean;
  onSubmit?: (value: string) => void;
  onCancel?: () => void;
  showValue?: boolean;
}

// A one-field form on the path the form screens take: Ink event -> presses
// (usePresses) -> editField at reduce time; Enter and Esc become requests that an
// effect reports, so a chunk like 'abc\r' submits the value it typed.
interface FieldState {
  text: TextState;
  request: { kind: 'submit' | 'cancel'; value: string; id: number } | null;
}

function fieldReducer(mask: boolean) {
  return (state: FieldState, presses: Press[]): FieldState => {
    let { text, request } = state;
    for (const p of presses) {
      const id = (request?.id ?? 0) + 1;
      if (p.type === 'enter') request = { kind: 'submit', value: text.value, id };
      else if (p.type === 'escape') request = { kind: 'cancel', value: text.value, id };
      else text = editField(text, p, mask) ?? text;
    }
    return { text, request };
  };
}

function Field({ mask = false, onSubmit, onCancel, showValue = false }: FieldProps) {
  const [state, dispatch] = useReducer(fieldReducer(mask), { text: textState(), request: null });
  usePresses(dispatch, true);
  useEachRequest(state.request, (r) => (r.kind === 'submit' ? onSubmit?.(r.value) : onCancel?.()));
  const { value, cursor } = state.text;
  return (
    <Box flexDirection="column">
      <TextField
        label="Value"
        value={value}
        cursor={cursor}
        mask={mask}
        focused
        placeholder="type it"
      />
      {showValue ? <Text>{`value=[${value}] cursor=${cursor}`}</Text> : null}
    </Box>
  );
}

describe('TextField edited through the screen key path', () => {
  it('applies a chunk with an arrow inside in order: ab, Left, X -> aXb', async () => {
    const ui = renderInk(<Field showValue />);
    await ui.write('ab\u001B[DX');
    expect(ui.lastFrame()).toContain('value=[aXb] cursor=2');
    expect(ui.lastFrame()).toContain(`Value: aX${CURSOR}b`);
  });

  it('submits the latest value when text and Enter arrive in one write', async () => {
    const onSubmit = vi.fn();
    const ui = renderInk(<Field onSubmit={onSubmit} />);
    await ui.write('abc\r');
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit).toHaveBeenCalledWith('abc');
  });

  it('keeps unawaited single-key writes (the ink-text-input bug)', async () => {
    const onSubmit = vi.fn();
    const ui = renderInk(<Field onSubmit={onSubmit} />);
    ui.stdin.write('g');
    ui.stdin.write('a');
    ui.stdin.write(KEYS.enter);
    await ui.settle();
    expect(onSubmit).toHaveBeenCalledWith('ga');
  });

  it('edits with Backspace (DEL), Home/End and Ctrl+U, and cancels on Esc', async () => {
    const onCancel = vi.fn();
    const ui = renderInk(<Field showValue onCancel={onCancel} />);
    await ui.write('hello');
    await ui.write(KEYS.backspace);
    await ui.write('\b'); // Ctrl+H
    expect(ui.lastFrame()).toContain('value=[hel]');
    await ui.press(KEYS.home, 'X', KEYS.end, '!');
    expect(ui.lastFrame()).toContain('value=[Xhel!]');
    await ui.write('\u0015'); // Ctrl+U
    expect(ui.lastFrame()).toContain('value=[]');
    expect(ui.lastFrame()).toContain('type it');
    await ui.write(KEYS.esc);
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('strips newlines from a pasted line', async () => {
    const ui = renderInk(<Field showValue />);
    await ui.write('line1\nline2');
    expect(ui.lastFrame()).toContain('value=[line1line2]');
  });

  it('masks with a fixed width that does not depend on the length', async () => {
    const onSubmit = vi.fn();
    const ui = renderInk(<Field mask onSubmit={onSubmit} />);
    await ui.write('s');
    const short = ui.lastFrame();
    await ui.write('uper-secret-value-that-is-long');
    const long = ui.lastFrame();
    expect(short).toBe(`Value: ${MASK}${CURSOR}`);
    expect(long).toBe(short);
    await ui.write(KEYS.left); // ignored when masked: the cursor stays at the end
    await ui.write('!\r');
    expect(onSubmit).toHaveBeenCalledWith('super-secret-value-that-is-long!');
    for (const frame of ui.frames) {
      expect(frame).not.toContain('secret');
      expect(frame).not.toMatch(/\bs\b/);
    }
  });

  it('does not listen (nor crash) when stdin is not a TTY', async () => {
    const ui = renderInk(<Field showValue />, { stdinIsTTY: false });
    await ui.write('abc');
    expect(ui.lastFrame()).toContain('value=[]');
  });
});

describe('TextField view', () => {
  it('shows control and bidi characters visibly, with the cursor in place', () => {
    const value = 'a\u001b[2Jb\u202ec';
    const ui = renderInk(<TextField value={value} cursor={1} focused />);
    expect(ui.lastFrame()).toBe(`a${CURSOR}^[[2Jb\\u202ec`);
  });

  it('sanitizes label and error, and draws no cursor when not focused', () => {
    const ui = renderInk(
      <TextField label={'name\u0007'} value="v" cursor={1} error={'bad\u001b]0;title\u0007'} />,
    );
    expect(ui.lastFrame()).toBe('name^G: v\nbad^[]0;title^G');
  });

  it('shows the placeholder for an empty masked value', () => {
    const ui = renderInk(<TextField value="" cursor={0} mask placeholder="hidden" />);
    expect(ui.lastFrame()).toBe('hidden');
  });

  it('scrolls a long value to keep the cursor in view', () => {
    const value = 'abcdefghijklmnopqrstuvwxyz';
    const ui = renderInk(<TextField value={value} cursor={26} focused width={10} />);
    expect(ui.lastFrame()).toBe(`…stuvwxyz${CURSOR}`);
    expect(fitAround('abcdef', 'ghijkl', 7)).toEqual(['…def', 'g…']);
  });
});

describe('TextField placeholder', () => {
  it('is cut to the field with a visible … beside a label, never past the line', () => {
    const placeholder = 'the app file, e.g. app.py (saved to .lsec.json on launch)';
    const ui = renderInk(
      <Box>
        <Text>{'› App    '}</Text>
        <TextField value="" cursor={0} focused placeholder={placeholder} width={28} />
      </Box>,
      { columns: 40, rows: 5 },
    );
    const line = ui.lastFrame().split('\n')[0]!;
    expect(line).toBe(`› App    ${CURSOR}the app file, e.g. app.py …`);
    expect(line.length).toBeLessThanOrEqual(40);
  });
});
