// A new user in a real terminal (tmux): create the vault, add, see, reveal, quit;
// then reopen, mistype the passphrase, delete, and leave with Ctrl+C.
import { describe, expect, it } from 'vitest';
import {
  baseEnv,
  getValue,
  initVault,
  lsecBin,
  PASSPHRASE,
  passFile,
  runCli,
  tempHome,
} from '../helpers/cli.js';
import { MARKER, openTerminal } from '../helpers/tmux.js';

function lsecIn(home: string, extra: Record<string, string> = {}) {
  const env = baseEnv(home);
  return openTerminal({
    command: [process.execPath, lsecBin()],
    env: {
      LSEC_HOME: home,
      LSEC_ITERATIONS: env.LSEC_ITERATIONS!,
      NO_COLOR: '1',
      ...extra,
    },
  });
}

describe('the TUI in a real terminal', () => {
  it('lets a new user create a vault, add a secret, reveal it and quit', async () => {
    const home = tempHome('fresh');
    const term = await lsecIn(home);
    await term.waitFor('› Passphrase');
    term.type(PASSPHRASE);
    term.keys('Enter');
    await term.waitFor('› Confirm');
    term.type(PASSPHRASE);
    term.keys('Enter');
    await term.waitFor('No secrets yet — press a to add one');

    term.type('a');
    await term.waitFor('› Name');
    term.type('github-api-token');
    term.keys('Enter');
    await term.waitFor('› Value');
    term.type('ghp_e2e-value-42');
    term.keys('Enter');
    const listed = await term.waitFor(/❯ github-api-token +\d{4}-\d\d-\d\d \d\d:\d\d +••••••••/);
    expect(listed).not.toContain('ghp_e2e-value-42');
    expect(listed).toContain('1 secret');

    term.type('r');
    const revealed = await term.waitFor('ghp_e2e-value-42');
    expect(revealed).toContain('Value of github-api-token');

    term.type('q');
    expect(await term.exitCode()).toBe(0);
    const after = await term.waitFor(MARKER);
    expect(after).not.toContain('lsec · secrets');

    const pass = passFile(PASSPHRASE);
    expect(await getValue(home, pass, 'github-api-token')).toMatchObject({
      code: 0,
      value: 'ghp_e2e-value-42',
    });
    // The same through LSEC_PASSPHRASE, as a script would.
    const viaEnv = await runCli(['get', 'github-api-token'], {
      home,
      env: { LSEC_PASSPHRASE: PASSPHRASE },
    });
    expect(viaEnv.stdout).toBe('ghp_e2e-value-42\n');
  });

  it('retries a wrong passphrase, deletes after y, and leaves on Ctrl+C with code 130', async () => {
    const { home } = await initVault({ secrets: { 'deploy-key': 'v1' } });
    const term = await lsecIn(home);
    await term.waitFor('› Passphrase');
    term.type('not the passphrase');
    term.keys('Enter');
    await term.waitFor('Wrong passphrase');
    term.type(PASSPHRASE);
    term.keys('Enter');
    await term.waitFor('❯ deploy-key');

    term.type('d');
    await term.waitFor('Delete deploy-key? y/N');
    term.type('y');
    const after = await term.waitFor('No secrets yet');
    expect(after).toContain('Deleted deploy-key');

    term.keys('C-c');
    expect(await term.exitCode()).toBe(130);
    const restored = await term.waitFor(MARKER);
    expect(restored).not.toContain('lsec ·');

    const list = await runCli(['list', '--json'], { home });
    expect(JSON.parse(list.stdout).secrets).toEqual([]);
  });
});
