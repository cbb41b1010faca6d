// Issue 14 "Done when", end to end through the real binary and a real terminal: a
// user with only today's lightning-sdk (the click fake as `lightning` on PATH, no
// lightning_app) imports a .env, pushes to a teamspace of the stand-in API, maps,
// sets the profile's target to deployment, and launches it from the TUI with one key.
// And a Lightning 2.2 user (lightning_app) still launches apps byte for byte as before.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CloudServer, startCloudServer } from '../fixtures/cloud-server.js';
import {
  initVault,
  lsecBin,
  PASSPHRASE,
  runCli,
  TEST_ITERATIONS,
  teamspaceConfigHome,
  tempDir,
} from '../helpers/cli.js';
import { fakeFor, readClickLog, withClick } from '../helpers/click-lightning.js';
import { projectWith } from '../helpers/launch.js';
import { openTerminal } from '../helpers/tmux.js';

let s: CloudServer;
beforeAll(async () => {
  s = await startCloudServer({
    username: 'me',
    orgs: { acme: 'org-9' },
    memberships: [
      { projectId: 'p-first', name: 'first', ownerId: 'user-1', ownerType: 'user' },
      { projectId: 'p-team', name: 'team', ownerId: 'org-9', ownerType: 'organization' },
    ],
  });
});
afterAll(() => s.close());

describe("today's lightning-sdk, from a .env to a deployment", () => {
  it('import → push → map → target deployment → l, Enter in the TUI', async () => {
    const { home, pass } = await initVault();
    const dir = tempDir('lsec-proj-');
    // The user's home: `lightning config set teamspace acme/team` wrote this.
    const userHome = teamspaceConfigHome('acme', 'team', 'organization');
    // Only the SDK's `lightning` is on PATH (and the shell's tools): no lightning_app.
    const sdkBin = dirname(fakeFor('sdk'));
    const PATH = `${sdkBin}:/usr/bin:/bin`;
    const env = { HOME: userHome, PATH, ...s.env };
    const lsec = (args: string[]) =>
      runCli([...args, '--passphrase-file', pass], { home, cwd: dir, env });

    // A normal .env: import keeps each key as the secret's name, and today's rule
    // (letters, digits, "_") accepts it, so push takes it as it is.
    writeFileSync(join(dir, '.env'), 'API_TOKEN=SENTINEL-TOKEN\nDATABASE_URL=SENTINEL-DB\n');
    const imported = await lsec(['import', '.env']);
    expect(imported.code, imported.stderr).toBe(0);

    const pushed = await lsec(['push']);
    expect(pushed.code, pushed.stderr).toBe(0);
    const sent = s
      .secretsOf('p-team')
      .map((x) => [x.name, x.type])
      .sort();
    expect(sent).toEqual([
      ['API_TOKEN', 'SECRET_TYPE_UNSPECIFIED'],
      ['DATABASE_URL', 'SECRET_TYPE_UNSPECIFIED'],
    ]);
    expect(s.secretsOf('p-first')).toEqual([]);
    const posted = s.requests.filter((q) => q.method === 'POST').map((q) => q.path);
    expect(new Set(posted)).toEqual(new Set(['/v1/projects/p-team/secrets']));

    const mapped = await runCli(['map', 'AUTH_TOKEN=API_TOKEN'], { home, cwd: dir, env });
    expect(mapped.code, mapped.stderr).toBe(0);
    const plain = await runCli(['env', 'LOG_LEVEL=info'], { home, cwd: dir, env });
    expect(plain.code, plain.stderr).toBe(0);

    // No command sets the target: the profile is edited, as the README says.
    const file = join(dir, '.lsec.json');
    const data = JSON.parse(readFileSync(file, 'utf8'));
    data.profiles.default = {
      ...data.profiles.default,
      target: 'deployment',
      name: 'my-api',
      args: ['--image', 'ghcr.io/me/api:1', '--port', '8000'],
    };
    writeFileSync(file, JSON.stringify(data));

    const log = join(tempDir('lsec-clicklog-'), 'log.jsonl');
    const term = await openTerminal({
      command: [process.execPath, lsecBin()],
      cwd: dir,
      columns: 100,
      rows: 30,
      env: {
        ...env,
        LSEC_HOME: home,
        LSEC_ITERATIONS: TEST_ITERATIONS,
        FAKE_LIGHTNING_LOG: log,
        NO_COLOR: '1',
      },
    });
    try {
      await term.waitFor('› Passphrase');
      term.type(PASSPHRASE);
      term.keys('Enter');
      await term.waitFor('cloud: ');
      // l opens the launch screen: its check names the teamspace and why; Enter launches.
      term.type('l');
      const screen = await term.waitFor('✓ every check passed');
      expect(screen).toContain('teamspace team (p-team), chosen by ~/.lightning/config.yaml');
      expect(screen).toContain('lightning deployment create my-api');
      term.keys('Enter');
      expect(await term.exitCode()).toBe(0);
    } finally {
      term.close();
    }
    const launches = readClickLog(log).filter((e) => e.parsed !== undefined);
    expect(launches).toHaveLength(1);
    const [launch] = launches;
    expect(launch!.release).toBe('sdk');
    expect(launch!.argv).toEqual([
      'deployment',
      'create',
      'my-api',
      '--image',
      'ghcr.io/me/api:1',
      '--port',
      '8000',
      '--env',
      'LOG_LEVEL=info',
      // A secret mapped to its own name takes the short form.
      '--secret',
      'API_TOKEN',
      '--secret',
      'DATABASE_URL',
      '--secret',
      'AUTH_TOKEN=API_TOKEN',
    ]);
    expect(launch!.parsed?.env).toEqual([['LOG_LEVEL', 'info']]);
    expect(launch!.parsed?.secret).toEqual([
      // The short form: the SDK names the variable after the secret.
      { fromSecret: 'API_TOKEN' },
      { fromSecret: 'DATABASE_URL' },
      { name: 'AUTH_TOKEN', fromSecret: 'API_TOKEN' },
    ]);
    // Pinned: the SDK looks the names up in the teamspace they were pushed to.
    expect(launch!.env?.LIGHTNING_TEAMSPACE).toBe('acme/team');
    // No value reached the launched CLI, in argv or env.
    expect(JSON.stringify(launch)).not.toContain('SENTINEL');
  });
});

describe('Lightning 2.2 (lightning_app) launches apps as before', () => {
  it('the argv, byte for byte, and what click parsed', async () => {
    const { home } = await initVault({ secrets: { 'api-key': 'SENTINEL-K' } });
    const dir = projectWith({
      app: 'app.py',
      name: 'my-app',
      env: { LOG_LEVEL: 'info' },
      secrets: { API_KEY: 'api-key' },
    });
    const r = await withClick(['launch', '--no-verify'], {
      home,
      cwd: dir,
      release: '2.2.5',
      script: 'lightning_app',
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.launches).toHaveLength(1);
    expect(r.launches[0]!.argv).toEqual([
      'run',
      'app',
      'app.py',
      '--cloud',
      '--name',
      'my-app',
      '--env',
      'LOG_LEVEL=info',
      '--secret',
      'API_KEY=api-key',
    ]);
    expect(r.launches[0]!.parsed?.secret).toEqual([['API_KEY', 'api-key']]);
    expect(JSON.stringify(r.launches[0])).not.toContain('SENTINEL');
  });
});
