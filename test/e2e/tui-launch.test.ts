// Issue 4 end to end in a real terminal (tmux), through the built binary: unlock,
// map two secrets, add FOO=bar, save, open the launch screen, Enter. The fake
// Lightning records exactly the argv it got and lsec exits with its code.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAKE_LIGHTNING, fakeLaunches } from '../fixtures/fake-lightning-log.js';
import { initVault, lsecBin, PASSPHRASE, TEST_ITERATIONS, tempDir } from '../helpers/cli.js';
import { drawnLines, MARKER, openTerminal, type Terminal } from '../helpers/tmux.js';

async function setup(
  size: { columns: number; rows: number },
  /** Arguments after `lsec`, and the folder it starts in (default: the app's). */
  start: { args?: (app: string) => string[]; cwd?: string } = {},
) {
  const { home } = await initVault({
    secrets: { a: 'value-of-a', b: 'value-of-b', c: 'value-of-c' },
  });
  const app = tempDir('lsec-app-');
  writeFileSync(join(app, 'app.py'), 'print("hello")\n');
  // The app file is named already; everything else is done on the screens.
  const project = { version: 1, profiles: { default: { app: 'app.py', env: {}, secrets: {} } } };
  writeFileSync(join(app, '.lsec.json'), JSON.stringify(project));
  const log = join(tempDir('lsec-fake-'), 'launches.jsonl');
  const term = await openTerminal({
    command: [process.execPath, lsecBin(), ...(start.args?.(app) ?? [])],
    cwd: start.cwd ?? app,
    ...size,
    env: {
      LSEC_HOME: home,
      LSEC_ITERATIONS: TEST_ITERATIONS,
      LSEC_LIGHTNING: FAKE_LIGHTNING,
      FAKE_LIGHTNING_LOG: log,
      FAKE_LIGHTNING_EXIT: '7',
      // No Lightning credentials: the launch screen says the cloud was not asked.
      LIGHTNING_CREDENTIAL_PATH: join(app, 'no-credentials.json'),
      NO_COLOR: '1',
    },
  });
  return { term, app, log };
}

/** Every screen the program draws fits in rows - 1 lines (Ink would clear the screen otherwise). */
function expectFits(term: Terminal, screen: string) {
  expect(drawnLines(screen).length).toBeLessThanOrEqual(term.rows - 1);
}

async function unlock(term: Terminal) {
  await term.waitFor('› Passphrase');
  term.type(PASSPHRASE);
  term.keys('Enter');
  await term.waitFor('❯ a ');
}

describe('mappings and launch in a real terminal', () => {
  it('maps two secrets, adds FOO=bar, saves, launches; the fake got exactly that argv', async () => {
    const { term, app, log } = await setup({ columns: 100, rows: 30 });
    await unlock(term);

    term.type('m');
    const opened = await term.waitFor('lsec · mappings');
    expect(opened).toMatch(/❯ \[ \] a +A/);
    expectFits(term, opened);
    term.keys('Space', 'Down', 'Space');
    await term.waitFor(/\[x\] b +B/);
    term.type('a');
    await term.waitFor('› Name:');
    term.type('FOO');
    term.keys('Enter');
    await term.waitFor('› Value:');
    term.type('bar');
    term.keys('Enter');
    const mapped = await term.waitFor(/❯ FOO += bar/);
    expect(mapped).toContain('lightning');
    expect(mapped).toContain('unsaved · profile default');
    term.type('s');
    const saved = await term.waitFor('✓ Saved profile default to .lsec.json');
    expectFits(term, saved);
    expect(JSON.parse(readFileSync(join(app, '.lsec.json'), 'utf8')).profiles.default).toEqual({
      app: 'app.py',
      env: { FOO: 'bar' },
      secrets: { A: 'a', B: 'b' },
    });

    term.keys('Escape');
    await term.waitFor('lsec · secrets');
    term.type('l');
    const ready = await term.waitFor('✓ every check passed');
    expect(ready).toContain('– no Lightning credentials: the cloud was not asked');
    expectFits(term, ready);
    term.keys('Enter');

    expect(await term.exitCode()).toBe(7);
    const launches = fakeLaunches(log);
    expect(launches).toHaveLength(1);
    expect(launches[0]!.argv).toEqual([
      'run',
      'app',
      'app.py',
      '--cloud',
      '--env',
      'FOO=bar',
      '--secret',
      'A=a',
      '--secret',
      'B=b',
    ]);
    expect(launches[0]!.cwd).toBe(app);
    // A cloud child gets names only: no value, no passphrase.
    expect(JSON.stringify(launches[0]!.env)).not.toMatch(/value-of-|correct horse/);
    // The terminal is back from the alternate screen, with the command said once.
    const after = await term.waitFor(MARKER);
    expect(after).toContain('lsec: launching:');
    expect(after).not.toContain('lsec · launch');
  });

  it('at 80×24: L on home launches a local run at once, the values in the env only', async () => {
    const { term, app, log } = await setup({ columns: 80, rows: 24 });
    const project = {
      version: 1,
      profiles: { default: { app: 'app.py', cloud: false, env: {}, secrets: { A: 'a', C: 'c' } } },
    };
    writeFileSync(join(app, '.lsec.json'), JSON.stringify(project));
    await unlock(term);
    term.type('m');
    const opened = await term.waitFor('lsec · mappings');
    expectFits(term, opened);
    expect(opened).toMatch(/\[x\] a +A/);
    expect(opened).toMatch(/\[x\] c +C/);
    term.keys('Escape');
    await term.waitFor('lsec · secrets');
    term.type('L');

    expect(await term.exitCode()).toBe(7);
    const [launch] = fakeLaunches(log);
    expect(launch!.argv).toEqual(['run', 'app', 'app.py']);
    expect(launch!.env).toMatchObject({ A: 'value-of-a', C: 'value-of-c' });
    expect(launch!.argv.join(' ')).not.toContain('value-of');
  });

  it('lsec --dir DIR --profile NAME opens that project and profile from anywhere', async () => {
    const elsewhere = tempDir('lsec-elsewhere-');
    const { term, app, log } = await setup(
      { columns: 100, rows: 30 },
      { args: (dir) => ['--dir', dir, '--profile', 'staging'], cwd: elsewhere },
    );
    const project = {
      version: 1,
      profiles: {
        default: { app: 'app.py', env: {}, secrets: {} },
        staging: { app: 'app.py', env: { MODE: 'staging' }, secrets: {} },
      },
    };
    writeFileSync(join(app, '.lsec.json'), JSON.stringify(project));
    await unlock(term);
    term.type('l');
    const screen = await term.waitFor('✓ every check passed');
    expect(screen).toContain('profile staging');
    term.keys('Enter');
    expect(await term.exitCode()).toBe(7);
    const [launch] = fakeLaunches(log);
    expect(launch!.argv).toEqual(['run', 'app', 'app.py', '--cloud', '--env', 'MODE=staging']);
    expect(launch!.cwd).toBe(app);
  });
});
