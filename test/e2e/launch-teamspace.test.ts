// A deployment's --secret names are looked up by lightning-sdk in the TEAMSPACE it
// resolves (--teamspace, LIGHTNING_TEAMSPACE, ~/.lightning/config.yaml, …), not in the
// app CLI's project. lsec verifies there, names it, and pins it for the child as
// LIGHTNING_TEAMSPACE (never in argv), unless the user set it or the argv has
// --teamspace. `lsec map` of a cloud-only name asks the same place.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CloudServer, startCloudServer } from '../fixtures/cloud-server.js';
import { initVault, runCli, teamspaceConfigHome, tempDir } from '../helpers/cli.js';
import { withClick } from '../helpers/click-lightning.js';

let s: CloudServer;
let vault: { home: string; pass: string };

beforeAll(async () => {
  s = await startCloudServer({
    username: 'me',
    orgs: { acme: 'org-9' },
    memberships: [
      // The first membership: where the app CLI (and the legacy choice) would look.
      { projectId: 'p-first', name: 'first', ownerId: 'user-1', ownerType: 'user' },
      { projectId: 'p-second', name: 'second', ownerId: 'org-9', ownerType: 'organization' },
    ],
    secrets: {
      'p-second': [
        { name: 'db_pass', value: 'SENTINEL-DB' },
        // Outside lsec's own name rule: mappable only as a cloud-only secret.
        { name: '9lives', value: 'SENTINEL-9' },
      ],
    },
  });
  // The vault does not hold db_pass: only the cloud can vouch for it.
  vault = await initVault({ secrets: { other: 'o' } });
});
afterAll(() => s.close());

const DEPLOYMENT = {
  target: 'deployment',
  name: 'my-api',
  args: ['--image', 'ghcr.io/me/api:1', '--port', '8000'],
  secrets: { DB_PASS: 'db_pass' },
};

function project(profile: Record<string, unknown>): string {
  const dir = tempDir('lsec-proj-');
  writeFileSync(
    join(dir, '.lsec.json'),
    JSON.stringify({ version: 1, profiles: { default: profile } }),
  );
  return dir;
}

function launch(dir: string, env: Record<string, string | undefined> = {}) {
  return withClick(['launch'], {
    home: vault.home,
    cwd: dir,
    release: 'sdk',
    env: { ...s.env, ...env },
  });
}

const ARGV = [
  'deployment',
  'create',
  'my-api',
  '--image',
  'ghcr.io/me/api:1',
  '--port',
  '8000',
  '--secret',
  'DB_PASS=db_pass',
];

describe('a deployment launch verifies in the teamspace lightning-sdk uses', () => {
  it('nothing names a teamspace: the first one is checked, and a secret only in another is refused', async () => {
    const r = await launch(project(DEPLOYMENT));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('teamspace first (p-first), chosen by first membership');
    expect(r.stderr).toContain(
      'db_pass (mapped to DB_PASS) is neither in the vault nor in the Lightning cloud',
    );
    expect(r.launches).toEqual([]);
  });

  it('~/.lightning/config.yaml names the second: accepted, and pinned as LIGHTNING_TEAMSPACE', async () => {
    const r = await launch(project(DEPLOYMENT), {
      HOME: teamspaceConfigHome('acme', 'second', 'organization'),
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('teamspace second (p-second), chosen by ~/.lightning/config.yaml');
    expect(r.launches).toHaveLength(1);
    expect(r.launches[0]!.argv).toEqual(ARGV);
    expect(r.launches[0]!.env?.LIGHTNING_TEAMSPACE).toBe('acme/second');
    expect(r.launches[0]!.parsed?.secret).toEqual([{ name: 'DB_PASS', fromSecret: 'db_pass' }]);
  });

  it("the profile's project names the second: pinned with its owner looked up", async () => {
    const r = await launch(project({ ...DEPLOYMENT, project: 'second' }));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('teamspace second (p-second), chosen by the profile\'s "project"');
    expect(r.launches[0]!.env?.LIGHTNING_TEAMSPACE).toBe('acme/second');
  });

  it("the user's LIGHTNING_TEAMSPACE wins over the profile's project, and stays as set", async () => {
    const refused = await launch(project({ ...DEPLOYMENT, project: 'second' }), {
      LIGHTNING_TEAMSPACE: 'me/first',
    });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('teamspace first (p-first), chosen by LIGHTNING_TEAMSPACE');
    const r = await launch(project(DEPLOYMENT), { LIGHTNING_TEAMSPACE: 'second' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.launches[0]!.env?.LIGHTNING_TEAMSPACE).toBe('second');
  });

  it('--teamspace in the args: checked there, the argv unchanged, nothing pinned', async () => {
    const args = [...DEPLOYMENT.args, '--teamspace', 'acme/second'];
    const r = await launch(project({ ...DEPLOYMENT, args }));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('teamspace second (p-second), chosen by --teamspace');
    const [entry] = r.launches;
    expect(entry!.argv).toEqual([
      ...ARGV.slice(0, 7),
      '--teamspace',
      'acme/second',
      ...ARGV.slice(7),
    ]);
    expect(entry!.env?.LIGHTNING_TEAMSPACE).toBeUndefined();
  });

  it('one launch resolves the teamspace once: memberships and the signed-in user asked once each', async () => {
    const asked = (from: number, path: string) =>
      s.requests.slice(from).filter((x) => x.method === 'GET' && x.path === path).length;
    // An organization's teamspace (the launch goes ahead) and the user's own (refused:
    // the secret is in the other one); the owner is looked up both times.
    for (const [named, code] of [
      ['acme/second', 0],
      ['me/first', 2],
    ] as const) {
      const from = s.requests.length;
      const r = await launch(project(DEPLOYMENT), { LIGHTNING_TEAMSPACE: named });
      expect(r.code, r.stderr).toBe(code);
      expect(asked(from, '/v1/memberships'), named).toBe(1);
      expect(asked(from, '/v1/auth/user'), named).toBe(1);
    }
  });

  it('lsec show names the teamspace --teamspace in the args names, as launch does', async () => {
    const args = [...DEPLOYMENT.args, '--teamspace', 'acme/second'];
    const r = await runCli(['show'], {
      home: vault.home,
      cwd: project({ ...DEPLOYMENT, args }),
      env: { ...s.env, HOME: tempDir('lsec-userhome-') },
    });
    expect(r.stdout).toContain('second (p-second)  (chosen by --teamspace)');
  });

  it('lsec show names the same teamspace', async () => {
    const r = await runCli(['show'], {
      home: vault.home,
      cwd: project(DEPLOYMENT),
      env: { ...s.env, HOME: teamspaceConfigHome('acme', 'second', 'organization') },
    });
    expect(r.stdout).toContain('second (p-second)  (chosen by ~/.lightning/config.yaml)');
  });

  it('an app target still checks (and pins) the app CLI project, not a teamspace', async () => {
    const dir = project({ app: 'app.py', secrets: { DB_PASS: 'db_pass' } });
    writeFileSync(join(dir, 'app.py'), '');
    const r = await withClick(['launch'], {
      home: vault.home,
      cwd: dir,
      release: '2.2.5',
      script: 'lightning_app',
      env: { ...s.env, HOME: teamspaceConfigHome('acme', 'second', 'organization') },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('project first (p-first), chosen by first membership');
  });
});

describe('lsec map of a cloud-only name asks where the launch would look', () => {
  function map(dir: string, env: Record<string, string> = {}) {
    return runCli(['map', 'NINE=9lives'], {
      home: vault.home,
      cwd: dir,
      env: { HOME: tempDir('lsec-userhome-'), ...s.env, ...env },
    });
  }
  const saved = (dir: string) =>
    JSON.parse(readFileSync(join(dir, '.lsec.json'), 'utf8')).profiles.default.secrets;

  it("the profile's project: found there", async () => {
    const dir = project({ app: 'app.py', project: 'second', secrets: {} });
    const r = await map(dir);
    expect(r.code, r.stderr).toBe(0);
    expect(saved(dir)).toEqual({ NINE: '9lives' });
  });

  it("a deployment's teamspace (config.yaml): found there", async () => {
    const dir = project({ ...DEPLOYMENT, secrets: {} });
    const r = await map(dir, { HOME: teamspaceConfigHome('acme', 'second', 'organization') });
    expect(r.code, r.stderr).toBe(0);
    expect(saved(dir)).toEqual({ NINE: '9lives' });
  });

  it('neither: the first project does not list it, refused', async () => {
    const dir = project({ app: 'app.py', secrets: {} });
    const r = await map(dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('can only be mapped when the Lightning cloud lists it');
  });
});
