// Issues 11.5 and 11.6: text lsec prints must not drive the terminal.
// - `lsec get` to a terminal printed a value's escape sequences raw: a stored value
//   retitled the window, cleared the screen, could set the clipboard (OSC 52). Now
//   control characters are shown visibly and stderr says so; to a pipe the bytes are
//   exact.
// - A newline or ESC in a name from .lsec.json reached error messages raw, so a file
//   could print a fake `lsec:` line. Every message goes through one sanitizing writer.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { initVault, lsecBin, runCli, tempDir } from '../helpers/cli.js';
import { MARKER, openTerminal } from '../helpers/tmux.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
// Sets the window title, clears the screen and homes the cursor, then writes a line.
const HOSTILE = '\x1b]2;PWNED-TITLE\x07\x1b[2J\x1b[HFAKE-SCREEN\rtail';
let home: string;
let pass: string;

beforeAll(async () => {
  ({ home, pass } = await initVault({
    secrets: { hostile: HOSTILE, plain: 'multi\nline\tvalue' },
  }));
});

describe.skipIf(!hasTmux)('lsec get to a terminal (tmux)', () => {
  it('shows control characters visibly, says so, and leaves title and screen alone', async () => {
    const term = await openTerminal({
      command: ['node', lsecBin(), 'get', 'hostile', '--passphrase-file', pass],
      env: { LSEC_HOME: home, LSEC_ITERATIONS: '600000', NO_COLOR: '1' },
    });
    expect(await term.exitCode(20_000)).toBe(0);
    const screen = term.capture();
    // Not cleared: the line printed before lsec ran is still there.
    expect(screen).toContain(MARKER);
    expect(screen).toContain('^[]2;PWNED-TITLE^G^[[2J^[[HFAKE-SCREEN^Mtail');
    expect(screen).toMatch(/lsec: the value holds control characters/);
    expect(term.title()).not.toContain('PWNED');
  });

  it('a value with only newlines and tabs prints as it is, with no note', async () => {
    const term = await openTerminal({
      command: ['node', lsecBin(), 'get', 'plain', '--passphrase-file', pass],
      env: { LSEC_HOME: home, LSEC_ITERATIONS: '600000', NO_COLOR: '1' },
    });
    expect(await term.exitCode(20_000)).toBe(0);
    const screen = term.capture();
    expect(screen).toContain('multi\nline');
    expect(screen).not.toContain('control characters');
  });
});

describe('lsec get to a pipe', () => {
  it('prints the exact bytes and one newline, with no note', async () => {
    const r = await runCli(['get', 'hostile', '--passphrase-file', pass], { home });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdoutBytes.equals(Buffer.from(`${HOSTILE}\n`))).toBe(true);
    expect(r.stderr).toBe('');
  });
});

describe('messages never carry raw control characters', () => {
  it('a newline and ESC in a profile name from argv cannot fake an lsec: line', async () => {
    const r = await runCli(['show', '--profile', 'x\nlsec: all good\x1b[2J'], { home });
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/^lsec: all good/m);
    expect(r.stderr).not.toContain('\x1b');
    // Each line of stderr is lsec's own: an error line and its hint.
    for (const line of r.stderr.trimEnd().split('\n'))
      expect(line).toMatch(/^(lsec: error: | {2})/);
  });

  it('a name from .lsec.json with a newline and ESC is shown visibly (run, show, launch)', async () => {
    const dir = tempDir('lsec-proj-');
    const profile = { env: {}, secrets: { 'BAD\nlsec: done\x1b]2;T\x07': 'my-secret' } };
    writeFileSync(
      join(dir, '.lsec.json'),
      JSON.stringify({ version: 1, profiles: { default: profile } }),
    );
    for (const args of [
      ['run', '--passphrase-file', pass, '--', 'true'],
      ['show'],
      ['launch', '--dry-run'],
    ]) {
      const r = await runCli(args, { home, cwd: dir, env: { HOME: tempDir() } });
      const all = r.stdout + r.stderr;
      expect(all).not.toMatch(/^lsec: done/m);
      expect(all).not.toContain('\x1b');
      expect(all).toContain('BAD^Jlsec: done^[]2;T^G');
    }
  });
});
