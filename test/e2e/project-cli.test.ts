// map / unmap / env / unenv through the real binary: which `.lsec.json` they write
// (--dir, the nearest one upward, else the working directory), that order and other
// profiles survive an edit, and that every refusal exits 2 with the file untouched,
// because users commit this file and a half-applied edit would end up in git.
// None of these commands needs the vault, so no test here pays for an unlock.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CRASH_MARKERS, runCli, tempDir, tempHome } from '../helpers/cli.js';

const home = tempHome();
// A tmp HOME too: nothing here may read the developer's real ~/.lightning.
const env = { HOME: tempDir('lsec-userhome-') };
const lsec = (args: string[], cwd: string) => runCli(args, { home, env, cwd });
const fileOf = (dir: string) => join(dir, '.lsec.json');
const profiles = (dir: string) =>
  JSON.parse(readFileSync(fileOf(dir), 'utf8')).profiles as Record<
    string,
    { env: Record<string, string>; secrets: Record<string, string>; app?: string }
  >;

describe('which .lsec.json a command writes', () => {
  it('the working directory when no .lsec.json exists above it', async () => {
    const dir = tempDir('lsec-proj-');
    const r = await lsec(['map', 'MY_APP_SECRET=my-secret'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(profiles(dir).default!.secrets).toEqual({ MY_APP_SECRET: 'my-secret' });
    // Not an error (the secret may live only in the cloud), but worth a word.
    expect(r.stderr).toContain('lsec add my-secret');
  });

  it('the nearest .lsec.json upward, leaving the sub-folders alone', async () => {
    const root = tempDir('lsec-proj-');
    writeFileSync(fileOf(root), '{"version":1,"profiles":{}}\n');
    const deep = join(root, 'src', 'deep');
    mkdirSync(deep, { recursive: true });
    expect((await lsec(['env', 'FOO=bar'], deep)).code).toBe(0);
    expect(profiles(root).default!.env).toEqual({ FOO: 'bar' });
    expect(existsSync(fileOf(deep))).toBe(false);
    expect(existsSync(fileOf(join(root, 'src')))).toBe(false);
  });

  it('--dir, relative to the working directory, wins over discovery', async () => {
    const root = tempDir('lsec-proj-');
    writeFileSync(fileOf(root), '{"version":1,"profiles":{}}\n');
    mkdirSync(join(root, 'app'));
    const r = await lsec(['env', 'FOO=bar', '--dir', 'app'], root);
    expect(r.code, r.stderr).toBe(0);
    expect(profiles(join(root, 'app')).default!.env).toEqual({ FOO: 'bar' });
    expect(profiles(root)).toEqual({});
    const missing = await lsec(['env', 'FOO=bar', '--dir', 'nope'], root);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope');
  });

  it('keeps the order of variables (the launch argv follows it), replacing in place', async () => {
    const dir = tempDir('lsec-proj-');
    for (const args of [
      ['env', 'ZED=1'],
      ['env', 'ALPHA=2'],
      ['map', 'Z_KEY=z-key'],
      ['map', 'A_KEY=a-key'],
      ['env', 'ZED=3'], // replaced: keeps its first place
      ['map', 'Z_KEY=other'],
    ]) {
      expect((await lsec(args, dir)).code).toBe(0);
    }
    const p = profiles(dir).default!;
    expect(Object.entries(p.env)).toEqual([
      ['ZED', '3'],
      ['ALPHA', '2'],
    ]);
    expect(Object.entries(p.secrets)).toEqual([
      ['Z_KEY', 'other'],
      ['A_KEY', 'a-key'],
    ]);
    expect((await lsec(['unenv', 'ZED'], dir)).code).toBe(0);
    expect((await lsec(['unmap', 'Z_KEY'], dir)).code).toBe(0);
    expect(profiles(dir).default).toMatchObject({
      env: { ALPHA: '2' },
      secrets: { A_KEY: 'a-key' },
    });
  });

  it('--profile edits only that profile; show --profile reads it back', async () => {
    const dir = tempDir('lsec-proj-');
    await lsec(['env', 'STAGE=dev'], dir);
    const r = await lsec(['env', 'STAGE=prod', '--profile', 'prod'], dir);
    expect(r.code, r.stderr).toBe(0);
    await lsec(['map', 'DB_URL=prod-db', '--profile', 'prod'], dir);
    const all = profiles(dir);
    expect(Object.keys(all)).toEqual(['default', 'prod']);
    expect(all.default).toMatchObject({ env: { STAGE: 'dev' }, secrets: {} });
    expect(all.prod).toMatchObject({ env: { STAGE: 'prod' }, secrets: { DB_URL: 'prod-db' } });
    const shown = JSON.parse((await lsec(['show', '--json', '--profile', 'prod'], dir)).stdout);
    expect(shown).toMatchObject({ profile: 'prod', env: { STAGE: 'prod' } });
    expect((await lsec(['env', 'A=1', '--profile', '../x'], dir)).code).toBe(2);
  });
});

describe('map and the vault', () => {
  it('a damaged vault does not fail a map that was saved (exit 0, with a note)', async () => {
    // map only edits .lsec.json; the vault is read for a courtesy note. Failing
    // after the write would exit 4, which promises that nothing was changed.
    const damaged = tempHome();
    writeFileSync(join(damaged, 'vault.json'), '{"format":"not-lsec"}', { mode: 0o600 });
    const dir = tempDir('lsec-proj-');
    const r = await runCli(['map', 'X=my-secret'], { home: damaged, env, cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('could not check the vault for my-secret');
    expect(profiles(dir).default!.secrets).toEqual({ X: 'my-secret' });
  });
});

describe('plain variables that look like secrets', () => {
  it('are stored (the user may mean it) with a warning to map a secret instead', async () => {
    // .lsec.json is meant to be committed: a key typed here would end up in git.
    const dir = tempDir('lsec-proj-');
    const r = await lsec(['env', 'OPENAI_API_KEY=sk-123'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('warning: OPENAI_API_KEY looks like a secret');
    expect(r.stderr).toContain('lsec map OPENAI_API_KEY=NAME');
    expect(r.stderr).not.toContain('sk-123');
    expect((await lsec(['env', 'LOG_LEVEL=debug'], dir)).stderr).not.toContain('warning');
  });
});

describe('refusals exit 2 and leave .lsec.json byte for byte', () => {
  // A file with content in it, so "unchanged" also means "not emptied or re-formatted".
  const original =
    '{"version":1,"profiles":{"default":{"env":{"FOO":"bar"},"secrets":{"KEY":"my-key"}}}}';
  const cases: [string, string[], RegExp][] = [
    ['a bad env name, with the fixed name', ['env', 'FOO-BAR=x'], /use FOO_BAR/],
    ['an env name starting with a digit', ['map', '1KEY=my-key'], /use _1KEY/],
    ['a bad secret name, with the fix', ['map', 'GH=github/api token'], /use githubapi_token/],
    ['"=" in a plain value', ['env', 'URL=https://x/?a=b'], /store it as a secret/],
    ['a plain name already mapped', ['env', 'KEY=v'], /lsec unmap KEY/],
    ['a mapped name already plain', ['map', 'FOO=foo'], /lsec unenv FOO/],
    ['unmap of a name that is not mapped', ['unmap', 'NOPE'], /NOPE is not mapped/],
    ['unenv of a name that is not set', ['unenv', 'NOPE'], /NOPE is not a plain variable/],
    ['unmap of a plain variable points at unenv', ['unmap', 'FOO'], /lsec unenv FOO/],
    ['unenv of a mapping points at unmap', ['unenv', 'KEY'], /lsec unmap KEY/],
    ['no "=" at all', ['env', 'FOO'], /KEY=VALUE/],
  ];
  it.each(cases)('%s', async (_what, args, message) => {
    const dir = tempDir('lsec-proj-');
    writeFileSync(fileOf(dir), original);
    const r = await lsec(args, dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(CRASH_MARKERS);
    expect(readFileSync(fileOf(dir), 'utf8')).toBe(original);
  });

  it('a refused first edit does not create the file', async () => {
    const dir = tempDir('lsec-proj-');
    expect((await lsec(['env', 'BAD-NAME=1'], dir)).code).toBe(2);
    expect(existsSync(fileOf(dir))).toBe(false);
  });

  it('a malformed .lsec.json is named and never overwritten, by every project command', async () => {
    const dir = tempDir('lsec-proj-');
    // A hand edit with a trailing comma: the user's work must survive every command.
    const broken = '{"version":1,"profiles":{"default":{"env":{"A":"1"},},}}\n';
    writeFileSync(fileOf(dir), broken);
    const commands = [
      ['map', 'X=x'],
      ['unmap', 'X'],
      ['env', 'B=2'],
      ['unenv', 'A'],
      ['show'],
      ['show', '--json'],
      ['launch', 'app.py', '--dry-run'],
    ];
    const results = await Promise.all(commands.map((args) => lsec(args, dir)));
    for (const [i, r] of results.entries()) {
      expect(r.code, commands[i]!.join(' ')).toBe(2);
      expect(r.stderr).toContain(fileOf(dir));
      expect(r.stderr).toContain('line 1');
      expect(r.stdout).toBe('');
    }
    expect(readFileSync(fileOf(dir), 'utf8')).toBe(broken);
    // Valid JSON of the wrong shape is refused the same way, naming the field.
    const wrong = '{"version":1,"profiles":{"default":{"env":{"A":5}}}}';
    writeFileSync(fileOf(dir), wrong);
    const r = await lsec(['env', 'B=2'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('profiles.default.env.A must be a string');
    expect(readFileSync(fileOf(dir), 'utf8')).toBe(wrong);
  });
});
