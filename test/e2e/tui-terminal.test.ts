// How the TUI treats the terminal: no Ink without one, the alternate screen left on
// SIGTERM and SIGHUP with the shell's codes, and no colour under NO_COLOR.
import { describe, expect, it } from 'vitest';
import { initVault, lsecBin, PASSPHRASE, runCli, TEST_ITERATIONS } from '../helpers/cli.js';
import { MARKER, openTerminal } from '../helpers/tmux.js';

// Any colour (30–37, 90–97, 38;…) in an SGR sequence.
const COLOUR = /\u001B\[(?:[0-9;]*;)?(?:3[0-8]|9[0-7])(?:;[0-9;]*)?m/;

describe('lsec with no command', () => {
  it('without a terminal prints help and exits 2, never drawing', async () => {
    const { home } = await initVault();
    const r = await runCli([], { home });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/not a terminal/);
    expect(r.stderr).not.toContain('\u001B');
  });
});

describe('the TUI and the terminal', () => {
  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('restores the screen on %s and exits %i', async (signal, code) => {
    const { home } = await initVault();
    const term = await openTerminal({
      command: [process.execPath, lsecBin()],
      env: { LSEC_HOME: home, NO_COLOR: '1', LSEC_ITERATIONS: TEST_ITERATIONS },
    });
    await term.waitFor('› Passphrase');
    process.kill(term.pid(), signal);
    expect(await term.exitCode()).toBe(code);
    const screen = await term.waitFor(MARKER);
    expect(screen).not.toContain('lsec ·');
  });

  it('draws colour by default and none at all with NO_COLOR', async () => {
    const { home } = await initVault({ secrets: { 'some-key': 'v' } });
    const env = { LSEC_HOME: home, LSEC_PASSPHRASE: PASSPHRASE };
    const coloured = await openTerminal({ command: [process.execPath, lsecBin()], env });
    await coloured.waitFor('❯ some-key');
    expect(coloured.capture({ escapes: true })).toMatch(COLOUR);
    coloured.close();

    const plain = await openTerminal({
      command: [process.execPath, lsecBin()],
      env: { ...env, NO_COLOR: '1' },
    });
    await plain.waitFor('❯ some-key');
    expect(plain.capture({ escapes: true })).not.toMatch(COLOUR);
    plain.type('q');
    expect(await plain.exitCode()).toBe(0);
  });
});
