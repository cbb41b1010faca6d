// The .env dialect users bring from dotenv, docker compose and shells (peers.md §2
// theme 4): what each line means, and that every malformed line is refused with its
// line number instead of being skipped or guessed at (import is all or nothing).
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/lib/errors.js';
import { parseDotenv } from '../../src/store/dotenv.js';

/** key -> value of a parse, for compact assertions. */
const values = (text: string): Record<string, string> =>
  Object.fromEntries(parseDotenv(text, '.env').map((e) => [e.key, e.value]));

/** The error a parse throws; fails the test when it parses. */
function parseError(text: string): UsageError {
  try {
    parseDotenv(text, 'app/.env');
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return error as UsageError;
  }
  throw new Error(`parsed without an error: ${JSON.stringify(text)}`);
}

describe('lines that carry no variable', () => {
  it('skips blank lines, whitespace-only lines and # comments, and keeps line numbers', () => {
    const text = '\n# a comment\n   \n\t# indented comment\nA=1\n\nB=2\n';
    expect(parseDotenv(text, '.env')).toEqual([
      { key: 'A', value: '1', line: 5 },
      { key: 'B', value: '2', line: 7 },
    ]);
  });

  it('an empty file or one with only comments has no entries', () => {
    expect(parseDotenv('', '.env')).toEqual([]);
    expect(parseDotenv('# nothing\n\n', '.env')).toEqual([]);
  });
});

describe('keys', () => {
  it('accepts an optional "export " prefix, as files meant for `source` have', () => {
    expect(values('export A_B=1\nexport\tC=2\nexport  D=3\n')).toEqual({
      A_B: '1',
      C: '2',
      D: '3',
    });
  });

  it('a key named like the prefix is still a key', () => {
    expect(values('export=1\nexporter=2\n')).toEqual({ export: '1', exporter: '2' });
  });

  it('allows spaces around "=" and keeps the key case', () => {
    expect(values('Mixed_Case = v\n  INDENTED=w\nTAB\t=\tx\n')).toEqual({
      Mixed_Case: 'v',
      INDENTED: 'w',
      TAB: 'x',
    });
  });
});

describe('unquoted values', () => {
  it('strips a " #" comment but keeps # inside a word and URL fragments', () => {
    expect(
      values('A=value # note\nB=a#b\nC=https://h.example/p?q=1#frag\nD=x\t# tab note\nE=#x\n'),
    ).toEqual({ A: 'value', B: 'a#b', C: 'https://h.example/p?q=1#frag', D: 'x', E: '#x' });
  });

  it('KEY= # note is empty: the comment is not the value (a shell reads it so too)', () => {
    expect(values('API_KEY= # fill me in\n')).toEqual({ API_KEY: '' });
  });

  it('trims surrounding blanks and keeps inner ones, "=" and quotes inside', () => {
    expect(values('A=  two  words  \nB=a=b==\nC=it\'s "x"\n')).toEqual({
      A: 'two  words',
      B: 'a=b==',
      C: 'it\'s "x"',
    });
  });

  it('an empty value is allowed in every form', () => {
    expect(values('A=\nB=""\nC=\'\'\nD=   \n')).toEqual({ A: '', B: '', C: '', D: '' });
  });
});

describe('quoted values', () => {
  it('single quotes are literal: $, backslashes and # stay as typed', () => {
    expect(values("A='$HOME\\n\\t # not a comment'\n")).toEqual({
      A: '$HOME\\n\\t # not a comment',
    });
  });

  it('double quotes understand \\n \\t \\r \\" and \\\\, and keep other backslashes', () => {
    expect(values('A="l1\\nl2\\tt\\r \\"q\\" back\\\\slash \\$x"\n')).toEqual({
      A: 'l1\nl2\tt\r "q" back\\slash \\$x',
    });
  });

  it('keeps # and spaces inside quotes, and allows a comment after the closing quote', () => {
    expect(values('A=" padded # kept "  # note\nB=\'x\' #c\n')).toEqual({
      A: ' padded # kept ',
      B: 'x',
    });
  });

  it('a quoted value may span lines; the next entry gets its true line number', () => {
    const text =
      'PEM="-----BEGIN-----\nabc\n\n# not a comment\n-----END-----"\nNEXT=1\nS=\'a\nb\'\n';
    expect(parseDotenv(text, '.env')).toEqual([
      { key: 'PEM', value: '-----BEGIN-----\nabc\n\n# not a comment\n-----END-----', line: 1 },
      { key: 'NEXT', value: '1', line: 6 },
      { key: 'S', value: 'a\nb', line: 7 },
    ]);
  });
});

describe('file encodings', () => {
  it('reads CRLF files: no \\r in values, a multi-line value gets \\n breaks', () => {
    const text = 'A=1\r\nB="x"\r\n# c\r\nC="l1\r\nl2"\r\nD=2 # n\r\n';
    expect(values(text)).toEqual({ A: '1', B: 'x', C: 'l1\nl2', D: '2' });
  });

  it('ignores a UTF-8 byte order mark at the start, and only there', () => {
    expect(parseDotenv('\uFEFFA=1\n', '.env')).toEqual([{ key: 'A', value: '1', line: 1 }]);
    expect(values('A="\uFEFFx"\n')).toEqual({ A: '\uFEFFx' });
  });

  it('keeps any Unicode in values', () => {
    expect(values('A=héllo 🔑 שלום\n')).toEqual({ A: 'héllo 🔑 שלום' });
  });
});

describe('errors name the file and line, and never the value', () => {
  it('a line that is not KEY=VALUE', () => {
    const e = parseError('A=1\n\nsk-live-not-a-line\n');
    expect(e.message).toBe('app/.env:3: not a KEY=VALUE line');
    expect(e.hint).toMatch(/nothing was imported/);
    expect(parseError('export FOO\n').message).toMatch(/^app\/\.env:1: not a KEY=VALUE/);
    expect(parseError('=value\n').message).toMatch(/^app\/\.env:1: not a KEY=VALUE/);
  });

  it('a duplicate key names both lines, rather than letting one win silently', () => {
    const e = parseError('A=1\nB=2\n# c\nA=3\n');
    expect(e.message).toBe('app/.env:4: A appears again (first on line 1)');
    // `export A` and `A` are the same variable.
    expect(parseError('A=1\nexport A=2\n').message).toMatch(
      /:2: A appears again \(first on line 1\)/,
    );
  });

  it('a key that is not an environment variable name', () => {
    expect(parseError('OK=1\nFOO-BAR=x\n').message).toBe(
      'app/.env:2: "FOO-BAR" is not a valid variable name',
    );
    expect(parseError('1ABC=x\n').message).toMatch(/^app\/\.env:1: "1ABC" is not a valid/);
    expect(parseError('A.B=x\n').message).toMatch(/^app\/\.env:1: "A\.B"/);
    // Something that does not look like a name (a pasted key, say) is not echoed.
    const pasted = parseError('sk+live/Zx9q=abc\n').message;
    expect(pasted).toBe('app/.env:1: the key is not a valid variable name');
  });

  it('an unclosed quote names the line where it opened', () => {
    const e = parseError('A=1\nB="never closed\nC=3\nD=4\n');
    expect(e.message).toBe('app/.env:2: the " quote opened here is never closed');
    expect(e.message).not.toContain('never closed\nC');
    expect(parseError("A='x\n").message).toMatch(/^app\/\.env:1: the ' quote/);
  });

  it('text after a closing quote names the line of that quote', () => {
    expect(parseError('A="x"y\n').message).toBe('app/.env:1: text after the closing " quote');
    expect(parseError("A='x'#c\n").message).toMatch(/^app\/\.env:1: text after the closing '/);
    expect(parseError('A=1\nB="l1\nl2" tail\n').message).toMatch(/^app\/\.env:3: text after/);
  });

  it('no error message holds a value from the file', () => {
    const secret = 'hunter2-SECRET';
    for (const text of [
      `A="${secret}\n`,
      `A="${secret}"x\n`,
      `A=${secret}\nA=${secret}\n`,
      `A=${secret}\nFOO-BAR=${secret}\n`,
    ]) {
      const e = parseError(text);
      expect(`${e.message} ${e.hint}`).not.toContain(secret);
    }
  });
});
