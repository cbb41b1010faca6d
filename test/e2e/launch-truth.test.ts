// Issue 10 §4 and issue 11 item 7: `show` and `launch --dry-run` run the launch's own
// pre-flight (exit 2 when a launch would be refused, e.g. no Lightning installed, with
// the command and every problem), and `lsec run` checks a profile's env names exactly
// as a launch does, so a name holding "=" never reaches a child's environment.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { initVault, runCli, tempDir } from '../helpers/cli.js';
import { projectWith } from '../helpers/launch.js';

let home: string;
let pass: string;
beforeAll(async () => {
  ({ home, pass } = await initVault({ secrets: { 'api-key': 'k' } }));
});

// No launcher anywhere: an empty PATH, nothing configured.
const noLightning = { PATH: tempDir('lsec-path-'), HOME: tempDir('lsec-userhome-') };

describe('show and --dry-run tell the truth', () => {
  const dir = () => projectWith({ app: 'app.py', env: { FOO: 'bar' }, secrets: {} });

  it('show: the command, the problem, exit 2 when Lightning is not installed', async () => {
    const r = await runCli(['show'], { home, cwd: dir(), env: noLightning });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('lightning run app app.py --cloud --env FOO=bar');
    expect(r.stdout).toContain('✗ Lightning is not installed');
    expect(r.stderr).toContain('a launch would be refused');
  });

  it('launch --dry-run: the command on stdout, the problem on stderr, exit 2', async () => {
    const r = await runCli(['launch', '--dry-run'], { home, cwd: dir(), env: noLightning });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('lightning run app app.py --cloud --env FOO=bar\n');
    expect(r.stderr).toContain('✗ Lightning is not installed');
    expect(r.stderr).toContain('pip install');
  });
});

describe('lsec run checks env names like launch', () => {
  for (const [what, profile] of [
    ['a plain name holding "="', { env: { 'PATH=/tmp/evil:/usr/bin': 'x' }, secrets: {} }],
    ['a mapped name holding "="', { env: {}, secrets: { 'PATH=/tmp/evil': 'api-key' } }],
  ] as const) {
    it(`${what}: exit 2, nothing runs`, async () => {
      const dir = projectWith(profile);
      const marker = join(dir, 'ran');
      const r = await runCli(['run', '--passphrase-file', pass, '--', 'touch', marker], {
        home,
        cwd: dir,
      });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('is not a valid environment variable name');
      expect(existsSync(marker)).toBe(false);
    });
  }
});
