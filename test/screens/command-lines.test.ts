// The command preview's line breaks: never between an option and its value when the
// pair fits on a line, and nothing lost when a word is wider than a line.
import { describe, expect, it } from 'vitest';
import { commandLines } from '../../src/screens/shared/command.js';

const WORDS = [
  'lightning',
  'run',
  'app',
  'app.py',
  '--cloud',
  '--env',
  'A=b',
  '--secret',
  'KEY=key',
];

describe('commandLines', () => {
  it('breaks before an option, keeping its value on its line', () => {
    expect(commandLines(WORDS, 36)).toEqual([
      'lightning run app app.py --cloud',
      '  --env A=b --secret KEY=key',
    ]);
    for (const width of [20, 30, 50]) {
      for (const line of commandLines(WORDS, width)) {
        expect(line.length).toBeLessThanOrEqual(width);
        expect(line).not.toMatch(/--(env|secret)$/);
      }
    }
  });

  it('wraps a word wider than the line over several lines, dropping nothing', () => {
    const long = `/very/long/path/${'x'.repeat(40)}/lightning`;
    const lines = commandLines([long, 'run', 'app', 'app.py'], 20);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(20);
    expect(
      lines
        .map((l) => l.trim())
        .join('')
        .replace(/ /g, ''),
    ).toBe(`${long}runappapp.py`);
  });
});
