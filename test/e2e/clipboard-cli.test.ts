// `lsec get NAME --copy` as `pass -c` does it: the value reaches the clipboard tool on
// its stdin and the terminal as OSC 52, never argv or the screen; a detached clearer
// empties the clipboard after LSEC_CLIP_TIME seconds only if it still holds the value,
// and it never has the value in its argv or environment. The platform tool is a fake
// wl-copy/wl-paste on PATH recording what it was given (a boundary fake); OSC 52 is
// captured by a real tmux with set-clipboard on.
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initVault, lsecBin, runCli, TEST_ITERATIONS, tempDir } from '../helpers/cli.js';
import { openTerminal } from '../helpers/tmux.js';

const VALUE = 'clip-SENTINEL-Ω-42';

/** A folder with fake wl-copy (records each copy as copy-N) and wl-paste. */
function fakeWayland(): string {
  const dir = tempDir('lsec-fake-clip-');
  const write = (name: string, body: string) => {
    writeFileSync(join(dir, name), `#!/bin/sh\nd=$(dirname "$0")\n${body}\n`);
    chmodSync(join(dir, name), 0o755);
  };
  write(
    'wl-copy',
    'n=$(ls "$d" | grep -c "^copy-")\ncat > "$d/copy-$n.tmp"\ncp "$d/copy-$n.tmp" "$d/current"\nmv "$d/copy-$n.tmp" "$d/copy-$n"\necho "$@" >> "$d/argv"',
  );
  write('wl-paste', 'cat "$d/current"');
  return dir;
}

const copies = (dir: string) =>
  readdirSync(dir)
    .filter((f) => /^copy-\d+$/.test(f))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));

/** Processes of ours: pid, argv and environment (as `ps e` would show them). */
function processes(): { pid: number; argv: string[]; env: string }[] {
  const out = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      const env = readFileSync(`/proc/${pid}/environ`, 'utf8');
      out.push({ pid: Number(pid), argv, env });
    } catch {
      // Gone, or not ours.
    }
  }
  return out;
}

/** The clearer of this test: `node -` with the fake tools' folder on its PATH. */
const clearerOf = (fakeDir: string) =>
  processes().find(
    (p) => p.argv[0] === process.execPath && p.argv[1] === '-' && p.env.includes(fakeDir),
  );

async function until<T>(what: string, probe: () => T | undefined | false, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const envFor = (fake: string, seconds: string) => ({
  PATH: `${fake}:${process.env.PATH}`,
  WAYLAND_DISPLAY: 'wayland-lsec-test',
  LSEC_CLIP_TIME: seconds,
});

describe('lsec get --copy with a platform tool', () => {
  it('copies through stdin, prints nothing, and clears after LSEC_CLIP_TIME; no value in any argv or env', async () => {
    const { home, pass } = await initVault({ secrets: { k: VALUE } });
    const fake = fakeWayland();
    const r = await runCli(['get', 'k', '--copy', '--passphrase-file', pass], {
      home,
      env: envFor(fake, '4'),
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/copied k to the clipboard \(wl-copy\); cleared in 4 s/);
    expect(r.stderr).not.toContain(VALUE);
    expect(copies(fake)).toEqual([VALUE]);
    // The tool got no arguments: the value came on stdin.
    expect(readFileSync(join(fake, 'argv'), 'utf8')).toBe('\n');

    const clearer = await until('the clearer', () => clearerOf(fake));
    for (const p of processes()) {
      expect(p.argv.join(' ')).not.toContain(VALUE);
      expect(p.env).not.toContain(VALUE);
    }
    expect(clearer.env).not.toMatch(/LSEC_/);

    await until('the clipboard to be cleared', () => copies(fake).length === 2);
    expect(copies(fake)).toEqual([VALUE, '']);
  });

  it('leaves the clipboard alone when something else was copied meanwhile', async () => {
    const { home, pass } = await initVault({ secrets: { k: VALUE } });
    const fake = fakeWayland();
    const r = await runCli(['get', 'k', '--copy', '--passphrase-file', pass], {
      home,
      env: envFor(fake, '2'),
    });
    expect(r.code, r.stderr).toBe(0);
    const clearer = await until('the clearer', () => clearerOf(fake));
    writeFileSync(join(fake, 'current'), 'the user copied something else');
    await until('the clearer to end', () => !existsSync(`/proc/${clearer.pid}`));
    expect(copies(fake)).toEqual([VALUE]);
    expect(readFileSync(join(fake, 'current'), 'utf8')).toBe('the user copied something else');
  });

  it('with no tool and no terminal it refuses, naming what to install', async () => {
    const { home, pass } = await initVault({ secrets: { k: VALUE } });
    const r = await runCli(['get', 'k', '-c', '--passphrase-file', pass], {
      home,
      env: { WAYLAND_DISPLAY: undefined, DISPLAY: undefined },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/wl-clipboard|xclip/);
    expect(r.stdout + r.stderr).not.toContain(VALUE);
  });
});

describe('lsec get --copy and a relative PATH entry', () => {
  it('never runs a clipboard tool found through "." on PATH (a file in the project folder)', async () => {
    const { home, pass } = await initVault({ secrets: { k: VALUE } });
    const planted = fakeWayland();
    const r = await runCli(['get', 'k', '-c', '--passphrase-file', pass], {
      home,
      cwd: planted,
      env: {
        PATH: `.:${process.env.PATH}`,
        WAYLAND_DISPLAY: 'wayland-lsec-test',
        DISPLAY: undefined,
      },
    });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/wl-clipboard|xclip/);
    expect(copies(planted)).toEqual([]);
  });
});

describe('lsec get --copy in a terminal (OSC 52)', () => {
  it('tmux with set-clipboard on receives the value as a paste buffer; the screen never shows it', async () => {
    const { home, pass } = await initVault({ secrets: { k: VALUE } });
    const go = join(tempDir('lsec-go-'), 'go');
    const term = await openTerminal({
      // Waits for `go` so set-clipboard is on before lsec writes anything.
      command: [
        'sh',
        '-c',
        'while [ ! -f "$0" ]; do sleep 0.05; done; exec "$@"',
        go,
        process.execPath,
        lsecBin(),
        'get',
        'k',
        '--copy',
        '--passphrase-file',
        pass,
      ],
      env: { LSEC_HOME: home, LSEC_ITERATIONS: TEST_ITERATIONS, LSEC_CLIP_TIME: '30' },
    });
    term.tmux('set-option', '-s', 'set-clipboard', 'on');
    writeFileSync(go, '');
    expect(await term.exitCode(20_000)).toBe(0);
    const screen = await term.waitFor(/copied k to the clipboard/);
    expect(screen).toContain('OSC 52');
    expect(screen).not.toContain(VALUE);
    expect(term.tmux('show-buffer')).toBe(VALUE);
  });
});
