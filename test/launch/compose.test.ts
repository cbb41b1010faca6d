import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeArgv, formatCommand, isCloud } from '../../src/launch/compose.js';
import { UsageError } from '../../src/lib/errors.js';
import type { Profile } from '../../src/store/project-schema.js';

const DOCS: Profile = {
  app: 'app.py',
  env: { FOO: 'bar' },
  secrets: { MY_APP_SECRET: 'my-secret', ANOTHER_SECRET: 'another-secret' },
};
const DOCS_LINE =
  'lightning run app app.py --cloud --env FOO=bar --secret MY_APP_SECRET=my-secret --secret ANOTHER_SECRET=another-secret';

describe('composeArgv', () => {
  it('gives the docs example byte for byte', () => {
    const argv = composeArgv(DOCS, { bin: 'lightning' });
    expect(argv.join(' ')).toBe(DOCS_LINE);
    expect(formatCommand(argv)).toBe(DOCS_LINE);
  });

  const full: Profile = {
    app: 'app.py',
    name: 'my-app',
    env: { Z: '1', A: '' },
    secrets: { Z_S: 'z-s', A_S: 'a-s' },
    args: ['--open-ui', 'false'],
  };

  const cases: [string, Profile, { local?: boolean; extra?: string[] }, string[]][] = [
    [
      'everything, in the documented order',
      full,
      { extra: ['--blocking', 'true'] },
      [
        'lightning_app',
        'run',
        'app',
        'app.py',
        '--cloud',
        '--name',
        'my-app',
        '--open-ui',
        'false',
        '--env',
        'Z=1',
        '--env',
        'A=',
        '--secret',
        'Z_S=z-s',
        '--secret',
        'A_S=a-s',
        '--blocking',
        'true',
      ],
    ],
    [
      '--local drops --cloud and --secret',
      full,
      { local: true },
      [
        'lightning_app',
        'run',
        'app',
        'app.py',
        '--name',
        'my-app',
        '--open-ui',
        'false',
        '--env',
        'Z=1',
        '--env',
        'A=',
      ],
    ],
    [
      'cloud: false is local',
      { ...full, cloud: false, name: undefined, args: undefined },
      {},
      ['lightning_app', 'run', 'app', 'app.py', '--env', 'Z=1', '--env', 'A='],
    ],
    [
      'cloud: true with nothing else',
      { app: 'a.py', cloud: true, name: '', env: {}, secrets: {} },
      {},
      ['lightning_app', 'run', 'app', 'a.py', '--cloud'],
    ],
    [
      'extra args go last, even locally',
      { app: 'a.py', env: {}, secrets: { S: 's' } },
      { local: true, extra: ['--setup'] },
      ['lightning_app', 'run', 'app', 'a.py', '--setup'],
    ],
  ];

  it.each(cases)('%s', (_label, profile, options, expected) => {
    expect(composeArgv(profile, { bin: 'lightning_app', ...options })).toEqual(expected);
  });

  it('refuses a missing app and an app or name that would read as an option', () => {
    const bin = 'lightning';
    expect(() => composeArgv({ env: {}, secrets: {} }, { bin })).toThrow(UsageError);
    expect(() => composeArgv({ app: '--help', env: {}, secrets: {} }, { bin })).toThrow(
      /starts with "-"/,
    );
    expect(() => composeArgv({ app: 'a.py', name: '-x', env: {}, secrets: {} }, { bin })).toThrow(
      /starts with "-"/,
    );
  });

  it('knows cloud from local', () => {
    expect(isCloud({ env: {}, secrets: {} })).toBe(true);
    expect(isCloud({ env: {}, secrets: {} }, true)).toBe(false);
    expect(isCloud({ cloud: false, env: {}, secrets: {} })).toBe(false);
  });
});

describe('formatCommand', () => {
  it('quotes what bash would read differently', () => {
    expect(formatCommand(['x', 'a b', '', "it's", '$HOME'])).toBe(`x 'a b' '' "it's" \\$HOME`);
    expect(formatCommand(['A=b', 'A=b'])).toBe('A\\=b A=b');
    expect(formatCommand(['x', 'a\nb', '\u001b[31m'])).toBe("x $'a\\x0ab' $'\\x1b[31m'");
  });

  // Each word is printed by bash followed by NUL, then split and compared.
  const nasty = [
    'lightning',
    'run',
    'app',
    'my app.py',
    '',
    ' ',
    'a b',
    '$x',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell expansion that must stay literal
    '${HOME}',
    '$(echo pwned)',
    '`id`',
    "'",
    "''",
    '"',
    '\\',
    '\\n',
    'it\'s "quoted"',
    "don't!",
    '!!',
    'a!b',
    '*',
    '?',
    '[a]',
    '{a,b}',
    '~',
    '~/x',
    'K=~/x',
    'FOO=a=b',
    '#comment',
    'a;b',
    'a|b',
    'a&b',
    '>out',
    '<in',
    '(x)',
    'tab\there',
    'new\nline',
    'cr\rhere',
    'esc\u001b[31mred',
    'del\u007f',
    'nbsp\u00a0é日本',
    'zw\u200bsp',
    'bidi\u202eevil',
    'ls\u2028sep',
    'c1\u0085x',
    '%1',
    '-',
    '--',
    '--env',
    'K=V',
  ];

  it('gives back the same argv when the line is pasted into bash', () => {
    const line = formatCommand(nasty);
    expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u200b\u202e\u2028]/);
    const out = execFileSync('bash', ['-c', `printf '%s\\0' ${line}`], {
      env: { PATH: process.env.PATH, LC_ALL: 'C' },
      // bash reads ~/.bashrc when its stdin is a socket, as a test runner's may be.
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const words = out.toString('utf8').split('\0').slice(0, -1);
    expect(words).toEqual(nasty);
  });

  it('round-trips random words through bash', () => {
    const pool = ` \t\n!"#$%&'()*+,-./:;<=>?@[\\]^_\`{|}~aZ9=é\u001b\u007f\u200b`;
    let seed = 42;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    const words = Array.from({ length: 300 }, () =>
      Array.from({ length: next() % 8 }, () => pool[next() % pool.length]).join(''),
    );
    const out = execFileSync('bash', ['-c', `printf '%s\\0' ${formatCommand(['x', ...words])}`], {
      env: { PATH: process.env.PATH, LC_ALL: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(out.toString('utf8').split('\0').slice(0, -1)).toEqual(['x', ...words]);
  });

  it('keeps a first word with "=" from being read as an assignment', () => {
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'lsec-compose-'));
    try {
      fs.writeFileSync(path.join(bin, 'A=b'), '#!/bin/sh\necho "ran $1"\n', { mode: 0o755 });
      const out = execFileSync('bash', ['-c', formatCommand(['A=b', 'x'])], {
        env: { PATH: `${bin}:${process.env.PATH}` },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      expect(out.toString()).toBe('ran x\n');
    } finally {
      fs.rmSync(bin, { recursive: true, force: true });
    }
  });
});
