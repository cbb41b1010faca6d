// Bracketed paste (issue 12, feature 6): a paste is text for the focused field, never
// keys (a pasted "d" or "q" on the list does nothing), and a multi-line value pasted
// into the value field is stored whole.
import { describe, expect, it } from 'vitest';
import { getValue, PASSPHRASE, passFile } from '../helpers/cli.js';
import { openLsec, vaultWith } from '../helpers/tui.js';

const PEM = '-----BEGIN KEY-----\nabc\ndef\n-----END KEY-----';

describe('bracketed paste', () => {
  it('a paste on the list runs no key; a pasted multi-line value stays whole', async () => {
    const { home } = await vaultWith({ 'db-url': 'v1' });
    const { term } = await openLsec(home);
    await term.waitFor('❯ db-url');
    // d would ask to delete, q would quit.
    term.paste('xd\nq');
    term.type('/');
    const screen = await term.waitFor('Filter:');
    expect(screen).not.toContain('Delete db-url');
    term.keys('Escape');
    await term.waitFor((s) => !s.includes('Filter:'));

    term.type('a');
    await term.waitFor('› Name');
    term.paste('pem-key');
    await term.waitFor(/› Name +pem-key/);
    term.keys('Enter');
    await term.waitFor('› Value');
    term.paste(PEM);
    await term.waitFor('The value has 4 lines');
    term.keys('Enter');
    await term.waitFor('Added pem-key');
    expect(await getValue(home, passFile(PASSPHRASE), 'pem-key')).toMatchObject({
      code: 0,
      value: PEM,
    });
  });
});
