// The mappings screen rendered by Ink around a real vault and a real project folder:
// ticking, renaming, plain variables, the live command, saving and leaving.
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MappingsScreen } from '../../../src/screens/mappings/index.js';
import type { Vault } from '../../../src/store/vault.js';
import { tempDir } from '../../helpers/cli.js';
import { KEYS, renderInk } from '../../helpers/ink.js';
import { fakeNav, linesOf, sessionFor, vaultWith } from '../fixtures.js';

let home: string;
let vault: Vault;
beforeAll(async () => {
  ({ home, vault } = await vaultWith({ 'api-key': 'v1', 'db-url': 'v2', 'gh-token': 'v3' }));
});

/** A project folder with app.py and, optionally, a .lsec.json. */
function projectDir(file?: object): string {
  const dir = tempDir('lsec-mappings-');
  writeFileSync(join(dir, 'app.py'), '');
  if (file) writeFileSync(join(dir, '.lsec.json'), JSON.stringify(file));
  return dir;
}

const withApp = { version: 1, profiles: { default: { app: 'app.py', env: {}, secrets: {} } } };

function open(
  dir: string,
  size: { rows?: number; columns?: number } = {},
  env: NodeJS.ProcessEnv = { LSEC_LIGHTNING: 'lightning' },
) {
  const nav = fakeNav();
  const session = { ...sessionFor(home, vault), projectDir: dir, env };
  const ui = renderInk(
    <MappingsScreen route={{ screen: 'mappings' }} nav={nav} session={session} active />,
    {
      rows: size.rows ?? 24,
      columns: size.columns ?? 80,
    },
  );
  return { nav, ui };
}

const readProject = (dir: string) => JSON.parse(readFileSync(join(dir, '.lsec.json'), 'utf8'));

describe('MappingsScreen', () => {
  it('lists every secret unticked with its default env name, and the command', () => {
    const { ui } = open(projectDir(withApp));
    const frame = ui.lastFrame();
    expect(frame).toMatch(/❯ \[ \] api-key +API_KEY/);
    expect(frame).toMatch(/ {2}\[ \] gh-token +GH_TOKEN/);
    expect(frame).toContain('none — a adds one');
    expect(frame).toContain('COMMAND  ✓ ready to launch');
    expect(frame).toContain('lightning run app app.py --cloud');
    expect(linesOf(frame).length).toBeLessThanOrEqual(23);
  });

  it("previews a deployment with lightning-sdk's lightning even where lightning_app is installed", () => {
    const bin = tempDir('lsec-bin-');
    for (const name of ['lightning_app', 'lightning']) {
      writeFileSync(join(bin, name), '#!/bin/sh\n');
      chmodSync(join(bin, name), 0o755);
    }
    const deployment = {
      version: 1,
      profiles: { default: { target: 'deployment', name: 'svc', env: {}, secrets: {} } },
    };
    const { ui } = open(projectDir(deployment), {}, { PATH: bin });
    const frame = ui.lastFrame();
    expect(frame).toMatch(/^ {2}lightning deployment/m);
    expect(frame).not.toContain('lightning_app');
  });

  it('Space ticks a secret and the preview gains its --secret at once', async () => {
    const { ui } = open(projectDir(withApp));
    await ui.write(' ');
    await ui.write(`${KEYS.down}${KEYS.down} `);
    const frame = ui.lastFrame();
    expect(frame).toMatch(/\[x\] api-key/);
    expect(frame).toMatch(/❯ \[x\] gh-token/);
    expect(frame).toContain('lightning run app app.py --cloud --secret API_KEY=api-key');
    // An option keeps its value on its line: the wrap comes before --secret, not after.
    expect(frame).toContain('  --secret GH_TOKEN=gh-token');
    expect(frame).toContain('unsaved · profile default');
  });

  it('e edits the env name with the rule shown as typed; Enter keeps a valid one', async () => {
    const { ui } = open(projectDir(withApp));
    await ui.write('e');
    expect(ui.lastFrame()).toContain('› Env name for api-key: API_KEY');
    await ui.write('\u0015my-key');
    const bad = ui.lastFrame();
    expect(bad).toContain('✗ environment variable names start with a letter or "_"');
    await ui.write(KEYS.enter);
    expect(ui.lastFrame()).toContain('› Env name for api-key');
    await ui.write('\u0015MY_KEY\r');
    const done = ui.lastFrame();
    expect(done).toMatch(/❯ \[x\] api-key +MY_KEY/);
    expect(done).toContain('--secret MY_KEY=api-key');
  });

  it('a plain value with "=" is refused in place with the reason and the way out', async () => {
    const { ui } = open(projectDir(withApp));
    await ui.press('a', 'FOO', KEYS.enter, 'b=ar');
    const frame = ui.lastFrame();
    expect(frame).toContain('  Name:  FOO');
    expect(frame).toContain('› Value: b=ar');
    expect(frame).toContain(
      '✗ "=" cannot go in a plain value: Lightning splits --env on every "=";',
    );
    expect(frame).toContain(
      'the value as a secret (Esc, then a on the secrets screen) and map it here',
    );
    await ui.write(KEYS.enter);
    expect(ui.lastFrame()).toContain('› Value: b=ar');
    await ui.write('\u0015bar\r');
    const added = ui.lastFrame();
    expect(added).toMatch(/❯ FOO += bar/);
    expect(added).toContain('lightning run app app.py --cloud --env FOO=bar');
  });

  it('marks a clash on both rows with the fix, and refuses to save it', async () => {
    const dir = projectDir(withApp);
    const { ui } = open(dir);
    // The editor refuses a name in use, so the clash comes from ticking after adding.
    await ui.press('aAPI_KEY\rx\r', KEYS.tab, ' ');
    const frame = ui.lastFrame();
    expect(frame).toMatch(/\[x\] api-key +API_KEY +✗ used twice/);
    expect(frame).toMatch(/API_KEY += x +✗ used twice/);
    expect(frame).toContain(
      '✗ API_KEY is also used by the plain variable API_KEY — fix: one env name',
    );
    // Counted as `lsec launch` counts it: one name used twice is one problem.
    expect(frame).toContain('COMMAND  ✗ 1 problem to fix before launching');
    await ui.write('s');
    expect(ui.lastFrame()).toContain('✗ Fix the 2 ✗ rows first; nothing was saved');
    expect(readProject(dir).profiles.default.env).toEqual({});
  });

  it('s writes .lsec.json in the order things were added', async () => {
    const dir = projectDir(withApp);
    const { ui, nav } = open(dir);
    await ui.press('jj ', 'kk ', 'aFOO\rbar\r', 's');
    expect(ui.lastFrame()).toContain('✓ Saved profile default to .lsec.json');
    expect(ui.lastFrame()).not.toContain('unsaved');
    const saved = readProject(dir).profiles.default;
    expect(saved).toEqual({
      app: 'app.py',
      env: { FOO: 'bar' },
      secrets: { GH_TOKEN: 'gh-token', API_KEY: 'api-key' },
    });
    expect(Object.keys(saved.secrets)).toEqual(['GH_TOKEN', 'API_KEY']);
    expect(nav.selectProfile).toHaveBeenLastCalledWith('default');
  });

  it('Esc with unsaved changes asks; n keeps them, y leaves without writing', async () => {
    const dir = projectDir();
    const { ui, nav } = open(dir);
    await ui.press(' ', KEYS.esc);
    expect(ui.lastFrame()).toContain('Discard changes? y/N');
    expect(ui.lastFrame()).toContain('y discard · any other key keep editing');
    await ui.write('n');
    expect(nav.pop).not.toHaveBeenCalled();
    expect(ui.lastFrame()).toMatch(/\[x\] api-key/);
    await ui.press(KEYS.esc, 'y');
    expect(nav.pop).toHaveBeenCalledOnce();
    expect(() => readFileSync(join(dir, '.lsec.json'))).toThrow();
  });

  it('without an app the command shows APP and the problem says where to set it', () => {
    const { ui } = open(projectDir());
    const frame = ui.lastFrame();
    expect(frame).toContain('lightning run app APP --cloud');
    expect(frame).toContain('✗ no app file is set for this profile — fix: type it on the launch');
  });

  it('says how many plain variables are out of view when they do not all fit', () => {
    const env = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`VAR_${i}`, `${i}`]));
    const { ui } = open(projectDir({ version: 1, profiles: { default: { app: 'app.py', env } } }));
    const frame = ui.lastFrame();
    expect(frame).toMatch(/PLAIN VARIABLES \(--env, visible in the command\) · 1–\d of 8/);
    expect(linesOf(frame).length).toBeLessThanOrEqual(23);
  });

  it('keeps the frame inside 80×24 with many secrets: the list is windowed', async () => {
    const big = await vaultWith(
      Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`secret-${i}`, 'v'])),
    );
    const session = {
      ...sessionFor(big.home, big.vault),
      projectDir: projectDir(withApp),
      env: {},
    };
    const ui = renderInk(
      <MappingsScreen route={{ screen: 'mappings' }} nav={fakeNav()} session={session} active />,
      { rows: 24, columns: 80 },
    );
    await ui.write(KEYS.pageDown);
    for (const frame of ui.frames) expect(linesOf(frame).length).toBeLessThanOrEqual(23);
    expect(ui.lastFrame()).toMatch(/\d+–\d+ of 40 · 0 mapped/);
  });
});
