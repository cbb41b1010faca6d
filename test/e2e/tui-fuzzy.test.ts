// The fuzzy filter (issue 12, feature 5): the letters typed, in order, anywhere in a
// name; the best match first; the matched letters highlighted.
import { describe, expect, it } from 'vitest';
import { openLsec, vaultWith } from '../helpers/tui.js';

describe('the fuzzy filter', () => {
  it('finds github-token from "gtk", best match first, the letters underlined', async () => {
    const { home } = await vaultWith({ 'github-token': 'v', 'db-password': 'v', gtk: 'v' });
    const { term } = await openLsec(home, { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    await term.waitFor('❯ db-password');
    term.type('/gtk');
    const screen = await term.waitFor('2 of 3 shown');
    const rows = screen.split('\n').filter((l) => /^[❯ ] \S/.test(l) && !l.includes('NAME'));
    expect(rows.map((r) => r.slice(2).split(' ')[0])).toEqual(['gtk', 'github-token']);
    // g, t and k of github-token are underlined (SGR 4).
    const colored = term.capture({ escapes: true });
    const line = colored.split('\n').find((l) => l.includes('hub-to'))!;
    expect(line.match(/\u001b\[[0-9;]*4[0-9;]*m/g)?.length).toBeGreaterThanOrEqual(3);
  });
});
