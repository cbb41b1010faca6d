// The prompts on a real terminal (tmux): `init` asks the passphrase twice, `add`
// asks the value, `rm` asks before deleting — and nothing typed at a hidden prompt
// is ever drawn on the screen, not even as stars (no length leak).
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { baseEnv, getValue, lsecBin, passFile, tempHome } from '../helpers/cli.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const socket = `lsec-test-${randomBytes(4).toString('hex')}`;
const home = tempHome();
const PASS = 'tmux-pass-SENTINEL-31';
const VALUE = 'tmux-value-SENTINEL-77';

function tmux(...args: string[]): string {
  // -f /dev/null: the user's tmux.conf must not change what the test sees.
  return execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], {
    env: baseEnv(home),
    encoding: 'utf8',
  });
}

/** Everything the pane has shown, scrollback included (nothing here ever clears it). */
const scrollback = () => tmux('capture-pane', '-p', '-S', '-');

let steps = 0;
/**
 * Runs an lsec command in the pane, announced by a line that only this step prints.
 * Waits read the pane after that line only, so a prompt a previous command left on the
 * screen can never match early (typing before the prompt mutes the terminal would echo
 * the passphrase, and a Ctrl-C sent early lands in the shell instead of lsec).
 */
function lsec(args: string): Step {
  const id = ++steps;
  // The command line shows `step-%s` and `$?`; only the output lines read `step-N` / `done-N=0`.
  tmux(
    'send-keys',
    '-t',
    'main',
    '-l',
    `printf 'step-%s\\n' ${id}; node ${lsecBin()} ${args}; echo "done-${id}=$?"`,
  );
  tmux('send-keys', '-t', 'main', 'Enter');
  const marker = `\nstep-${id}\n`;
  const fresh = () => {
    const all = scrollback();
    const at = all.lastIndexOf(marker);
    return at === -1 ? '' : all.slice(at + marker.length);
  };
  const waitFor = async (pattern: RegExp): Promise<string> => {
    const end = Date.now() + 10_000;
    for (;;) {
      const text = fresh();
      if (pattern.test(text)) return text;
      if (Date.now() > end)
        throw new Error(`timed out waiting for ${pattern}; step ${id} shows:\n${text}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return {
    waitFor,
    async exitCode() {
      const text = await waitFor(new RegExp(`^done-${id}=(\\d+)$`, 'm'));
      return { code: Number(new RegExp(`^done-${id}=(\\d+)$`, 'm').exec(text)?.[1]), text };
    },
  };
}

interface Step {
  /** Polls the pane after this step's own start line until it matches. */
  waitFor(pattern: RegExp): Promise<string>;
  /** The command's exit status and what the step printed. */
  exitCode(): Promise<{ code: number; text: string }>;
}

/** Types text at a hidden prompt and presses Enter; the scrollback is checked at the end. */
function typeHidden(text: string): void {
  tmux('send-keys', '-t', 'main', '-l', text);
  tmux('send-keys', '-t', 'main', 'Enter');
}

afterAll(() => {
  if (!hasTmux) return;
  spawnSync('tmux', ['-L', socket, 'kill-server']);
  // kill-server can leave the socket file behind.
  const dir = join(process.env.TMUX_TMPDIR ?? '/tmp', `tmux-${process.getuid?.() ?? 0}`);
  rmSync(join(dir, socket), { force: true });
});

describe.skipIf(!hasTmux)('prompts on a real terminal (tmux)', () => {
  it('init asks twice, add asks the value hidden, rm asks "Delete NAME? [y/N]"', async () => {
    tmux('new-session', '-d', '-s', 'main', '-x', '100', '-y', '30', 'sh');
    tmux('send-keys', '-t', 'main', "PS1='$ '; clear", 'Enter');

    // Ctrl-D at a hidden prompt cancels with a message (it used to end the process
    // silently with code 13), on its own line, and creates nothing.
    let step = lsec('init');
    await step.waitFor(/New passphrase \(at least 8 characters\): *$/m);
    tmux('send-keys', '-t', 'main', 'C-d');
    let done = await step.exitCode();
    expect(done.code).toBe(1);
    expect(done.text).toMatch(/^lsec: error: cancelled: end of input$/m);
    expect(existsSync(join(home, 'vault.json'))).toBe(false);

    // Ctrl-C at a prompt is an interrupt: exit 130, as a shell reports SIGINT.
    step = lsec('init');
    await step.waitFor(/New passphrase \(at least 8 characters\): *$/m);
    tmux('send-keys', '-t', 'main', 'C-c');
    done = await step.exitCode();
    expect(done.code).toBe(130);
    expect(existsSync(join(home, 'vault.json'))).toBe(false);

    // Ctrl-C typed right behind Enter (one read from the terminal) reaches lsec while
    // the next prompt is being set up: still an interrupt (it used to wait forever).
    step = lsec('init');
    await step.waitFor(/New passphrase \(at least 8 characters\): *$/m);
    tmux('send-keys', '-t', 'main', '-l', PASS);
    tmux('send-keys', '-t', 'main', 'Enter', 'C-c');
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
    await step.waitFor(/Delete my-key\? \[y\/N\] *$/m);
    tmux('send-keys', '-t', 'main', 'Enter');
    done = await step.exitCode();
    expect(done.code).toBe(0);
    expect(done.text).toMatch(/^lsec: nothing deleted$/m);

    step = lsec('rm my-key');
    await step.waitFor(/^Passphrase: *$/m);
    typeHidden(PASS);
    await step.waitFor(/Delete my-key\? \[y\/N\] *$/m);
    tmux('send-keys', '-t', 'main', 'y', 'Enter');
    done = await step.exitCode();
    expect(done.code).toBe(0);
    expect(done.text).toMatch(/^lsec: deleted my-key$/m);
    expect((await getValue(home, passFile(PASS), 'my-key')).code).toBe(2);

    // Nothing secret anywhere in the scrollback, not even as stars (no length leak).
    const all = scrollback();
    expect(all).toContain('step-1');
    expect(all).not.toContain(PASS);
    expect(all).not.toContain(VALUE);
    expect(all).not.toMatch(/\*{4,}/);
  });
});
