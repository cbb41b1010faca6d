// The prompts on a real terminal (tmux): `init` asks the passphrase twice, `add`
// asks the value, `rm` asks before deleting — and nothing typed at a hidden prompt
// is ever drawn on the screen, not even as stars (no length leak).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseEnv, getValue, lsecBin, passFile, tempHome } from '../helpers/cli.js';
import { openShell, type Shell } from '../helpers/tmux.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const home = tempHome();
const PASS = 'tmux-pass-SENTINEL-31';
const VALUE = 'tmux-value-SENTINEL-77';

let sh: Shell;
const lsec = (args: string) => sh.run(`node ${lsecBin()} ${args}`);

/** Types text at a hidden prompt and presses Enter; the scrollback is checked at the end. */
function typeHidden(text: string): void {
  sh.type(text);
  sh.keys('Enter');
}

describe.skipIf(!hasTmux)('prompts on a real terminal (tmux)', () => {
  it('init asks twice, add asks the value hidden, rm asks "Delete NAME? (kept in the trash for 30 days) [y/N]"', async () => {
    sh = await openShell({ env: baseEnv(home) as Record<string, string> });

    // Ctrl-D at a hidden prompt cancels with a message (it used to end the process
    // silently with code 13), on its own line, and creates nothing.
    let step = lsec('init');
    await step.waitFor(/New passphrase \(at least 8 characters\): *$/m);
    sh.keys('C-d');
    let done = await step.exitCode();
    expect(done.code).toBe(1);
    expect(done.text).toMatch(/^lsec: error: cancelled: end of input$/m);
    expect(existsSync(join(home, 'vault.json'))).toBe(false);

    // Ctrl-C at a prompt is an interrupt: exit 130, as a shell reports SIGINT.
    step = lsec('init');
    await step.waitFor(/New passphrase \(at least 8 characters\): *$/m);
    sh.keys('C-c');
    done = await step.exitCode();
    expect(done.code).toBe(130);
    expect(existsSync(join(home, 'vault.json'))).toBe(false);

    // Ctrl-C typed right behind Enter (one read from the terminal) reaches lsec while
    // the next prompt is being set up: still an interrupt (it used to wait forever).
    step = lsec('init');
    await step.waitFor(/New passphrase \(at least 8 characters\): *$/m);
    sh.type(PASS);
    sh.keys('Enter', 'C-c');
    done = await step.exitCode();
    expect(done.code).toBe(130);
    expect(done.text).toMatch(/^lsec: error: interrupted$/m);
    expect(existsSync(join(home, 'vault.json'))).toBe(false);

    step = lsec('init');
    await step.waitFor(/New passphrase \(at least 8 characters\): *$/m);
    typeHidden(PASS);
    await step.waitFor(/Repeat the passphrase: *$/m);
    typeHidden(PASS);
    done = await step.exitCode();
    expect(done.code).toBe(0);
    expect(done.text).toMatch(/^lsec: created the vault at /m);

    step = lsec('add my-key');
    await step.waitFor(/^Passphrase: *$/m);
    typeHidden(PASS);
    await step.waitFor(/Value for my-key \(hidden; Enter to finish\): *$/m);
    typeHidden(VALUE);
    done = await step.exitCode();
    expect(done.code).toBe(0);
    expect(done.text).toMatch(/^lsec: added my-key$/m);
    expect((await getValue(home, passFile(PASS), 'my-key')).value).toBe(VALUE);

    // "N" is the default: anything but y/yes keeps the secret.
    step = lsec('rm my-key');
    await step.waitFor(/^Passphrase: *$/m);
    typeHidden(PASS);
    await step.waitFor(/Delete my-key\? \(kept in the trash for 30 days\) \[y\/N\] *$/m);
    sh.keys('Enter');
    done = await step.exitCode();
    expect(done.code).toBe(0);
    expect(done.text).toMatch(/^lsec: nothing deleted$/m);

    step = lsec('rm my-key');
    await step.waitFor(/^Passphrase: *$/m);
    typeHidden(PASS);
    await step.waitFor(/Delete my-key\? \(kept in the trash for 30 days\) \[y\/N\] *$/m);
    sh.keys('y', 'Enter');
    done = await step.exitCode();
    expect(done.code).toBe(0);
    expect(done.text).toMatch(
      /^lsec: moved my-key to the trash for 30 days; bring it back with: lsec restore my-key$/m,
    );
    expect((await getValue(home, passFile(PASS), 'my-key')).code).toBe(2);

    // Nothing secret anywhere in the scrollback, not even as stars (no length leak).
    const all = sh.scrollback();
    expect(all).toContain('step-1');
    expect(all).not.toContain(PASS);
    expect(all).not.toContain(VALUE);
    expect(all).not.toMatch(/\*{4,}/);
  });
});
