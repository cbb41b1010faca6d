// Bad input through the real binary. Scripts rely on three things (DESIGN §2): the
// documented exit code, one `lsec: error:` line that says how to fix it (a hint line
// may follow), and nothing changed: the vault file stays byte-for-byte the same.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canSwitchUser, NOBODY, runAsNobody } from '../helpers/as-user.js';
import {
  expectOneError,
  initVault,
  PASSPHRASE,
  passFile,
  type RunOptions,
  runCli,
  tempHome,
  vaultPath,
} from '../helpers/cli.js';

const { home, pass } = await initVault({ secrets: { k: 'v' } });
const emptyHome = tempHome();

/** A home whose vault.json holds `text` (mode 0600, so no permission warning). */
function homeWith(text: string | null): string {
  const h = tempHome();
  if (text === null) mkdirSync(vaultPath(h));
  else writeFileSync(vaultPath(h), text, { mode: 0o600 });
  return h;
}

const shortPass = passFile('short');
const emptyPass = passFile('');
const wrongPass = passFile('not the passphrase');
const name254 = `a${'b'.repeat(253)}`;
const withPass = (...args: string[]) => [...args, '--passphrase-file', pass];

const isRoot = process.getuid?.() === 0;

interface Case {
  what: string;
  args: string[];
  code: number;
  /** The fix the message must name. */
  fix: RegExp;
  opts?: RunOptions;
  at?: string;
}

const cases: Case[] = [
  {
    what: 'a name with "/"',
    args: withPass('add', 'github/api_token'),
    code: 2,
    fix: /use githubapi_token/,
  },
  {
    what: 'a name starting with a digit',
    args: withPass('add', '1abc'),
    code: 2,
    fix: /start with a letter/,
  },
  { what: 'a name with a space', args: withPass('add', 'a b'), code: 2, fix: /use a_b/ },
  {
    what: 'a name holding ESC [2J',
    args: withPass('add', '\x1b[2J'),
    code: 2,
    fix: /start with a letter/,
  },
  { what: 'a flag-like name', args: ['add', '--yes-really'], code: 2, fix: /lsec add --help/ },
  { what: 'a name of 254 characters', args: withPass('add', name254), code: 2, fix: /at most 253/ },
  { what: 'add of an existing name', args: withPass('add', 'k'), code: 2, fix: /lsec set k/ },
  { what: 'get of a missing name', args: withPass('get', 'nope'), code: 2, fix: /lsec list/ },
  {
    // A near miss names the secret the user probably meant.
    what: 'get of a mistyped name',
    args: withPass('get', 'kk'),
    code: 2,
    fix: /did you mean k\?/,
  },
  {
    what: 'rm of a missing name',
    args: withPass('rm', 'nope', '--yes'),
    code: 2,
    fix: /lsec list/,
  },
  { what: 'rm without a terminal or --yes', args: withPass('rm', 'k'), code: 2, fix: /--yes/ },
  {
    what: 'an extra positional',
    args: withPass('get', 'k', 'extra'),
    code: 2,
    fix: /usage: lsec get NAME/,
  },
  { what: 'a missing NAME', args: withPass('get'), code: 2, fix: /usage: lsec get NAME/ },
  { what: 'an unknown flag', args: ['list', '--jsn'], code: 2, fix: /did you mean --json\?/ },
  { what: 'an unknown command', args: ['ad', 'x'], code: 2, fix: /did you mean: lsec add\?/ },
  { what: 'init over an existing vault', args: withPass('init'), code: 2, fix: /lsec passwd/ },
  {
    what: 'a NUL in the value',
    args: withPass('add', 'nul'),
    code: 2,
    fix: /base64/,
    opts: { input: 'a\0b' },
  },
  {
    what: 'invalid UTF-8 on stdin',
    args: withPass('add', 'bad-utf8'),
    code: 2,
    fix: /text values only/,
    opts: { input: Buffer.from([0x61, 0xff, 0xfe, 0x62]) },
  },
  {
    what: 'a value of 1 MiB + 1 byte',
    args: withPass('set', 'k'),
    code: 2,
    fix: /smaller value/,
    opts: { input: 'x'.repeat(1024 * 1024 + 1) },
  },
  {
    what: 'an unreadable --passphrase-file',
    args: ['get', 'k', '--passphrase-file', '/nonexistent/p'],
    code: 2,
    fix: /readable file/,
  },
  {
    what: 'a wrong passphrase',
    args: ['get', 'k', '--passphrase-file', wrongPass],
    code: 3,
    fix: /try again/,
  },
  {
    what: 'an empty passphrase file',
    args: ['get', 'k', '--passphrase-file', emptyPass],
    code: 3,
    fix: /put the passphrase on the first line/,
  },
  {
    what: 'an empty LSEC_PASSPHRASE',
    args: ['get', 'k'],
    code: 3,
    fix: /set it to the vault passphrase/,
    opts: { env: { LSEC_PASSPHRASE: '' } },
  },
  {
    what: 'no passphrase and no terminal',
    args: ['get', 'k'],
    code: 3,
    fix: /LSEC_PASSPHRASE[\s\S]*--passphrase-file/,
  },
  { what: 'a missing vault', args: withPass('get', 'k'), code: 2, fix: /lsec init/, at: emptyHome },
  { what: 'list without a vault', args: ['list'], code: 2, fix: /lsec init/, at: emptyHome },
  {
    what: 'a short new passphrase on init',
    args: ['init', '--passphrase-file', shortPass],
    code: 2,
    fix: /at least 8/,
    at: emptyHome,
  },
  {
    // Empty is the shortest passphrase: the same exit 2, not "locked" (3).
    what: 'an empty new passphrase on init',
    args: ['init', '--passphrase-file', emptyPass],
    code: 2,
    fix: /put the passphrase on the first line/,
    at: emptyHome,
  },
  {
    what: 'an empty LSEC_PASSPHRASE on init',
    args: ['init'],
    code: 2,
    fix: /at least 8/,
    opts: { env: { LSEC_PASSPHRASE: '' } },
    at: emptyHome,
  },
  {
    what: 'a directory where the vault should be',
    args: withPass('get', 'k'),
    code: 1,
    fix: /move it/,
    at: homeWith(null),
  },
  {
    what: 'init over a directory there',
    args: withPass('init'),
    code: 1,
    fix: /move it/,
    at: homeWith(null),
  },
  {
    what: 'a non-JSON vault',
    args: withPass('get', 'k'),
    code: 4,
    fix: /vault\.json\.bak/,
    at: homeWith('not json {'),
  },
  {
    what: 'a vault of a newer version',
    args: withPass('get', 'k'),
    code: 4,
    fix: /lsec version that wrote it/,
    at: homeWith('{"format":"lsec-vault","v":3}'),
  },
  {
    what: 'a plaintext JSON object',
    args: withPass('get', 'k'),
    code: 4,
    fix: /vault\.json\.bak/,
    at: homeWith('{"k":"v-plain"}'),
  },
  {
    what: 'list of a plaintext JSON object',
    args: ['list', '--json'],
    code: 4,
    fix: /vault\.json\.bak/,
    at: homeWith('{"k":"v-plain"}'),
  },
  {
    what: 'an empty vault file',
    args: withPass('get', 'k'),
    code: 4,
    fix: /vault\.json\.bak/,
    at: homeWith(''),
  },
];

/** Everything in a home, with contents, to prove nothing was written. */
function snapshot(h: string): string {
  if (!existsSync(h)) return '(none)';
  return readdirSync(h)
    .sort()
    .map((f) => {
      const p = join(h, f);
      return statSync(p).isDirectory() ? `${f}/` : `${f}:${readFileSync(p).toString('base64')}`;
    })
    .join('\n');
}

describe('bad input: documented exit code, one error line naming the fix, nothing written', () => {
  for (const c of cases) {
    it(c.what, async () => {
      const h = c.at ?? home;
      const before = snapshot(h);
      const r = await runCli(c.args, { home: h, ...c.opts });
      expect(r.code, r.stderr).toBe(c.code);
      expect(r.stdout).toBe('');
      expectOneError(r.stderr, c.fix);
      expect(snapshot(h)).toBe(before);
    });
  }

  it('prints a name holding ESC inert: no raw control byte reaches the terminal', async () => {
    const r = await runCli(withPass('add', '\x1b]52;c;aGk=\x07\x9b\u202e'), { home });
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/[\x1b\x07\x9b\u202e]/);
    expect(r.stderr).toContain('^[');
  });

  it('a bad LSEC_ITERATIONS is refused before any passphrase is asked', async () => {
    const h = tempHome();
    // No passphrase source at all: were it asked first, this would be exit 3.
    const r = await runCli(['init'], { home: h, env: { LSEC_ITERATIONS: '5000' } });
    expect(r.code).toBe(2);
    expectOneError(r.stderr, /unset it to use the default/);
    expect(r.stderr).toContain('LSEC_ITERATIONS must be a whole number');
  });

  // Root reads a chmod 000 file anyway, so as root lsec runs as an unprivileged user
  // (setpriv) that owns the vault: the permission check is the kernel's, for real.
  it.skipIf(isRoot && !canSwitchUser)('an unreadable vault (chmod 000) exits 1', async () => {
    const h = homeWith('{}');
    chmodSync(vaultPath(h), 0);
    let r: { code: number | null; stderr: string };
    if (isRoot) {
      chownSync(h, NOBODY, NOBODY);
      chownSync(vaultPath(h), NOBODY, NOBODY);
      r = await runAsNobody(['get', 'k'], {
        cwd: h,
        home: h,
        env: { LSEC_PASSPHRASE: PASSPHRASE },
      });
      // The check that proves the kernel refused: the same user cannot read it either.
      const cat = spawnSync('setpriv', [
        `--reuid=${NOBODY}`,
        `--regid=${NOBODY}`,
        '--clear-groups',
        'cat',
        vaultPath(h),
      ]);
      expect(cat.status).not.toBe(0);
    } else {
      r = await runCli(withPass('get', 'k'), { home: h });
    }
    expect(r.code, r.stderr).toBe(1);
    expectOneError(r.stderr, /permission denied[\s\S]*0600/);
  });
});
