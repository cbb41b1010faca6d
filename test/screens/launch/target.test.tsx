// The launch screen's target switch (issue 14): `t` turns `run app` into lightning-sdk's
// `deployment create`, with that target's checks and exact command; a CLI that cannot
// do the target is a ✗ naming the fix; Enter launches exactly the deployment argv.
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LaunchScreen } from '../../../src/screens/launch/index.js';
import type { Outcome } from '../../../src/screens/types.js';
import type { Vault } from '../../../src/store/vault.js';
import { tempDir } from '../../helpers/cli.js';
import { installFake } from '../../helpers/click-lightning.js';
import { KEYS, renderInk } from '../../helpers/ink.js';
import { fakeNav, linesOf, sessionFor, vaultWith } from '../fixtures.js';

let home: string;
let vault: Vault;
let sdk: string;
beforeAll(async () => {
  ({ home, vault } = await vaultWith({ alpha: 'alpha-value' }));
  sdk = installFake('sdk');
});

function open(profile: Record<string, unknown>, cloudEnv?: Record<string, string>) {
  const dir = tempDir('lsec-launch-');
  writeFileSync(join(dir, 'app.py'), '');
  const file = { version: 1, profiles: { default: { env: {}, secrets: {}, ...profile } } };
  writeFileSync(join(dir, '.lsec.json'), JSON.stringify(file));
  const nav = fakeNav();
  const env = {
    PATH: process.env.PATH,
    LSEC_LIGHTNING: sdk,
    LIGHTNING_CREDENTIAL_PATH: '/nonexistent/credentials.json',
    ...cloudEnv,
  };
  const session = { ...sessionFor(home, vault), projectDir: dir, env };
  const ui = renderInk(
    <LaunchScreen route={{ screen: 'launch' }} nav={nav} session={session} active />,
    { rows: 30, columns: 100 },
  );
  return { ui, nav };
}

/** The command lines between COMMAND and the note under them, joined. */
function commandOf(frame: string): string {
  const lines = linesOf(frame);
  const from = lines.findIndex((l) => l.trim() === 'COMMAND') + 1;
  const to = lines.findIndex((l, i) => i > from && /^ {2}(Cloud|Local|Deployment)/.test(l));
  return lines
    .slice(from, to)
    .map((l) => l.trim())
    .join(' ');
}

describe('LaunchScreen: t switches the target', () => {
  it('run app with lightning-sdk is a ✗; t shows the deployment, its checks and its command', async () => {
    const { ui } = open({
      app: 'app.py',
      name: 'my-api',
      env: { FOO: 'bar' },
      secrets: { A: 'alpha' },
    });
    const app = await ui.waitFor('no Lightning credentials');
    expect(app).toContain('this `lightning` is lightning-sdk: it has no `run app`');
    expect(app).toContain('t switches the target here');
    await ui.write('t');
    const frame = await ui.waitFor('● deployment (cloud)');
    expect(commandOf(frame)).toBe(`${sdk} deployment create my-api --env FOO=bar --secret A=alpha`);
    expect(frame).toContain('Exactly one of --image, --studio, or --model is required.');
    expect(frame).toContain('--port is required.');
    expect(frame).not.toContain('has no `run app`');
    await ui.write('t');
    expect(await ui.waitFor('c switches, t deployment')).toContain('● cloud');
  });

  it('a deployment profile passes every check, and Enter launches exactly its argv', async () => {
    const { ui, nav } = open({
      target: 'deployment',
      name: 'my-api',
      args: ['--image', 'nginx', '--port', '80'],
      env: { FOO: 'bar' },
      secrets: { A: 'alpha', alpha: 'alpha' },
    });
    const frame = await ui.waitFor('Ready: Enter launches');
    expect(frame).toContain('✓ deployment my-api is named');
    expect(frame).toContain('lightning-sdk 2026.8.18: deployment create/update options');
    await ui.write(KEYS.enter);
    const outcome = nav.exit.mock.calls[0]![0] as Outcome;
    if (!('launch' in outcome)) throw new Error('not a launch');
    expect(outcome.launch.args).toEqual([
      'deployment',
      'create',
      'my-api',
      '--image',
      'nginx',
      '--port',
      '80',
      '--env',
      'FOO=bar',
      '--secret',
      'A=alpha',
      '--secret',
      'alpha',
    ]);
    expect(JSON.stringify(outcome.launch.env)).not.toContain('alpha-value');
  });

  it('a deployment the cloud lists is updated: the command says update', async () => {
    const asked: string[] = [];
    const server = createServer((req, res) => {
      asked.push(req.url ?? '');
      const body: Record<string, unknown> = {
        '/v1/memberships': { memberships: [{ projectId: 'p1', name: 'proj' }] },
        '/v1/projects/p1/secrets': { secrets: [{ id: 's1', name: 'alpha' }] },
        '/v1/projects/p1/deployments': { deployments: [{ id: 'd1', name: 'my-api' }] },
      };
      const answer = body[req.url ?? ''];
      res.writeHead(answer ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer ?? { message: 'not found' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const { ui } = open(
        {
          target: 'deployment',
          name: 'my-api',
          args: ['--image', 'nginx', '--port', '80'],
          secrets: { A: 'alpha' },
        },
        { LIGHTNING_CLOUD_URL: url, LIGHTNING_USER_ID: 'u', LIGHTNING_API_KEY: 'k' },
      );
      const frame = await ui.waitFor('deployment update my-api');
      expect(commandOf(frame)).toBe(
        `${sdk} deployment update my-api --image nginx --port 80 --secret A=alpha`,
      );
      // The secrets check and the deployment check share one choice of teamspace.
      await ui.waitFor('✓ the cloud answered');
      expect(asked.filter((u) => u.startsWith('/v1/memberships'))).toEqual(['/v1/memberships']);
    } finally {
      server.close();
    }
  });
});
