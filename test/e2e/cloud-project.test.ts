// Issue 10 §2: lsec verifies in the project Lightning will use, and pins it. Lightning's
// app CLI takes LIGHTNING_CLOUD_PROJECT_ID, else the FIRST membership (ignoring
// isDefault). The stand-in has two memberships whose first is NOT the default, and a
// secret only in the first: checking the default one (the old behaviour) refused a
// good launch and let the launched CLI look in a project lsec never checked.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CloudServer, startCloudServer } from '../fixtures/cloud-server.js';
import { initVault, runCli, tempDir } from '../helpers/cli.js';
import { launchWithFake } from '../helpers/launch.js';

let s: CloudServer;
let vault: { home: string; pass: string };

beforeAll(async () => {
  s = await startCloudServer({
    memberships: [
      { projectId: 'p-first', name: 'first' },
      { projectId: 'p-team', name: 'team', displayName: 'Team Space', isDefault: true },
    ],
    secrets: {
      'p-first': [{ name: 'firstonly', value: 'v' }],
      'p-team': [{ name: 'teamonly', value: 'w' }],
    },
  });
  vault = await initVault({ secrets: { localone: 'SENTINEL-local' } });
});
afterAll(() => s.close());

function projectDir(profile: Record<string, unknown>): string {
  const dir = tempDir('lsec-proj-');
  writeFileSync(join(dir, 'app.py'), '');
  writeFileSync(
    join(dir, '.lsec.json'),
    JSON.stringify({ version: 1, profiles: { default: { app: 'app.py', env: {}, ...profile } } }),
  );
  return dir;
}

const env = (extra: Record<string, string> = {}) => ({ ...s.env, ...extra });

describe('the project of a cloud launch', () => {
  it('verifies in the FIRST membership, not the default one, and pins it', async () => {
    const dir = projectDir({ secrets: { KEY: 'firstonly' } });
    const r = await launchWithFake([], { home: vault.home, cwd: dir, env: env() });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('project first (p-first), chosen by first membership');
    expect(r.stderr).toContain('Defaulting to the project: first');
    expect(r.launches).toHaveLength(1);
    expect(r.launches[0]!.env.LIGHTNING_CLOUD_PROJECT_ID).toBe('p-first');
  });

  it('refuses a secret that only the default (not first) project has', async () => {
    const dir = projectDir({ secrets: { KEY: 'teamonly' } });
    const r = await launchWithFake([], { home: vault.home, cwd: dir, env: env() });
    expect(r.code).toBe(2);
    expect(r.launches).toEqual([]);
  });

  it("a profile's project (by name) is verified and pinned", async () => {
    const dir = projectDir({ project: 'Team Space', secrets: { KEY: 'teamonly' } });
    const r = await launchWithFake([], { home: vault.home, cwd: dir, env: env() });
    expect(r.code, r.stderr).toBe(0);
    expect(r.launches[0]!.env.LIGHTNING_CLOUD_PROJECT_ID).toBe('p-team');
  });

  it('a project id the user set wins and is left as set', async () => {
    const dir = projectDir({ secrets: { KEY: 'teamonly' } });
    const r = await launchWithFake([], {
      home: vault.home,
      cwd: dir,
      env: env({ LIGHTNING_CLOUD_PROJECT_ID: 'p-team' }),
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('chosen by LIGHTNING_CLOUD_PROJECT_ID');
    expect(r.launches[0]!.env.LIGHTNING_CLOUD_PROJECT_ID).toBe('p-team');
  });

  it('an unknown profile project is refused before anything runs, listing the memberships', async () => {
    const dir = projectDir({ project: 'nope', secrets: { KEY: 'firstonly' } });
    const r = await launchWithFake([], { home: vault.home, cwd: dir, env: env() });
    expect(r.code).toBe(2);
    expect(r.launches).toEqual([]);
    expect(r.stderr).toContain('nope is not one of your projects');
    expect(r.stderr).toContain('first (p-first), Team Space (p-team)');
  });

  it('an unknown LIGHTNING_CLOUD_PROJECT_ID gets Lightning’s own message', async () => {
    const dir = projectDir({ secrets: { KEY: 'firstonly' } });
    const r = await launchWithFake([], {
      home: vault.home,
      cwd: dir,
      env: env({ LIGHTNING_CLOUD_PROJECT_ID: 'p-gone' }),
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'Environment variable `LIGHTNING_CLOUD_PROJECT_ID` is set but could not find an associated project.',
    );
  });
});

describe('the project is shown', () => {
  const cli = (args: string[], cwd?: string, extra: Record<string, string> = {}) =>
    runCli([...args, '--passphrase-file', vault.pass], {
      home: vault.home,
      cwd,
      env: { HOME: tempDir('lsec-userhome-'), ...env(extra) },
    });

  it('show: name, id and how it was chosen (text and --json)', async () => {
    const dir = projectDir({ secrets: {} });
    const r = await runCli(['show'], {
      home: vault.home,
      cwd: dir,
      env: { HOME: tempDir(), ...env() },
    });
    // No Lightning is installed here, so show exits 2 for that; the project is shown anyway.
    expect(r.stdout).toMatch(/^project {2}first \(p-first\) {2}\(chosen by first membership\)$/m);
    const j = await runCli(['show', '--json'], {
      home: vault.home,
      cwd: dir,
      env: { HOME: tempDir(), ...env() },
    });
    expect(JSON.parse(j.stdout).project).toEqual({
      id: 'p-first',
      name: 'first',
      source: 'first membership',
    });
  });

  it('remote and push name the teamspace and its source, and go to the first membership', async () => {
    const r = await cli(['remote', '--json'], tempDir());
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('teamspace first (p-first) (chosen by first membership)');
    expect(JSON.parse(r.stdout).secrets.map((x: { name: string }) => x.name)).toEqual([
      'firstonly',
    ]);
    const p = await cli(['push', 'localone'], tempDir());
    expect(p.code, p.stderr).toBe(0);
    expect(p.stderr).toContain('teamspace first (p-first)');
    expect(s.secretsOf('p-first').map((x) => x.name)).toContain('localone');
    expect(s.secretsOf('p-team').map((x) => x.name)).not.toContain('localone');
  });

  it("push follows the profile's project", async () => {
    const dir = projectDir({ project: 'p-team', secrets: {} });
    const p = await cli(['push', 'localone'], dir);
    expect(p.code, p.stderr).toBe(0);
    expect(p.stderr).toContain(
      'teamspace Team Space (p-team) (chosen by the profile\'s "project")',
    );
    expect(s.secretsOf('p-team').map((x) => x.name)).toContain('localone');
  });
});
