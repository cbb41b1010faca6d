import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { initVault } from '../helpers/cli.js';
import { clickVerdict, fakeFor, withClick } from '../helpers/click-lightning.js';
import { projectWith } from '../helpers/launch.js';

let home: string;
beforeAll(async () => {
  ({ home } = await initVault({ secrets: { 'api-key': 'k', GH_TOKEN: 'g' } }));
});

const DEPLOYMENT = {
  target: 'deployment',
  name: 'my-api',
  args: ['--image', 'ghcr.io/me/api:1', '--port', '8000'],
  env: { LOG_LEVEL: 'info' },
  secrets: { API_KEY: 'api-key', GH_TOKEN: 'GH_TOKEN' },
};

describe('target deployment', () => {
  it("create: the argv, and click's parsed --env/--secret, are exactly the profile's", async () => {
    const dir = projectWith(DEPLOYMENT);
    const r = await withClick(['launch'], { home, cwd: dir, release: 'sdk' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('cannot tell whether deployment my-api exists; creating it');
    expect(r.launches).toHaveLength(1);
    const [launch] = r.launches;
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
      '--secret',
      'API_KEY=api-key',
      // ENV equal to the secret's name: the short form.
      '--secret',
      'GH_TOKEN',
    ]);
    expect(launch!.command).toBe('deployment create');
    expect(launch!.parsed?.env).toEqual([['LOG_LEVEL', 'info']]);
    expect(launch!.parsed?.secret).toEqual([
      { name: 'API_KEY', fromSecret: 'api-key' },
      { fromSecret: 'GH_TOKEN' },
    ]);
    // No secret value anywhere in argv.
    expect(launch!.argv.join(' ')).not.toMatch(/\bk\b|\bg\b/);
  });

  it('--update: `deployment update NAME` with every entry (update replaces the list)', async () => {
    const dir = projectWith(DEPLOYMENT);
    const r = await withClick(['launch', '--update'], {
      home,
      cwd: dir,
      release: 'sdk',
      env: { FAKE_LIGHTNING_DEPLOYMENTS: 'my-api' },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.launches[0]!.argv.slice(0, 3)).toEqual(['deployment', 'update', 'my-api']);
    expect(r.launches[0]!.parsed?.secret).toEqual([
      { name: 'API_KEY', fromSecret: 'api-key' },
      { fromSecret: 'GH_TOKEN' },
    ]);
  });

  it('the argv is checked against deployment create: missing --port, refused like click', async () => {
    const dir = projectWith({ ...DEPLOYMENT, args: ['--image', 'x'] });
    const r = await withClick(['launch'], { home, cwd: dir, release: 'sdk' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Lightning would answer: --port is required.');
    expect(r.launches).toEqual([]);
    const direct = clickVerdict(
      fakeFor('sdk'),
      ['deployment', 'create', 'my-api', '--image', 'x'],
      dir,
    );
    expect(direct.code).toBe(2);
    expect(direct.entry?.refused).toContain('--port is required.');
  });

  it('an option only `update` has is refused on create', async () => {
    const dir = projectWith({ ...DEPLOYMENT, args: [...DEPLOYMENT.args, '--max-surge', '2'] });
    const r = await withClick(['launch'], { home, cwd: dir, release: 'sdk' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--max-surge is not an option of deployment create');
    const direct = clickVerdict(
      fakeFor('sdk'),
      ['deployment', 'create', 'my-api', ...DEPLOYMENT.args, '--max-surge', '2'],
      dir,
    );
    expect(direct.code).toBe(2);
  });

  it('a deployment asked to run locally is refused', async () => {
    const dir = projectWith(DEPLOYMENT);
    const r = await withClick(['launch', '--local'], { home, cwd: dir, release: 'sdk' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('a deployment runs in the cloud');
  });
});

describe('target and installed CLI must match', () => {
  it('target app with lightning-sdk: "it has no `run app`", and click agrees', async () => {
    const dir = projectWith({ app: 'app.py', env: {}, secrets: {} });
    const r = await withClick(['launch'], { home, cwd: dir, release: 'sdk' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'this `lightning` is lightning-sdk: it has no `run app`; set target deployment, or install lightning<2.4',
    );
    expect(r.launches).toEqual([]);
    const direct = clickVerdict(fakeFor('sdk'), ['run', 'app', 'app.py', '--cloud'], dir);
    expect(direct.code).toBe(2);
    expect(direct.entry?.refused).toContain("No such command 'app'");
  });

  it('target deployment with an apps-only Lightning: refused, and click agrees', async () => {
    const dir = projectWith(DEPLOYMENT);
    const r = await withClick(['launch'], { home, cwd: dir, release: '1.9.5' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('lightning 1.9.5, which has no `deployment` command');
    const direct = clickVerdict(fakeFor('1.9.5'), ['deployment', 'create', 'my-api'], dir);
    expect(direct.code).toBe(2);
    expect(direct.entry?.refused).toContain("No such command 'deployment'");
  });
});

describe('create or update, as the cloud says', () => {
  it('update when GET /v1/projects/{id}/deployments lists the name, create when it does not', async () => {
    // A stand-in with only what this needs: the project, its secrets, its deployments.
    let deployments: { id: string; name: string }[] = [{ id: 'd1', name: 'my-api' }];
    const asked: string[] = [];
    const server = createServer((req, res) => {
      asked.push(`${req.method} ${req.url}`);
      const body: Record<string, unknown> = {
        '/v1/memberships': { memberships: [{ projectId: 'p1', name: 'proj' }] },
        '/v1/projects/p1/secrets': {
          secrets: [
            { id: 's1', name: 'api-key' },
            { id: 's2', name: 'GH_TOKEN' },
          ],
        },
        '/v1/projects/p1/deployments': { deployments },
      };
      const answer = body[req.url ?? ''];
      res.writeHead(answer ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer ?? { message: 'not found' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const env = { LIGHTNING_CLOUD_URL: url, LIGHTNING_USER_ID: 'u', LIGHTNING_API_KEY: 'k' };
    try {
      const dir = projectWith(DEPLOYMENT);
      const update = await withClick(['launch'], {
        home,
        cwd: dir,
        release: 'sdk',
        env: { ...env, FAKE_LIGHTNING_DEPLOYMENTS: 'my-api' },
      });
      expect(update.code, update.stderr).toBe(0);
      expect(asked).toContain('GET /v1/projects/p1/deployments');
      expect(update.launches[0]!.argv.slice(0, 3)).toEqual(['deployment', 'update', 'my-api']);
      deployments = [{ id: 'd2', name: 'other' }];
      const create = await withClick(['launch'], { home, cwd: dir, release: 'sdk', env });
      expect(create.code, create.stderr).toBe(0);
      expect(create.launches[0]!.argv.slice(0, 3)).toEqual(['deployment', 'create', 'my-api']);
    } finally {
      server.close();
    }
  });
});
