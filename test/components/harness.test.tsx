import { Text, useApp, useInput } from 'ink';
import { useEffect, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { KEYS, renderInk } from '../helpers/ink.js';

function Counter() {
  const [n, setN] = useState(0);
  useInput((input) => {
    if (input === '+') setN((v) => v + 1);
  });
  return <Text>n={n}</Text>;
}

describe('harness', () => {
  it('delivers separate unawaited writes in order', async () => {
    const ui = renderInk(<Counter />);
    ui.stdin.write('+');
    ui.stdin.write('+');
    await ui.waitFor('n=2');
  });
});

// Two screens with their own key handlers: after a transition, the new screen's
// useInput is attached in a passive effect (ink.md pitfall E).
function Screens() {
  const [screen, setScreen] = useState<'a' | 'b'>('a');
  const [seen, setSeen] = useState('');
  useInput(
    (_input, key) => {
      if (key.return) setScreen('b');
    },
    { isActive: screen === 'a' },
  );
  useInput((input) => setSeen((s) => s + input), { isActive: screen === 'b' });
  return <Text>{`${screen}:${seen}`}</Text>;
}

function Esc() {
  const [n, setN] = useState(0);
  useInput((_input, key) => {
    if (key.escape) setN((v) => v + 1);
  });
  return <Text>{`escapes=${n}`}</Text>;
}

describe('harness settling', () => {
  it('hands the first key after a screen change to the new screen', async () => {
    const ui = renderInk(<Screens />);
    await ui.write(KEYS.enter);
    await ui.write('x');
    expect(ui.lastFrame()).toBe('b:x');
  });

  it('delivers a lone Esc (flushed on setImmediate by Ink) within write()', async () => {
    const ui = renderInk(<Esc />);
    await ui.write(KEYS.esc);
    expect(ui.lastFrame()).toBe('escapes=1');
  });

  it('waitFor reports the last frame when it times out', async () => {
    const ui = renderInk(<Text>hello</Text>);
    await expect(ui.waitFor('bye', 50)).rejects.toThrow(/last frame:\nhello/);
    await expect(ui.waitFor(/hel+o/)).resolves.toBe('hello');
  });
});

function Quitter({ fail = false }: { fail?: boolean }) {
  const { exit } = useApp();
  useInput((input, key) => {
    if (input === 'q') exit(fail ? new Error('boom') : 'bye');
    if (input === 'c' && key.ctrl) exit(130);
  });
  return <Text>running</Text>;
}

function ExitAtOnce() {
  const { exit } = useApp();
  useEffect(() => exit('now'), [exit]);
  return <Text>x</Text>;
}

describe('harness waitUntilExit', () => {
  it('resolves with the value given to exit()', async () => {
    const ui = renderInk(<Quitter />);
    await ui.write('q');
    await expect(ui.waitUntilExit()).resolves.toBe('bye');
  });

  it('rejects with exit(error) and sees Ctrl+C as a key', async () => {
    const ui = renderInk(<Quitter fail />);
    await ui.write('q');
    await expect(ui.waitUntilExit()).rejects.toThrow('boom');
    const other = renderInk(<Quitter />);
    await other.write(KEYS.ctrlC);
    await expect(other.waitUntilExit()).resolves.toBe(130);
  });

  it('sees an exit that happened before waitUntilExit was called', async () => {
    const ui = renderInk(<ExitAtOnce />);
    await ui.settle();
    await expect(ui.waitUntilExit()).resolves.toBe('now');
  });

  it('times out when nothing exits', async () => {
    const ui = renderInk(<Quitter />);
    await expect(ui.waitUntilExit(50)).rejects.toThrow('no exit within 50 ms');
  });
});
