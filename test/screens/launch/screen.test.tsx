// The launch screen rendered by Ink around a real vault, a real project folder and
// the fake Lightning API: its ✓/✗ rows, the target switch, and the launch outcome
// Enter produces (the root runs it after Ink has unmounted).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LaunchScreen } from '../../../src/screens/launch/index.js';
import type { LaunchRequest, Outcome } from '../../../src/screens/types.js';
import type { Profile } from '../../../src/store/project-schema.js';
import type { Vault } from '../../../src/store/vault.js';
import { type CloudServer, startCloudServer } from '../../fixtures/cloud-server.js';
import { newSecret } from '../../fixtures/cloud-server-util.js';
import { FAKE_LIGHTNING } from '../../fixtures/fake-lightning-log.js';
import { tempDir } from '../../helpers/cli.js';
import { KEYS, renderInk } from '../../helpers/ink.js';
import { fakeNav, linesOf, sessionFor, vaultWith } from '../fixtures.js';

let home: string;
let vault: Vault;
beforeAll(async () => {
  ({ home, vault } = await vaultWith({ alpha: 'alpha-value', beta: 'beta-value' }));
});
const servers: CloudServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const PROFILE: Profile = {
  app: 'app.py',
  env: { FOO: 'bar' },
  secrets: { A: 'alpha', B: 'beta' },
};

function projectDir(profile: Partial<Profile> = PROFILE): string {
  const dir = tempDir('lsec-launch-');
  writeFileSync(join(dir, 'app.py'), '');
  const file = { version: 1, profiles: { default: { env: {}, secrets: {}, ...profile } } };
  writeFileSync(join(dir, '.lsec.json'), JSON.stringify(file));
  return dir;
}

/** No Lightning credentials anywhere: no variables, no credentials file. */
const NO_CLOUD = { LIGHTNING_CREDENTIAL_PATH: '/nonexistent/credentials.json' };

function open(dir: string, options: { env?: NodeJS.ProcessEnv; now?: boolean } = {}) {
  const nav = fakeNav();
  const env = {
    PATH: process.env.PATH,
    LSEC_LIGHTNING: FAKE_LIGHTNING,
    LSEC_PASSPHRASE: 'never-inherited',
    ...(options.env ?? NO_CLOUD),
  };
  const session = { ...sessionFor(home, vault), projectDir: dir, env };
  const route = { screen: 'launch' as const, now: options.now };
  const ui = renderInk(<LaunchScreen route={route} nav={nav} session={session} active />, {
    rows: 30,
    columns: 100,
  });
  return { nav, ui };
}

/** The command as shown, its wrapped lines joined again. */
function commandOf(frame: string): string {
  const lines = linesOf(frame);
  const from = lines.findIndex((l) => l.trim() === 'COMMAND') + 1;
  const to = lines.findIndex((l, i) => i > from && /^ {2}(Cloud|Local) run/.test(l));
  return lines
    .slice(from, to)
    .map((l) => l.trim())
    .join(' ');
}

function launched(nav: ReturnType<typeof fakeNav>): LaunchRequest {
  expect(nav.exit).toHaveBeenCalledOnce();
  const outcome = nav.exit.mock.calls[0]![0] as Outcome;
  if (!('launch' in outcome)) throw new Error('not a launch');
  return outcome.launch;
}

describe('LaunchScreen', () => {
  it('shows every check ✓, the command, and Enter launches exactly that argv', async () => {
    const dir = projectDir();
    const { ui, nav } = open(dir);
    const frame = await ui.waitFor('no Lightning credentials');
    expect(frame).toContain('Target   ● cloud   ○ local');
    expect(frame).toContain('CHECKS  ✓ every check passed');
    expect(frame).toContain('✓ app file app.py exists');
    expect(frame).toContain('✓ 2 mapped secrets found in the vault');
    expect(frame).toContain('– no Lightning credentials: the cloud was not asked');
    expect(commandOf(frame)).toBe(
      `${FAKE_LIGHTNING} run app app.py --cloud --env FOO=bar --secret A=alpha --secret B=beta`,
    );
    expect(frame).toContain('✓ Ready: Enter launches');
    expect(linesOf(frame).length).toBeLessThanOrEqual(29);

    await ui.write(KEYS.enter);
    const launch = launched(nav);
    expect(launch.bin).toBe(FAKE_LIGHTNING);
    expect(launch.args).toEqual([
      'run',
      'app',
      'app.py',
      '--cloud',
      '--env',
      'FOO=bar',
      '--secret',
      'A=alpha',
      '--secret',
      'B=beta',
    ]);
    expect(launch.cwd).toBe(dir);
    // Cloud: names only; no value and no passphrase in the child's environment.
    expect(launch.env.FOO).toBe('bar');
    expect(JSON.stringify(launch.env)).not.toMatch(/alpha-value|beta-value|never-inherited/);
    expect(launch.notice).toMatch(/^launching: .* run app app\.py --cloud/);
  });

  it('c switches to a local run: no --cloud or --secret, the values in the env only', async () => {
    const { ui, nav } = open(projectDir());
    await ui.write('c');
    const frame = ui.lastFrame();
    expect(frame).toContain('Target   ○ cloud   ● local');
    expect(commandOf(frame)).toBe(`${FAKE_LIGHTNING} run app app.py --env FOO=bar`);
    expect(frame).toContain(
      "Local run: the values of 2 mapped secrets go into the app's env, not the command.",
    );
    await ui.write(KEYS.enter);
    const launch = launched(nav);
    expect(launch.args).toEqual(['run', 'app', 'app.py', '--env', 'FOO=bar']);
    expect(launch.env).toMatchObject({ A: 'alpha-value', B: 'beta-value', FOO: 'bar' });
    expect(launch.env.LSEC_PASSPHRASE).toBeUndefined();
  });

  it('marks each failed check ✗ with its fix, and Enter launches nothing', async () => {
    const dir = projectDir({ app: 'missing.py', env: { X: 'a=b' }, secrets: { G: 'gone' } });
    const { ui, nav } = open(dir);
    const frame = await ui.waitFor('CHECKS  ✗ 3 problems');
    expect(frame).toContain('✗ app file');
    expect(frame).toContain('✗ the app file missing.py does not exist');
    expect(frame).toContain('fix: check the path');
    expect(frame).toContain('✗ plain values');
    expect(frame).toContain('✗ mapped secrets');
    expect(frame).toContain('✗ the secret gone (mapped to G) is not in the vault');
    expect(frame).toContain('✓ env names are valid and each is used once');
    await ui.write(KEYS.enter);
    expect(nav.exit).not.toHaveBeenCalled();
    expect(ui.lastFrame()).toContain('✗ 3 problems to fix first: nothing was launched');
  });

  it('L (now) launches at once when every check passes', async () => {
    const { nav } = open(projectDir(), { now: true });
    await expect.poll(() => nav.exit.mock.calls.length).toBe(1);
    expect(launched(nav).args).toContain('--cloud');
  });

  it('reads the profile again when it comes back into view (after the mappings)', async () => {
    const dir = projectDir({ app: 'app.py', env: {}, secrets: {} });
    const { ui, nav } = open(dir);
    const session = {
      ...sessionFor(home, vault),
      projectDir: dir,
      env: { ...NO_CLOUD, LSEC_LIGHTNING: FAKE_LIGHTNING, PATH: process.env.PATH },
    };
    const at = (active: boolean) => (
      <LaunchScreen route={{ screen: 'launch' }} nav={nav} session={session} active={active} />
    );
    await ui.rerender(at(false));
    const file = {
      version: 1,
      profiles: { default: { app: 'app.py', env: { X: '1' }, secrets: {} } },
    };
    writeFileSync(join(dir, '.lsec.json'), JSON.stringify(file));
    await ui.rerender(at(true));
    expect(commandOf(ui.lastFrame())).toBe(`${FAKE_LIGHTNING} run app app.py --cloud --env X=1`);
  });

  it('proposes app.py when the profile names no app; Enter launches it and remembers it', async () => {
    const dir = projectDir({ app: undefined, env: {}, secrets: {} });
    const { ui, nav } = open(dir);
    expect(ui.lastFrame()).toMatch(/› App +app\.py/);
    expect(ui.lastFrame()).toContain('Found app.py: Enter launches it');
    await ui.write('\r');
    expect(launched(nav).args).toEqual(['run', 'app', 'app.py', '--cloud']);
    const saved = JSON.parse(readFileSync(join(dir, '.lsec.json'), 'utf8'));
    expect(saved.profiles.default.app).toBe('app.py');
  });

  it('does not promise Enter launches a found app.py while another check fails', async () => {
    // A mapping to a secret the vault does not hold: Lightning would get no value.
    const dir = projectDir({ app: undefined, env: {}, secrets: { A: 'missing' } });
    const { ui, nav } = open(dir);
    const frame = await ui.waitFor(/Found app\.py: it is saved to \.lsec\.json once it launches/);
    expect(frame).toMatch(/› App +app\.py/);
    expect(frame).not.toContain('Enter launches');
    await ui.write('\r');
    expect(nav.exit).not.toHaveBeenCalled();
  });

  it('says nothing of the found app.py once another file is typed over it', async () => {
    const dir = projectDir({ app: undefined, env: {}, secrets: {} });
    const { ui } = open(dir);
    await ui.waitFor('Found app.py: Enter launches it');
    for (const _ of 'app.py') await ui.write(KEYS.backspace);
    await ui.write('main.py');
    expect(await ui.waitFor(/› App +main\.py/)).not.toContain('Found app.py');
  });

  it('while the App field has the keys, no check or line names a key that would be typed', async () => {
    const dir = projectDir({ app: undefined, env: {}, secrets: {} });
    const { ui } = open(dir);
    let frame = await ui.waitFor(/› App +app\.py/);
    expect(frame).toContain('✓ no secrets mapped');
    expect(frame).not.toContain('m maps some');
    expect(frame).not.toContain('c switches, t deployment');
    // Tab leaves the field: the keys work again, and say so.
    await ui.write(KEYS.tab);
    frame = await ui.waitFor('(m maps some)');
    expect(frame).toContain('c switches, t deployment');
  });

  it('asks the cloud; a secret only the cloud has is fine, one only the vault has is not', async () => {
    const server = await startCloudServer();
    servers.push(server);
    server.secretsOf().push(newSecret('cloud-only', 'x'));
    const dir = projectDir({ app: 'app.py', env: {}, secrets: { A: 'alpha', C: 'cloud-only' } });
    const env = { ...server.env, ...NO_CLOUD };
    const { ui, nav } = open(dir, { env });
    const frame = await ui.waitFor('✓ the cloud answered');
    // The list request ran in an effect: the first frames showed a spinner line.
    expect(ui.frames.some((f) => f.includes('asking the cloud for the 2 mapped secrets…'))).toBe(
      true,
    );
    expect(frame).toContain(
      '✗ the secret alpha (mapped to A) is in the vault but not in the Lightning',
    );
    expect(frame).toContain('fix: push it: Esc, then p on the secrets screen (or lsec push alpha)');
    // Nothing is called missing while the answer is awaited, and cloud-only is fine after it.
    expect(ui.frames.some((f) => f.includes('cloud-only (mapped to C)'))).toBe(false);
    await ui.write(KEYS.enter);
    expect(nav.exit).not.toHaveBeenCalled();

    server.secretsOf().push(newSecret('alpha', 'alpha-value'));
    await ui.write('r');
    await ui.waitFor('✓ 2 mapped secrets found in the vault or the cloud');
    await ui.write(KEYS.enter);
    expect(launched(nav).args).toEqual([
      'run',
      'app',
      'app.py',
      '--cloud',
      '--secret',
      'A=alpha',
      '--secret',
      'C=cloud-only',
    ]);
  });

  it('a secret neither the vault nor the cloud has is a ✗; v skips the check like --no-verify', async () => {
    const server = await startCloudServer();
    servers.push(server);
    const dir = projectDir({ app: 'app.py', env: {}, secrets: { N: 'nowhere' } });
    const { ui, nav } = open(dir, { env: { ...server.env, ...NO_CLOUD } });
    const frame = await ui.waitFor('✗ mapped secrets');
    expect(frame).toContain('nowhere');
    await ui.write('v');
    expect(ui.lastFrame()).toContain('– 1 mapped secret, not looked up');
    await ui.write(KEYS.enter);
    expect(launched(nav).args).toContain('N=nowhere');
  });
});
