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

const EXPECTED: [env: string, secret: string, value: string][] = [
  ['API_TOKEN', 'api-token', 'tok-123'],
  ['DATABASE_URL', 'database-url', 'postgres://u:p@db:5432/app?ssl=1#frag'],
  ['HASHY', 'hashy', 'a#b'],
  ['EMPTY', 'empty', ''],
  ['EMPTY_NOTE', 'empty-note', ''],
  ['SINGLE', 'single', '$HOME\\n stays # literal'],
  ['DOUBLE', 'double', 'tab\there "quoted" back\\slash\nsecond line'],
  ['PEM', 'pem', '-----BEGIN KEY-----\nabc\n\n-----END KEY-----'],
  ['Mixed_Case', 'mixed-case', 'Ünïcødé 🔑'],
  ['CRLF_LINE', 'crlf-line', 'crlf-value'],
  ['_LEADING', 'leading', 'underscore'],
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
  it('stores each value byte for byte and maps each key, keeping its case', async () => {
    const { home, pass } = await initVault();
    const { dir } = projectWith(DIALECT_FILE);
    const r = await runCli(['import', '.env', '--passphrase-file', pass], { home, cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/imported 11 secrets from \.env .*profile default/);
    expectNoValues(
      r,
      EXPECTED.map(([, , v]) => v),
    );
    // The env name keeps its case; the mapping order follows the file.
    expect(Object.entries(mappings(dir))).toEqual(EXPECTED.map(([env, secret]) => [env, secret]));
    for (const [, secret, value] of EXPECTED) await expectStored(home, pass, secret, value);
  });
});

describe('--dry-run', () => {
  it('lists names, mappings and which exist, changes nothing, prints no value', async () => {
    const { home, pass } = await initVault({ secrets: { 'api-token': 'old-token-value' } });
    const { dir } = projectWith(DIALECT_FILE);
    await runCli(['env', 'LOG_LEVEL=debug'], { home, cwd: dir });
    const vault = readVaultBytes(home);
    const project = projectBytes(dir);

    // No passphrase is needed to preview.
    const r = await runCli(['import', '.env', '--dry-run'], { home, cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^exists\s+api-token\s+map API_TOKEN\s+\(line 3\)$/m);
    expect(r.stdout).toMatch(/^add\s+pem\s+map PEM\s+\(line 10\)$/m);
    expect(r.stderr).toMatch(/dry run: nothing was changed; 1 already exist/);
    expectNoValues(r, [...EXPECTED.map(([, , v]) => v), 'old-token-value']);

    expect(readVaultBytes(home).equals(vault)).toBe(true);
    expect(projectBytes(dir)?.equals(project!)).toBe(true);
    await expectStored(home, pass, 'api-token', 'old-token-value');
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
    expect(refused.stderr).toMatch(/already in the vault: a-key, b-key\n.*--overwrite/);
    expectNoValues(refused, ['first-a', 'second-a', 'new-c']);
    // All or nothing: not even the new C_KEY went in.
    expect(readVaultBytes(home).equals(vault)).toBe(true);
    expect(projectBytes(dir)!.equals(project)).toBe(true);

    const args = ['import', '.env', '--overwrite', '--passphrase-file', pass];
    const accepted = await runCli(args, { home, cwd: dir });
    expect(accepted.code, accepted.stderr).toBe(0);
    expectNoValues(accepted, ['first-a', 'second-a', 'second-b', 'new-c']);
    expect(mappings(dir)).toEqual({ A_KEY: 'a-key', B_KEY: 'b-key', C_KEY: 'c-key' });
    await expectStored(home, pass, 'a-key', 'second-a');
    await expectStored(home, pass, 'b-key', 'second-b');
    await expectStored(home, pass, 'c-key', 'new-c');
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
    // `_1` loses its leading non-letters and leaves no name at all.
    [
      'a key that leaves no secret name',
      'OK=ok-value-1\n_1=x-value-1\n',
      /\.env:2: _1 cannot become a secret name/,
    ],
    [
      'two keys that become the same secret',
      'FOO_BAR=one-value\n_FOO_BAR=two-value\n',
      /\.env:2: _FOO_BAR and FOO_BAR would both become the secret foo-bar/,
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
    expect(mappings(dir)).toEqual({ PIPE_A: 'pipe-a', PIPE_B: 'pipe-b' });
    await expectStored(home, pass, 'pipe-a', 'piped $a');
    await expectStored(home, pass, 'pipe-b', 'l1\nl2');

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
    expect(new Set(names)).toEqual(new Set(lines.map((_, i) => `key-${i}`)));
    expect(Object.keys(mappings(dir))).toHaveLength(10_000);
    await expectStored(home, pass, 'key-9999', 'value-9999');
  });
});
