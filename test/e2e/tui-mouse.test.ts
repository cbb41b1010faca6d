// Mouse (issue 12, feature 6): SGR mouse reporting is on only while the TUI runs; the
// wheel scrolls the list and a click selects a row.
import { describe, expect, it } from 'vitest';
import { projectWith } from '../helpers/launch.js';
import type { Terminal } from '../helpers/tmux.js';
import { openLsec, vaultWith } from '../helpers/tui.js';

const names = Array.from({ length: 12 }, (_, i) => `secret-${String(i).padStart(2, '0')}`);

describe('the mouse on the secrets list', () => {
  it('the wheel moves, a click selects, and reporting ends with the TUI', async () => {
    const { home } = await vaultWith(Object.fromEntries(names.map((n) => [n, 'v'])));
    const { term } = await openLsec(home);
    await term.waitFor('❯ secret-00');
    expect(term.format('#{mouse_sgr_flag}#{mouse_standard_flag}')).toBe('11');

    // A wheel notch down: three rows, as the terminal reports it (SGR, button 65).
    term.type('\u001b[<65;10;6M');
    await term.waitFor('❯ secret-03');
    // A click on the 6th terminal row: the list's third row (title, rule, header above).
    term.type('\u001b[<0;10;6M\u001b[<0;10;6m');
    await term.waitFor('❯ secret-02');

    term.type('q');
    expect(await term.exitCode()).toBe(0);
    expect(term.format('#{mouse_sgr_flag}#{mouse_standard_flag}')).toBe('00');
  });
});

/** A left click (press and release) on the terminal row that shows `text`. */
function clickOn(term: Terminal, text: string): void {
  const row = term.screen().findIndex((line) => line.includes(text)) + 1;
  expect(row, `"${text}" is not on the screen`).toBeGreaterThan(0);
  term.type(`\u001b[<0;12;${row}M\u001b[<0;12;${row}m`);
}

describe('the mouse on the mappings lists', () => {
  it('a click selects a secret row, and one on a plain variable moves there', async () => {
    const { home } = await vaultWith(Object.fromEntries(names.map((n) => [n, 'v'])));
    const cwd = projectWith({ app: 'app.py', env: { LOG_LEVEL: 'debug' }, secrets: {} });
    const { term } = await openLsec(home, { cwd });
    await term.waitFor('❯ secret-00');
    term.type('m');
    await term.waitFor(/❯ \[ \] secret-00/);
    clickOn(term, 'secret-04');
    await term.waitFor(/❯ \[ \] secret-04/);
    // Space maps the clicked secret: the click selected it, not only drew a marker.
    term.type(' ');
    await term.waitFor(/❯ \[x\] secret-04/);
    clickOn(term, 'LOG_LEVEL');
    const screen = await term.waitFor(/❯ LOG_LEVEL/);
    expect(screen).not.toMatch(/❯ \[/);
    // With a filter line over the list, the rows sit one lower: still the row clicked.
    term.type('/1');
    term.keys('Enter');
    await term.waitFor('Filter');
    clickOn(term, 'secret-11');
    await term.waitFor(/❯ \[ \] secret-11/);
    term.keys('Escape');
  });
});
