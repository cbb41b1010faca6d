// Issue 10 §5: a mistyped profile is exit 2 with a did-you-mean for show, launch, run
// and the TUI, and the project file stays as it was; only map and env create a
// profile, and they say so.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { initVault, lsecBin, runCli, TEST_ITERATIONS, tempDir } from '../helpers/cli.js';
import { withClick } from '../helpers/click-lightning.js';
import { openTerminal } from '../helpers/tmux.js';

let home: string;
beforeAll(async () => {
  ({ home } = await initVault());
});

const FILE = JSON.stringify({
  version: 1,
  profiles: { default: { app: 'app.py', env: { A: '1' }, secrets: {} } },
});

function project(): string {
  const dir = tempDir('lsec-proj-');
  writeFileSync(join(dir, 'app.py'), '');
  writeFileSync(join(dir, '.lsec.json'), FILE);
  return dir;
}

describe('an unknown profile', () => {
  for (const args of [
    ['show'],
    ['launch', 'app.py'],
    ['launch', '--dry-run'],
    ['run', '--profile', 'defualt', '--', 'true'],
  ]) {
    it(`lsec ${args.join(' ')} (--profile defualt): exit 2, did you mean default, nothing written or launched`, async () => {
      const dir = project();
      const all = args.includes('--profile') ? args : [...args, '--profile', 'defualt'];
      const r = await withClick(all, { home, cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('no profile named defualt');
      expect(r.stderr).toContain('did you mean --profile default?');
      expect(r.launches).toEqual([]);
      expect(readFileSync(join(dir, '.lsec.json'), 'utf8')).toBe(FILE);
    });
  }

  it('the TUI (lsec --profile nope) refuses before drawing anything', async () => {
    const dir = project();
    const term = await openTerminal({
      command: [process.execPath, lsecBin(), '--profile', 'nope'],
      cwd: dir,
      env: { LSEC_HOME: home, LSEC_ITERATIONS: TEST_ITERATIONS, NO_COLOR: '1' },
    });
    expect(await term.exitCode()).toBe(2);
    expect(term.capture()).toContain('no profile named nope');
    expect(readFileSync(join(dir, '.lsec.json'), 'utf8')).toBe(FILE);
  });

  it('map and env create it and say `created profile NAME`; then it exists', async () => {
    const dir = project();
    const map = await runCli(['map', 'API=api-key', '--profile', 'prod'], { home, cwd: dir });
    expect(map.code, map.stderr).toBe(0);
    expect(map.stderr).toContain('created profile prod');
    const env = await runCli(['env', 'B=2', '--profile', 'staging'], { home, cwd: dir });
    expect(env.stderr).toContain('created profile staging');
    const again = await runCli(['env', 'C=3', '--profile', 'prod'], { home, cwd: dir });
    expect(again.stderr).not.toContain('created profile');
    const show = await withClick(['show', '--json', '--profile', 'prod'], {
      home,
      cwd: dir,
    });
    expect(JSON.parse(show.stdout).profile).toBe('prod');
  });
});
