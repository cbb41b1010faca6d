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
  TEST_ITERATIONS,
  tempDir,
} from '../helpers/cli.js';
import { openTerminal } from '../helpers/tmux.js';

const VALUE = 'tui-clip-SENTINEL-7';

function lsecIn(home: string, extra: Record<string, string> = {}) {
  return openTerminal({
    command: [process.execPath, lsecBin()],
    env: { LSEC_HOME: home, LSEC_ITERATIONS: TEST_ITERATIONS, NO_COLOR: '1', ...extra },
  });
}

describe('home: u and c', () => {
  it('d then u brings the deleted secret back with its value', async () => {
    const { home } = await initVault({ secrets: { 'deploy-key': 'v1 ✓', other: 'o' } });
    const term = await lsecIn(home);
    await term.waitFor('› Passphrase');
    term.type(PASSPHRASE);
    term.keys('Enter');
    await term.waitFor('❯ deploy-key');
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
    const term = await lsecIn(home, {
      PATH: `${fake}:${process.env.PATH}`,
      WAYLAND_DISPLAY: 'wayland-lsec-test',
    });
    term.tmux('set-option', '-s', 'set-clipboard', 'on');
    await term.waitFor('› Passphrase');
    term.type(PASSPHRASE);
    term.keys('Enter');
    await term.waitFor('❯ token');
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
    const term = await lsecIn(home);
    await term.waitFor('› Passphrase');
    term.type(PASSPHRASE);
    term.keys('Enter');
    await term.waitFor('❯ first');
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
});
