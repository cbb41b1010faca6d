// Issue 14 "Secrets in today's cloud", through the real binary against the stand-in:
// teamspace and user scopes (with `type` on a teamspace create), the teamspace resolved
// as the SDK does (--teamspace, LIGHTNING_TEAMSPACE with LIGHTNING_ORG, config.yaml,
// else the first membership) through memberships and the org/user lookups, today's
// name rule (refused with the rename, never renamed), and each form of credentials.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CloudServer, startCloudServer } from '../fixtures/cloud-server.js';
import { initVault, runCli, teamspaceConfigHome, tempDir } from '../helpers/cli.js';

let s: CloudServer;
let vault: { home: string; pass: string };

beforeAll(async () => {
  s = await startCloudServer({
    username: 'me',
    orgs: { acme: 'org-9' },
    memberships: [
      { projectId: 'p-mine', name: 'research', ownerId: 'user-1', ownerType: 'user' },
      { projectId: 'p-org', name: 'research', ownerId: 'org-9', ownerType: 'organization' },
      { projectId: 'p-other', name: 'other', displayName: 'Other Team', ownerId: 'org-9' },
    ],
    secrets: {
      'p-mine': [{ name: 'registry', value: 'r', type: 'SECRET_TYPE_DOCKER_REGISTRY' }],
    },
  });
  vault = await initVault({ secrets: { apikey: 'SENTINEL-1', 'db-url': 'SENTINEL-2' } });
});
afterAll(() => s.close());

function lsec(
  args: string[],
  options: { env?: Record<string, string | undefined>; home?: string; cwd?: string } = {},
) {
  return runCli([...args, '--passphrase-file', vault.pass], {
    home: vault.home,
    cwd: options.cwd ?? tempDir(),
    env: { HOME: options.home ?? tempDir('lsec-userhome-'), ...s.env, ...options.env },
  });
}

const posts = (from: number) =>
  s.requests.slice(from).filter((r) => r.method === 'POST' || r.method === 'PUT');

describe('scopes', () => {
  it('teamspace (default): POST with type SECRET_TYPE_UNSPECIFIED to the teamspace', async () => {
    const from = s.requests.length;
    const r = await lsec(['push', 'apikey']);
    expect(r.code, r.stderr).toBe(0);
    expect(posts(from).map((q) => [q.path, q.body])).toEqual([
      [
        '/v1/projects/p-mine/secrets',
        { name: 'apikey', type: 'SECRET_TYPE_UNSPECIFIED', value: 'SENTINEL-1' },
      ],
    ]);
  });

  it('only generic secrets are listed (a registry login is not an env secret)', async () => {
    const r = await lsec(['remote', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).secrets.map((x: { name: string }) => x.name)).toEqual(['apikey']);
  });

  it('--scope user: /v1/secrets without a type; remote and remote rm follow', async () => {
    const from = s.requests.length;
    const r = await lsec(['push', 'apikey', '--scope', 'user']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('your user secrets');
    expect(posts(from).map((q) => [q.path, q.body])).toEqual([
      ['/v1/secrets', { name: 'apikey', value: 'SENTINEL-1' }],
    ]);
    const list = await lsec(['remote', '--json', '--scope', 'user']);
    const json = JSON.parse(list.stdout);
    expect(json.scope).toBe('user');
    expect(json.project).toBeNull();
    expect(json.secrets.map((x: { name: string }) => x.name)).toEqual(['apikey']);
    const rm = await lsec(['remote', 'rm', 'apikey', '--scope', 'user', '--yes']);
    expect(rm.code, rm.stderr).toBe(0);
    expect(s.secretsOf('user')).toEqual([]);
    expect(s.secretsOf('p-mine').map((x) => x.name)).toContain('apikey');
  });

  it("a profile's scope sets it; --scope overrides it", async () => {
    const dir = tempDir('lsec-proj-');
    writeFileSync(
      join(dir, '.lsec.json'),
      JSON.stringify({
        version: 1,
        profiles: { default: { env: {}, secrets: {}, scope: 'user' } },
      }),
    );
    const user = await lsec(['remote', '--json'], { cwd: dir });
    expect(JSON.parse(user.stdout).scope).toBe('user');
    const team = await lsec(['remote', '--json', '--scope', 'teamspace'], { cwd: dir });
    expect(JSON.parse(team.stdout).scope).toBe('teamspace');
    const bad = await lsec(['remote', '--scope', 'org'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--scope must be teamspace or user');
  });
});

describe("today's name rule", () => {
  it('refuses a name with "-" or ".", suggests lsec mv, never renames, pushes the rest', async () => {
    const from = s.requests.length;
    const r = await lsec(['push', '--force']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /refused +db-url: today's Lightning takes only letters, digits and "_"/,
    );
    expect(r.stdout).toContain('lsec mv db-url db_url');
    // apikey went (a PUT: it is in the teamspace already); db-url was not sent at all.
    expect(posts(from).map((q) => q.method)).toEqual(['PUT']);
    expect(s.requests.slice(from).some((q) => JSON.stringify(q.body ?? '').includes('db'))).toBe(
      false,
    );
    const names = await runCli(['list', '--names'], { home: vault.home, env: { HOME: tempDir() } });
    expect(names.stdout.trim().split('\n')).toEqual(['apikey', 'db-url']);
    expect(r.stdout + r.stderr).not.toContain('SENTINEL');
  });

  it('--dry-run says which would be refused and why, and sends nothing', async () => {
    const from = s.requests.length;
    const r = await lsec(['push', '--dry-run', '--force']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^would refuse {2}db-url: today's Lightning takes only/m);
    expect(r.stdout).toContain('lsec mv db-url db_url');
    expect(r.stdout).toMatch(/^would update {2}apikey$/m);
    expect(s.requests.slice(from).filter((q) => q.method !== 'GET')).toEqual([]);
  });
});

describe('teamspace resolution', () => {
  const where = async (args: string[], env: Record<string, string> = {}, home?: string) => {
    const r = await lsec(['remote', '--json', ...args], { env, home });
    return { r, project: r.code === 0 ? JSON.parse(r.stdout).project : undefined };
  };

  it('--teamspace OWNER/NAME: an organization, or the signed-in user', async () => {
    const org = await where(['--teamspace', 'acme/research']);
    expect(org.project).toMatchObject({ id: 'p-org', source: '--teamspace' });
    const mine = await where(['--teamspace', 'me/research']);
    expect(mine.project).toMatchObject({ id: 'p-mine', source: '--teamspace' });
    const byDisplay = await where(['--teamspace', 'Other Team']);
    expect(byDisplay.project).toMatchObject({ id: 'p-other' });
  });

  it('a bare name shared by two owners, or an unknown one, is exit 2 with the fix', async () => {
    const two = await where(['--teamspace', 'research']);
    expect(two.r.code).toBe(2);
    expect(two.r.stderr).toContain('research is no unique name for a Teamspace');
    expect(two.r.stderr).toContain('OWNER/research');
    const none = await where(['--teamspace', 'acme/nope']);
    expect(none.r.code).toBe(2);
    expect(none.r.stderr).toContain('Teamspace acme/nope does not exist');
    expect(none.r.stderr).toContain('research (p-mine)');
  });

  it('LIGHTNING_TEAMSPACE with LIGHTNING_ORG as the owner', async () => {
    const r = await where([], { LIGHTNING_TEAMSPACE: 'research', LIGHTNING_ORG: 'acme' });
    expect(r.project).toMatchObject({ id: 'p-org', source: 'LIGHTNING_TEAMSPACE' });
    expect(r.r.stderr).toContain('(chosen by LIGHTNING_TEAMSPACE)');
  });

  it('~/.lightning/config.yaml, as `lightning config set teamspace` writes it', async () => {
    const home = teamspaceConfigHome('me', 'research', 'user');
    const r = await where([], {}, home);
    expect(r.r.stderr).toContain('(chosen by ~/.lightning/config.yaml)');
    expect(r.project).toMatchObject({ id: 'p-mine', source: '~/.lightning/config.yaml' });
    // --teamspace still wins over the file.
    const flagged = await where(['--teamspace', 'acme/research'], {}, home);
    expect(flagged.project).toMatchObject({ id: 'p-org' });
  });

  it('none of them: the first membership, as the app CLI', async () => {
    const r = await where([]);
    expect(r.project).toEqual({ id: 'p-mine', name: 'research', source: 'first membership' });
  });
});

describe('credentials in each form the SDK takes', () => {
  const header = async (env: Record<string, string | undefined>, home?: string) => {
    const from = s.authorizations.length;
    const r = await lsec(['remote', '--json'], { env, home });
    expect(r.code, r.stderr).toBe(0);
    return s.authorizations[from];
  };
  const basic = () => `Basic ${Buffer.from(`${s.userId}:${s.apiKey}`).toString('base64')}`;

  it('key + user id: Basic; key alone: Bearer key; token: Bearer token (wins)', async () => {
    expect(await header({})).toBe(basic());
    expect(await header({ LIGHTNING_USER_ID: undefined })).toBe(`Bearer ${s.apiKey}`);
    expect(await header({ LIGHTNING_AUTH_TOKEN: s.authToken })).toBe(`Bearer ${s.authToken}`);
  });

  it('the credentials file, read only when the environment has neither key nor token', async () => {
    const dir = tempDir('lsec-cred-');
    const file = join(dir, 'credentials.json');
    writeFileSync(file, JSON.stringify({ user_id: s.userId, auth_token: s.authToken }));
    const env = { LIGHTNING_API_KEY: undefined, LIGHTNING_USER_ID: undefined };
    expect(await header({ ...env, LIGHTNING_CREDENTIAL_PATH: file })).toBe(`Bearer ${s.authToken}`);
    writeFileSync(file, JSON.stringify({ user_id: s.userId, api_key: s.apiKey }));
    expect(await header({ ...env, LIGHTNING_CREDENTIAL_PATH: file })).toBe(basic());
    // The environment's key wins over the file.
    writeFileSync(file, JSON.stringify({ user_id: 'x', api_key: 'wrong' }));
    expect(await header({ LIGHTNING_CREDENTIAL_PATH: file })).toBe(basic());
  });
});
