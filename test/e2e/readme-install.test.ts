// Issue 12 (friction): after the README's install `lsec` was not on PATH, yet the
// worked example starts with `lsec init`. The README now says `npm install && npm link`;
// this runs that path (npm link into a private prefix, from a copy of the package
// holding what a clone has after `npm install`: package.json, bin/, dist/) and then
// the example's first command by name from PATH, in a folder outside the repository.
// It also checks `npx lsec`, which the README offers inside the repository.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lsecBin, PASSPHRASE, REPO, TEST_ITERATIONS, tempDir, tempHome } from '../helpers/cli.js';

const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
// npm talks to no registry here: --offline, and --ignore-scripts (dist/ is built).
const npmFlags = ['--offline', '--ignore-scripts', '--no-audit', '--no-fund'];

describe('the README install path', () => {
  it('keeps `npm install && npm start` first and documents `npm link` before the example', () => {
    const firstBlock = readme.slice(
      readme.indexOf('```sh'),
      readme.indexOf('```', readme.indexOf('```sh') + 5),
    );
    expect(firstBlock).toContain('npm install && npm start');
    expect(firstBlock).toMatch(/^npm link\b/m);
    const example = readme.indexOf('## A worked example');
    const firstCommand = readme.indexOf('lsec init', example);
    expect(readme.slice(example, firstCommand)).toContain('npm install && npm link');
  });

  it('after `npm link`, `lsec` runs by name from any folder: --version, then `lsec init`', () => {
    const pkg = tempDir('lsec-clone-');
    cpSync(join(REPO, 'package.json'), join(pkg, 'package.json'));
    const snapshot = join(lsecBin(), '..', '..');
    cpSync(join(snapshot, 'bin'), join(pkg, 'bin'), { recursive: true });
    cpSync(join(snapshot, 'dist'), join(pkg, 'dist'), { recursive: true });
    const prefix = tempDir('lsec-prefix-');
    execFileSync('npm', ['link', ...npmFlags], {
      cwd: pkg,
      env: { ...process.env, npm_config_prefix: prefix },
      stdio: 'pipe',
    });
    const env = {
      PATH: `${join(prefix, 'bin')}:${process.env.PATH}`,
      HOME: tempDir('lsec-userhome-'),
      LSEC_HOME: tempHome('lsec'),
      LSEC_ITERATIONS: TEST_ITERATIONS,
      LSEC_PASSPHRASE: PASSPHRASE,
    };
    const elsewhere = tempDir('lsec-my-app-');
    const version = spawnSync('lsec', ['--version'], { cwd: elsewhere, env, encoding: 'utf8' });
    expect(version.status, version.stderr).toBe(0);
    expect(version.stdout).toMatch(/^lsec \d+\.\d+\.\d+\n$/);
    const init = spawnSync('lsec', ['init'], { cwd: elsewhere, env, encoding: 'utf8' });
    expect(init.status, init.stderr).toBe(0);
    expect(init.stderr).toMatch(/created the vault/);
  });

  it('`npx lsec --version` works inside the repository without the registry', () => {
    const r = spawnSync('npx', ['--offline', 'lsec', '--version'], {
      cwd: REPO,
      encoding: 'utf8',
      env: { ...process.env, npm_config_update_notifier: 'false' },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^lsec \d+\.\d+\.\d+\n$/);
  });
});
