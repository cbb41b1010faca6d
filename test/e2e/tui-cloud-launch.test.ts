// Issue 10 §2 in the TUI: the launch screen checks the secrets in the project Lightning
// will use (the FIRST membership, not the default one), says which, and the launched
// process gets LIGHTNING_CLOUD_PROJECT_ID pinned to it. A profile's "project" is
// listed on home, checked and pinned instead. Real terminal, fake Lightning API, fake launcher.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCloudServer } from '../fixtures/cloud-server.js';
import { FAKE_LIGHTNING, fakeLaunches } from '../fixtures/fake-lightning-log.js';
import { initVault, lsecBin, PASSPHRASE, TEST_ITERATIONS, tempDir } from '../helpers/cli.js';
import { openTerminal } from '../helpers/tmux.js';

async function launchFromTui(profile: Record<string, unknown>) {
  const server = await startCloudServer({
    memberships: [
      { projectId: 'p-first', name: 'first' },
      { projectId: 'p-team', name: 'team', isDefault: true },
    ],
    secrets: {
      // A registry login: not a plain secret, yet Lightning's app CLI resolves
      // --secret among every type, so a launch may map it (as lsec launch checks).
      'p-first': [
        { name: 'apikey', value: 'a' },
        { name: 'registry', value: 'r', type: 'SECRET_TYPE_DOCKER_REGISTRY' },
      ],
      'p-team': [{ name: 'apikey', value: 'b' }],
    },
  });
  const { home } = await initVault({ secrets: { apikey: 'local' } });
  const app = tempDir('lsec-app-');
  writeFileSync(join(app, 'app.py'), '');
  const data = {
    version: 1,
    profiles: { default: { app: 'app.py', env: {}, secrets: { KEY: 'apikey' }, ...profile } },
  };
  writeFileSync(join(app, '.lsec.json'), JSON.stringify(data));
  const log = join(tempDir('lsec-fake-'), 'launches.jsonl');
  const term = await openTerminal({
    command: [process.execPath, lsecBin()],
    cwd: app,
    columns: 100,
    rows: 30,
    env: {
      LSEC_HOME: home,
      LSEC_ITERATIONS: TEST_ITERATIONS,
      LSEC_LIGHTNING: FAKE_LIGHTNING,
      FAKE_LIGHTNING_LOG: log,
      NO_COLOR: '1',
      ...server.env,
      LIGHTNING_CREDENTIAL_PATH: join(app, 'none.json'),
    },
  });
  await term.waitFor('› Passphrase');
  term.type(PASSPHRASE);
  term.keys('Enter');
  const listed = await term.waitFor('cloud: ');
  term.type('l');
  const screen = await term.waitFor('✓ every check passed');
  term.keys('Enter');
  expect(await term.exitCode()).toBe(0);
  await server.close();
  return { listed, screen, launches: fakeLaunches(log) };
}

describe('a cloud launch from the TUI', () => {
  it('checks the first membership, shows it, and pins it', async () => {
    const { listed, screen, launches } = await launchFromTui({});
    expect(listed).toContain('cloud: first (p-first)');
    expect(screen).toContain('project first (p-first)');
    expect(launches).toHaveLength(1);
    expect(launches[0]!.env.LIGHTNING_CLOUD_PROJECT_ID).toBe('p-first');
  });

  it('finds a mapped secret of another type in the cloud, as lsec launch does', async () => {
    const { screen, launches } = await launchFromTui({
      secrets: { KEY: 'apikey', REGISTRY: 'registry' },
    });
    expect(screen).toContain('2 mapped secrets found in the vault or the cloud');
    expect(launches[0]!.argv).toContain('REGISTRY=registry');
  });

  it("checks and pins the profile's project", async () => {
    const { listed, screen, launches } = await launchFromTui({ project: 'team' });
    // Home lists (and p pushes to) the profile's project too, as lsec push does.
    expect(listed).toContain('cloud: team (p-team)');
    expect(screen).toContain('project team (p-team), chosen by the profile');
    expect(launches[0]!.env.LIGHTNING_CLOUD_PROJECT_ID).toBe('p-team');
  });
});
