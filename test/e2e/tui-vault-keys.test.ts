// Home's vault keys in a real terminal: `u` undoes the last delete (from the vault's
// trash) and `c` copies the selected value through the platform tool (a fake wl-copy
// recording its stdin) and OSC 52 (captured by tmux with set-clipboard on), never
// showing it on the screen.
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  getValue,
  initVault,
  lsecBin,
  PASSPHRASE,
  passFile,
  runCli,
  TEST_ITERATIONS,
  tempDir,
} from '../helpers/cli.js';
import { openTerminal, type Terminal } from '../helpers/tmux.js';

const VALUE = 'tui-clip-SENTINEL-7';

/** The TUI on `home`, unlocked, with `first` selected on home. */
async function unlockedOn(
  home: string,
  first: string,
  options: { env?: Record<string, string>; args?: string[]; before?: (t: Terminal) => void } = {},
): Promise<Terminal> {
  const term = await openTerminal({
    command: [process.execPath, lsecBin(), ...(options.args ?? [])],
    env: { LSEC_HOME: home, LSEC_ITERATIONS: TEST_ITERATIONS, NO_COLOR: '1', ...options.env },
  });
  options.before?.(term);
  await term.waitFor('› Passphrase');
  term.type(PASSPHRASE);
  term.keys('Enter');
  await term.waitFor(`❯ ${first}`);
  return term;
}

describe('home: u and c', () => {
  it('d then u brings the deleted secret back with its value', async () => {
    const { home } = await initVault({ secrets: { 'deploy-key': 'v1 ✓', other: 'o' } });
    const term = await unlockedOn(home, 'deploy-key');
    term.type('d');
    await term.waitFor('Delete deploy-key? y/N');
    term.type('y');
    await term.waitFor('Deleted deploy-key (u undoes it)');
    term.type('u');
    const screen = await term.waitFor('Restored deploy-key from the trash');
    expect(screen).toMatch(/deploy-key/);
    term.type('q');
    expect(await term.exitCode()).toBe(0);
    expect((await getValue(home, passFile(PASSPHRASE), 'deploy-key')).value).toBe('v1 ✓');
  });

  it('c copies the selected value to wl-copy and OSC 52, and the screen never shows it', async () => {
    const { home } = await initVault({ secrets: { token: VALUE } });
    const fake = tempDir('lsec-fake-clip-');
    writeFileSync(join(fake, 'wl-copy'), '#!/bin/sh\ncat > "$(dirname "$0")/copied"\n');
    writeFileSync(join(fake, 'wl-paste'), '#!/bin/sh\ncat "$(dirname "$0")/copied"\n');
    for (const f of ['wl-copy', 'wl-paste']) chmodSync(join(fake, f), 0o755);
    const term = await unlockedOn(home, 'token', {
      env: { PATH: `${fake}:${process.env.PATH}`, WAYLAND_DISPLAY: 'wayland-lsec-test' },
      before: (t) => t.tmux('set-option', '-s', 'set-clipboard', 'on'),
    });
    term.type('c');
    const screen = await term.waitFor(/Copied token \(wl-copy and OSC 52\)/);
    expect(screen).not.toContain(VALUE);
    expect(readFileSync(join(fake, 'copied'), 'utf8')).toBe(VALUE);
    expect(term.tmux('show-buffer')).toBe(VALUE);
    term.type('q');
    expect(await term.exitCode()).toBe(0);
  });

  it('Ctrl+G in the add form fills a random value, masked, and Enter stores it', async () => {
    const { home } = await initVault({ secrets: { first: 'f' } });
    const term = await unlockedOn(home, 'first');
    term.type('a');
    await term.waitFor('Enter next');
    term.type('made-up');
    term.keys('Enter');
    await term.waitFor('Ctrl+G generate');
    term.keys('C-g');
    await term.waitFor((screen) => /•{4,}/.test(screen));
    term.keys('Enter');
    await term.waitFor('Added made-up');
    const screen = term.capture();
    term.type('q');
    expect(await term.exitCode()).toBe(0);
    const { value } = await getValue(home, passFile(PASSPHRASE), 'made-up');
    expect(value).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(screen).not.toContain(value);
  });

  it('n renames the selected secret; its mapping in .lsec.json follows', async () => {
    const { home, pass } = await initVault({ secrets: { 'old-name': 'kept value' } });
    const dir = tempDir('lsec-rename-app-');
    const map = await runCli(['map', 'API_KEY=old-name', '--dir', dir], { home });
    expect(map.code, map.stderr).toBe(0);
    const term = await unlockedOn(home, 'old-name', { args: ['--dir', dir] });
    term.type('n');
    await term.waitFor('rename old-name');
    term.keys('C-u');
    term.type('new.name');
    term.keys('Enter');
    await term.waitFor('Renamed old-name to new.name; 1 mapping follows');
    term.type('q');
    expect(await term.exitCode()).toBe(0);
    expect((await getValue(home, pass, 'new.name')).value).toBe('kept value');
    const project = JSON.parse(readFileSync(join(dir, '.lsec.json'), 'utf8'));
    expect(project.profiles.default.secrets).toEqual({ API_KEY: 'new.name' });
  });
});
