// Mouse (issue 12, feature 6): SGR mouse reporting is on only while the TUI runs; the
// wheel scrolls the list and a click selects a row.
import { describe, expect, it } from 'vitest';
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
