// `lsec import` through the real binary: a user's existing .env becomes vault secrets
// plus mappings in .lsec.json in one step, all or nothing, and no value is ever
// printed (issue 6). Every check reads state back through the binary or the files a
// user has: `lsec get` byte for byte, `lsec list --names`, and .lsec.json itself.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CRASH_MARKERS,
  initVault,
  type RunResult,
  readDoc,
  readVaultBytes,
  runCli,
  tempDir,
} from '../helpers/cli.js';

/** Every dialect feature of issue 6 in one file, with the value each line must give. */
const DIALECT_FILE = [
  '\uFEFF# exported from the old deploy script', // BOM, then a comment
  '',
  'export API_TOKEN=tok-123 # trailing comment',
  'DATABASE_URL = postgres://u:p@db:5432/app?ssl=1#frag', // spaces around =, URL fragment
  'HASHY=a#b',
  'EMPTY=',
  'EMPTY_NOTE= # fill me in',
  "SINGLE='$HOME\\n stays # literal'",
  'DOUBLE="tab\\there \\"quoted\\" back\\\\slash\\nsecond line"',
  'PEM="-----BEGIN KEY-----',
  'abc',
  '',
  '-----END KEY-----"',
  'Mixed_Case=Ünïcødé 🔑',
  '   # indented comment',
  'CRLF_LINE=crlf-value\r', // one CRLF line in an LF file: the \r is the line end, not value
  '_LEADING=underscore',
  '',
].join('\n');

/** Each key with its value; the secret is named exactly as the key is written. */
const EXPECTED: [key: string, value: string][] = [
  ['API_TOKEN', 'tok-123'],
  ['DATABASE_URL', 'postgres://u:p@db:5432/app?ssl=1#frag'],
  ['HASHY', 'a#b'],
  ['EMPTY', ''],
  ['EMPTY_NOTE', ''],
  ['SINGLE', '$HOME\\n stays # literal'],
  ['DOUBLE', 'tab\there "quoted" back\\slash\nsecond line'],
  ['PEM', '-----BEGIN KEY-----\nabc\n\n-----END KEY-----'],
  ['Mixed_Case', 'Ünïcødé 🔑'],
  ['CRLF_LINE', 'crlf-value'],
  ['_LEADING', 'underscore'],
];

/** A project folder holding `.env` with `text`. */
function projectWith(text: string): { dir: string; envFile: string } {
  const dir = tempDir('lsec-import-');
  const envFile = join(dir, '.env');
  writeFileSync(envFile, text);
  return { dir, envFile };
}

const projectFile = (dir: string): string => join(dir, '.lsec.json');
const projectBytes = (dir: string): Buffer | undefined =>
  existsSync(projectFile(dir)) ? readFileSync(projectFile(dir)) : undefined;
const mappings = (dir: string): Record<string, string> =>
  JSON.parse(readFileSync(projectFile(dir), 'utf8')).profiles.default.secrets;

/** Import must never echo a value, on success or failure, on either stream. */
function expectNoValues(r: RunResult, values: string[]): void {
  for (const v of values.filter((x) => x.length >= 3)) {
    expect(r.stdout, 'a value on stdout').not.toContain(v);
    expect(r.stderr, 'a value on stderr').not.toContain(v);
  }
  expect(r.stderr).not.toMatch(CRASH_MARKERS);
}

/** `lsec get` output must be exactly the value plus the one newline `get` adds. */
async function expectStored(home: string, pass: string, name: string, value: string) {
  const r = await runCli(['get', name, '--passphrase-file', pass], { home });
  expect(r.code, `${name}: ${r.stderr}`).toBe(0);
  expect(r.stdoutBytes.equals(Buffer.from(`${value}\n`, 'utf8')), name).toBe(true);
}

describe('import of a file with every dialect feature', () => {
  it('stores each value byte for byte under its key as written, and maps it', async () => {
    const { home, pass } = await initVault();
    const { dir } = projectWith(DIALECT_FILE);
    const r = await runCli(['import', '.env', '--passphrase-file', pass], { home, cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/imported 11 secrets from \.env .*profile default/);
    expectNoValues(
      r,
      EXPECTED.map(([, v]) => v),
    );
    // Each secret is named as its key is written, case and `_` kept, and mapped from
    // it; the mapping order follows the file.
    expect(Object.entries(mappings(dir))).toEqual(EXPECTED.map(([key]) => [key, key]));
    for (const [key, value] of EXPECTED) await expectStored(home, pass, key, value);
  });
});

describe('keys that differ only in case or a leading _', () => {
  it('become distinct secrets, as they are distinct variables', async () => {
    const { home, pass } = await initVault();
    const { dir } = projectWith('FOO_BAR=upper-value\n_FOO_BAR=under-value\nfoo_bar=lower-value\n');
    const r = await runCli(['import', '.env', '--passphrase-file', pass], { home, cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(mappings(dir)).toEqual({ FOO_BAR: 'FOO_BAR', _FOO_BAR: '_FOO_BAR', foo_bar: 'foo_bar' });
    await expectStored(home, pass, 'FOO_BAR', 'upper-value');
    await expectStored(home, pass, '_FOO_BAR', 'under-value');
    await expectStored(home, pass, 'foo_bar', 'lower-value');
  });
});

describe('--dry-run', () => {
  it('lists names, mappings and which exist, changes nothing, prints no value', async () => {
    const { home, pass } = await initVault({ secrets: { API_TOKEN: 'old-token-value' } });
    const { dir } = projectWith(DIALECT_FILE);
    await runCli(['env', 'LOG_LEVEL=debug'], { home, cwd: dir });
    const vault = readVaultBytes(home);
    const project = projectBytes(dir);

    // No passphrase is needed to preview.
    const r = await runCli(['import', '.env', '--dry-run'], { home, cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^exists\s+API_TOKEN\s+map API_TOKEN\s+\(line 3\)$/m);
    expect(r.stdout).toMatch(/^add\s+PEM\s+map PEM\s+\(line 10\)$/m);
    expect(r.stderr).toMatch(/dry run: nothing was changed; 1 already exist/);
    expectNoValues(r, [...EXPECTED.map(([, v]) => v), 'old-token-value']);

    expect(readVaultBytes(home).equals(vault)).toBe(true);
    expect(projectBytes(dir)?.equals(project!)).toBe(true);
    await expectStored(home, pass, 'API_TOKEN', 'old-token-value');
  });
});

describe('re-import', () => {
  it('is refused without --overwrite (exit 2, clashes listed), accepted with it', async () => {
    const { home, pass } = await initVault();
    const { dir, envFile } = projectWith('A_KEY=first-a\nB_KEY=first-b\n');
    expect(
      (await runCli(['import', '.env', '--passphrase-file', pass], { home, cwd: dir })).code,
    ).toBe(0);

    writeFileSync(envFile, 'A_KEY=second-a\nB_KEY=second-b\nC_KEY=new-c\n');
    const vault = readVaultBytes(home);
    const project = projectBytes(dir)!;
    const refused = await runCli(['import', '.env', '--passphrase-file', pass], { home, cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/already in the vault: A_KEY, B_KEY\n.*--overwrite/);
    expectNoValues(refused, ['first-a', 'second-a', 'new-c']);
    // All or nothing: not even the new C_KEY went in.
    expect(readVaultBytes(home).equals(vault)).toBe(true);
    expect(projectBytes(dir)!.equals(project)).toBe(true);

    const args = ['import', '.env', '--overwrite', '--passphrase-file', pass];
    const accepted = await runCli(args, { home, cwd: dir });
    expect(accepted.code, accepted.stderr).toBe(0);
    expectNoValues(accepted, ['first-a', 'second-a', 'second-b', 'new-c']);
    expect(mappings(dir)).toEqual({ A_KEY: 'A_KEY', B_KEY: 'B_KEY', C_KEY: 'C_KEY' });
    await expectStored(home, pass, 'A_KEY', 'second-a');
    await expectStored(home, pass, 'B_KEY', 'second-b');
    await expectStored(home, pass, 'C_KEY', 'new-c');
  });
});

describe('refusals change nothing and name the line', async () => {
  const { home, pass } = await initVault({ secrets: { keep: 'kept-value' } });
  const cases: [what: string, text: string, message: RegExp][] = [
    [
      'a line that is not KEY=VALUE',
      'OK=ok-value-1\nnot a pair\n',
      /\.env:2: not a KEY=VALUE line/,
    ],
    [
      'a duplicate key',
      'DUP=dup-value-1\nOTHER=x\nDUP=dup-value-2\n',
      /\.env:3: DUP appears again \(first on line 1\)/,
    ],
    ['an invalid key', 'GOOD=fine\nFOO-BAR=bad-value-1\n', /\.env:2: "FOO-BAR" is not a valid/],
    // A valid env name has no length limit; a secret name has 253 characters at most.
    [
      'a key too long for a secret name',
      `OK=ok-value-1\nK${'_'.repeat(253)}=x-value-1\n`,
      /\.env:2: the key cannot be a secret name \(a secret name has at most 253 characters/,
    ],
    [
      'an unclosed quote',
      'A=1\nB="never-closed-value\nC=3\n',
      /\.env:2: the " quote opened here is never closed/,
    ],
    ['a NUL in a value', 'A=1\nB="nul\0value"\n', /\.env:2: B: the value contains a NUL/],
  ];

  for (const [what, text, message] of cases) {
    it(what, async () => {
      const { dir } = projectWith(text);
      await runCli(['env', 'LOG_LEVEL=debug'], { home, cwd: dir });
      const vault = readVaultBytes(home);
      const project = projectBytes(dir)!;
      const r = await runCli(['import', '.env', '--passphrase-file', pass], { home, cwd: dir });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toMatch(/nothing was imported/);
      expectNoValues(
        r,
        [...text.matchAll(/=([^\n]*)/g)].map((m) => m[1]!.replace(/"/g, '')),
      );
      expect(readVaultBytes(home).equals(vault)).toBe(true);
      expect(projectBytes(dir)!.equals(project)).toBe(true);
    });
  }

  it('a key that is already a plain --env variable in the profile', async () => {
    const { dir } = projectWith('NEW_ONE=new-value\nLOG_LEVEL=secret-level\n');
    await runCli(['env', 'LOG_LEVEL=debug'], { home, cwd: dir });
    const vault = readVaultBytes(home);
    const project = projectBytes(dir)!;
    const r = await runCli(['import', '.env', '--passphrase-file', pass], { home, cwd: dir });
    // One env name is either plain or a secret (DESIGN §3), never both.
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/\.env:2: LOG_LEVEL is already a plain variable/);
    expect(r.stderr).toMatch(/lsec unenv LOG_LEVEL; nothing was imported/);
    expectNoValues(r, ['new-value', 'secret-level']);
    expect(readVaultBytes(home).equals(vault)).toBe(true);
    expect(projectBytes(dir)!.equals(project)).toBe(true);
  });
});

describe('import from stdin', () => {
  it('reads the file from - and names stdin in errors', async () => {
    const { home, pass } = await initVault();
    const dir = tempDir('lsec-import-stdin-');
    const input = 'export PIPE_A=\'piped $a\'\nPIPE_B="l1\\nl2"\n';
    const r = await runCli(['import', '-', '--passphrase-file', pass], { home, cwd: dir, input });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/reading the \.env file from stdin/);
    expectNoValues(r, ['piped $a', 'l1']);
    expect(mappings(dir)).toEqual({ PIPE_A: 'PIPE_A', PIPE_B: 'PIPE_B' });
    await expectStored(home, pass, 'PIPE_A', 'piped $a');
    await expectStored(home, pass, 'PIPE_B', 'l1\nl2');

    const bad = await runCli(['import', '-', '--passphrase-file', pass], {
      home,
      cwd: dir,
      input: 'OK=1\noops\n',
    });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/stdin:2: not a KEY=VALUE line/);
  });
});

describe('a 10,000-line file', () => {
  it('imports in one vault write and one project write', async () => {
    const { home, pass } = await initVault();
    const lines = Array.from({ length: 10_000 }, (_, i) => `KEY_${i}=value-${i}`);
    const { dir } = projectWith(`${lines.join('\n')}\n`);
    const before = readDoc(home).generation;
    const r = await runCli(['import', '.env', '--passphrase-file', pass], {
      home,
      cwd: dir,
      timeoutMs: 15_000,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    // Every vault write bumps generation once: exactly one write for all 10,000.
    expect(readDoc(home).generation).toBe(before + 1);
    const names = (await runCli(['list', '--names'], { home })).stdout.trim().split('\n');
    expect(names).toHaveLength(10_000);
    expect(new Set(names)).toEqual(new Set(lines.map((_, i) => `KEY_${i}`)));
    expect(Object.keys(mappings(dir))).toHaveLength(10_000);
    await expectStored(home, pass, 'KEY_9999', 'value-9999');
  });
});
