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

const screen = () => tmux('capture-pane', '-p');

async function waitFor(pattern: RegExp, timeoutMs = 10_000): Promise<string> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const text = screen();
    if (pattern.test(text)) return text;
    if (Date.now() > end) throw new Error(`timed out waiting for ${pattern}; screen:\n${text}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Types text without Enter, checks it is not drawn, then presses Enter. */
async function typeHidden(text: string): Promise<void> {
  tmux('send-keys', '-t', 'main', '-l', text);
  await new Promise((r) => setTimeout(r, 150));
  expect(screen()).not.toContain(text);
  expect(screen()).not.toMatch(/\*{4,}/);
  tmux('send-keys', '-t', 'main', 'Enter');
}

let lines = 0;
/** Runs an lsec command in the pane; `done` matches its exit-code marker. */
function lsec(args: string): RegExp {
  lines++;
  // `clear` first, so a prompt left on screen by the previous command cannot match
  // early (typing before the prompt mutes the terminal would echo the passphrase).
  tmux(
    'send-keys',
    '-t',
    'main',
    '-l',
    `clear; node ${lsecBin()} ${args}; echo "done-${lines}=$?"`,
  );
  tmux('send-keys', '-t', 'main', 'Enter');
  return new RegExp(`done-${lines}=(\\d+)`);
}

const exitCode = (text: string, done: RegExp) => Number(done.exec(text)?.[1]);

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
    let done = lsec('init');
    await waitFor(/New passphrase \(at least 8 characters\): *$/m);
    tmux('send-keys', '-t', 'main', 'C-d');
    let text = await waitFor(done);
    expect(exitCode(text, done)).toBe(1);
    expect(text).toMatch(/^lsec: error: cancelled: end of input$/m);
    expect(existsSync(join(home, 'vault.json'))).toBe(false);

    // Ctrl-C at a prompt is an interrupt: exit 130, as a shell reports SIGINT.
    done = lsec('init');
    await waitFor(/New passphrase \(at least 8 characters\): *$/m);
    tmux('send-keys', '-t', 'main', 'C-c');
    text = await waitFor(done);
    expect(exitCode(text, done)).toBe(130);
    expect(existsSync(join(home, 'vault.json'))).toBe(false);

    done = lsec('init');
    await waitFor(/New passphrase \(at least 8 characters\): *$/m);
    await typeHidden(PASS);
    await waitFor(/Repeat the passphrase: *$/m);
    await typeHidden(PASS);
    text = await waitFor(done);
    expect(exitCode(text, done)).toBe(0);
    expect(text).toMatch(/^lsec: created the vault at /m);

    done = lsec('add my-key');
    await waitFor(/^Passphrase: *$/m);
    await typeHidden(PASS);
    await waitFor(/Value for my-key \(hidden; Enter to finish\): *$/m);
    await typeHidden(VALUE);
    text = await waitFor(done);
    expect(exitCode(text, done)).toBe(0);
    expect(text).toMatch(/^lsec: added my-key$/m);
    expect((await getValue(home, passFile(PASS), 'my-key')).value).toBe(VALUE);

    // "N" is the default: anything but y/yes keeps the secret.
    done = lsec('rm my-key');
    await waitFor(/^Passphrase: *$/m);
    await typeHidden(PASS);
    await waitFor(/Delete my-key\? \[y\/N\] *$/m);
    tmux('send-keys', '-t', 'main', 'Enter');
    text = await waitFor(done);
    expect(exitCode(text, done)).toBe(0);
    expect(text).toMatch(/^lsec: nothing deleted$/m);

    done = lsec('rm my-key');
    await waitFor(/Passphrase: *$/m);
    await typeHidden(PASS);
    await waitFor(/Delete my-key\? \[y\/N\] *$/m);
    tmux('send-keys', '-t', 'main', 'y', 'Enter');
    text = await waitFor(done);
    expect(exitCode(text, done)).toBe(0);
    expect(text).toMatch(/^lsec: deleted my-key$/m);
    expect((await getValue(home, passFile(PASS), 'my-key')).code).toBe(2);

    // Nothing secret anywhere in the scrollback.
    const all = tmux('capture-pane', '-p', '-S', '-');
    expect(all).not.toContain(PASS);
    expect(all).not.toContain(VALUE);
  });
});
