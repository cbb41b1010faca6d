// 1,000 secrets in a real terminal: the frame never grows past rows - 1 (taller
// frames make Ink clear the screen on every render and push content off the top),
// filtering narrows the list, and a resize is followed.
import { describe, expect, it } from 'vitest';
import { Vault } from '../../src/store/vault.js';
import { lsecBin, PASSPHRASE, TEST_ITERATIONS, tempHome } from '../helpers/cli.js';
import { drawnLines, openTerminal, type Terminal } from '../helpers/tmux.js';

function expectFits(term: Terminal, screen: string): void {
  const lines = drawnLines(screen);
  expect(lines.length).toBeLessThanOrEqual(term.rows - 1);
  // Had anything scrolled off, the title would not be the first line.
  expect(lines[0]).toMatch(/^lsec · secrets/);
}

describe('the TUI with 1,000 secrets', () => {
  it('keeps the frame inside the terminal while moving, filtering and resizing', async () => {
    const home = tempHome();
    const vault = await Vault.create(home, PASSPHRASE, { iterations: Number(TEST_ITERATIONS) });
    const names = Array.from({ length: 1000 }, (_, i) => `secret-${String(i).padStart(4, '0')}`);
    await vault.write(
      names.map((n) => [n, `value of ${n}`]),
      'add',
    );
    vault.lock();

    const term = await openTerminal({
      command: [process.execPath, lsecBin()],
      env: { LSEC_HOME: home, NO_COLOR: '1', LSEC_PASSPHRASE: PASSPHRASE },
    });
    let screen = await term.waitFor('❯ secret-0000');
    expectFits(term, screen);
    expect(screen).toContain('1,000 secrets');
    expect(screen).toMatch(/1–\d+ of 1,000/);

    term.keys('PageDown', 'PageDown', 'j');
    screen = await term.waitFor(/❯ secret-00[4-9]\d/);
    expectFits(term, screen);
    term.keys('End');
    screen = await term.waitFor('❯ secret-0999');
    expectFits(term, screen);

    term.type('/');
    await term.waitFor('Filter:');
    term.type('ET-099');
    // Fuzzy: every name with those letters in order matches, the ten holding them
    // together first.
    screen = await term.waitFor(/\d+ of 1,000 shown/);
    expectFits(term, screen);
    const rows = screen.split('\n').filter((line) => /^[❯ ] secret-/.test(line));
    expect(rows.slice(0, 10).every((row) => row.includes('secret-099'))).toBe(true);

    await term.resize(60, 12);
    screen = await term.waitFor((s) => drawnLines(s).length <= 11 && s.includes('❯ secret-0990'));
    expectFits(term, screen);

    term.keys('Escape');
    screen = await term.waitFor((s) => !s.includes('Filter:') && s.includes('of 1,000'));
    expectFits(term, screen);

    term.type('q');
    expect(await term.exitCode()).toBe(0);
  });
});
