// `lsec show` and `show --json` through the real binary: the exact command Lightning's
// docs give comes out byte for byte (users compare it with the docs and paste it),
// the JSON has the documented shape for scripts, and no secret value ever appears
// in any output or in the committed .lsec.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { initVault, runCli, tempDir } from '../helpers/cli.js';
import { installFake } from '../helpers/click-lightning.js';

const DOCS =
  'lightning run app app.py --cloud --env FOO=bar --secret MY_APP_SECRET=my-secret --secret ANOTHER_SECRET=another-secret';
// Distinctive values: if any output or file holds one, it leaked.
const SENTINELS = { 'my-secret': 'SENTINEL-value-one-7Qx', 'another-secret': 'SENTINEL-two-$9w' };

let home: string;
let dir: string;
// PATH holds only a (click) Lightning 1.9.5, so the launcher is shown as plain
// `lightning` whatever is installed here; HOME is a tmp folder so a real ~/.lightning
// is never read.
const env = { PATH: dirname(installFake('1.9.5')), HOME: tempDir('lsec-userhome-') };
const lsec = (args: string[], cwd = dir) => runCli(args, { home, env, cwd });

beforeAll(async () => {
  ({ home } = await initVault({ secrets: SENTINELS }));
  dir = tempDir('lsec-proj-');
  writeFileSync(join(dir, 'app.py'), '');
  // Built with the commands a user would type, in the docs' order.
  for (const args of [
    ['env', 'FOO=bar'],
    ['map', 'MY_APP_SECRET=my-secret'],
    ['map', 'ANOTHER_SECRET=another-secret'],
  ]) {
    const r = await lsec(args);
    expect(r.code, r.stderr).toBe(0);
  }
  // APP on the command line fills the profile's empty app.
  const first = await lsec(['launch', 'app.py', '--dry-run']);
  expect(first.code, first.stderr).toBe(0);
});

describe('lsec show', () => {
  it('prints the docs example byte for byte, and launch --dry-run prints only it', async () => {
    const shown = await lsec(['show']);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout.split('\n')).toContain(DOCS);
    const dry = await lsec(['launch', '--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toBe(`${DOCS}\n`);
  });

  it('--json has exactly the documented keys, in order, and the argv as a list', async () => {
    const r = await lsec(['show', '--json']);
    expect(r.code, r.stderr).toBe(0);
    // One object on one line: scripts read it with JSON.parse or jq.
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual([
      'schema',
      'profile',
      'target',
      'app',
      'cloud',
      'lightning',
      'env',
      'secrets',
      'argv',
      'problems',
      'project',
    ]);
    expect(json).toEqual({
      schema: 1,
      profile: 'default',
      target: 'app',
      app: 'app.py',
      cloud: true,
      lightning: 'lightning 1.9.5: run app options of 1.9',
      env: { FOO: 'bar' },
      secrets: { MY_APP_SECRET: 'my-secret', ANOTHER_SECRET: 'another-secret' },
      argv: DOCS.split(' '),
      problems: [],
      // No Lightning credentials here: the project is not known.
      project: null,
    });
  });

  it('--json lists problems with code, subject, message and fix (argv null when it cannot run)', async () => {
    const other = tempDir('lsec-proj-');
    writeFileSync(
      join(other, '.lsec.json'),
      JSON.stringify({ version: 1, profiles: { default: { env: { A: 'x=y' }, secrets: {} } } }),
    );
    const r = await lsec(['show', '--json'], other);
    // The same verdict as a launch: exit 2, the JSON still on stdout.
    expect(r.code).toBe(2);
    const json = JSON.parse(r.stdout);
    expect(json.argv).toBeNull();
    expect(json.app).toBeNull();
    expect(json.problems.map((p: { code: string }) => p.code)).toEqual([
      'app-unset',
      'plain-value',
    ]);
    for (const p of json.problems)
      expect(Object.keys(p)).toEqual(['code', 'subject', 'message', 'fix']);
  });

  it('never prints a value and never writes one to .lsec.json', async () => {
    const outputs = await Promise.all([
      lsec(['show']),
      lsec(['show', '--json']),
      lsec(['launch', '--dry-run']),
      lsec(['launch', '--dry-run', '--local']),
    ]);
    const everything = [
      readFileSync(join(dir, '.lsec.json'), 'utf8'),
      ...outputs.flatMap((r) => [r.stdout, r.stderr]),
    ].join('\n');
    // Guard against a vacuous pass: the outputs did describe the mapped secrets.
    expect(everything).toContain('another-secret');
    for (const value of Object.values(SENTINELS)) expect(everything).not.toContain(value);
  });
});
