// Issue 12, bug 3: the hidden prompt kept only the first line of a pasted multi-line
// value and then said "added". A real terminal (tmux) pastes with bracketed paste
// (`paste-buffer -p`), as terminal emulators do: a multi-line paste is refused with the
// way to store such a value, nothing is stored, and a one-line paste is kept exactly.
import { spawnSync } from 'node:child_process';
import { beforeEach, describe, expect, it } from 'vitest';
import { initVault, lsecBin, runCli } from '../helpers/cli.js';
import { openTerminal } from '../helpers/tmux.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
let home: string;
let pass: string;

beforeEach(async () => {
  ({ home, pass } = await initVault());
});

const addOnTerminal = (name: string) =>
  openTerminal({
    command: ['node', lsecBin(), 'add', name, '--passphrase-file', pass],
    env: { LSEC_HOME: home, LSEC_ITERATIONS: '600000', NO_COLOR: '1' },
  });

describe.skipIf(!hasTmux)('pasting at the hidden value prompt (tmux)', () => {
  it('a two-line paste is refused, nothing is stored, and no line reaches the screen', async () => {
    const term = await addOnTerminal('pem');
    await term.waitFor('Value for pem');
    term.paste('-----BEGIN KEY-----\nSECOND-LINE-SENTINEL\n-----END KEY-----');
    expect(await term.exitCode(20_000)).toBe(2);
    const screen = term.capture();
    expect(screen).toContain('more than one line');
    expect(screen).toContain('lsec add NAME < FILE');
    expect(screen).not.toContain('added');
    expect(screen).not.toContain('SENTINEL');
    const list = await runCli(['list', '--names'], { home });
    expect(list.stdout).toBe('');
  });

  it('a large multi-line paste (about 28 KB, many reads) is refused and drained: no line reaches the shell', async () => {
    const term = await addOnTerminal('big');
    await term.waitFor('Value for big');
    const lines = Array.from({ length: 400 }, (_, i) => `LINE${i}-${'A'.repeat(60)}`);
    term.paste(`-----BEGIN KEY-----\n${lines.join('\n')}\n-----END KEY-----`);
    expect(await term.exitCode(20_000)).toBe(2);
    const screen = term.capture();
    expect(screen).toContain('more than one line');
    expect(screen).not.toMatch(/LINE\d+-A/);
    const list = await runCli(['list', '--names'], { home });
    expect(list.stdout).toBe('');
  });

  it('a one-line paste then Enter stores exactly the pasted text', async () => {
    const term = await addOnTerminal('token');
    await term.waitFor('Value for token');
    term.paste('pasted-token-value');
    term.keys('Enter');
    expect(await term.exitCode(20_000)).toBe(0);
    expect(term.capture()).toContain('added token');
    const get = await runCli(['get', 'token', '--passphrase-file', pass], { home });
    expect(get.stdout).toBe('pasted-token-value\n');
  });

  it('a one-line paste with its trailing newline (a copied line) is stored whole', async () => {
    const term = await addOnTerminal('copied');
    await term.waitFor('Value for copied');
    term.paste('copied-line-value\n');
    expect(await term.exitCode(20_000)).toBe(0);
    const get = await runCli(['get', 'copied', '--passphrase-file', pass], { home });
    expect(get.stdout).toBe('copied-line-value\n');
  });

  it('typed text then Enter is unchanged', async () => {
    const term = await addOnTerminal('typed');
    await term.waitFor('Value for typed');
    term.type('typed value 1');
    term.keys('Enter');
    expect(await term.exitCode(20_000)).toBe(0);
    const get = await runCli(['get', 'typed', '--passphrase-file', pass], { home });
    expect(get.stdout).toBe('typed value 1\n');
  });
});
