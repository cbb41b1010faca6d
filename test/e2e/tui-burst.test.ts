// Issue 12, bug 5: keys typed in the same burst as a screen switch were lost ("a"
// followed at once by a name opened an empty form). Keys now wait for the screen
// they belong to.
import { describe, expect, it } from 'vitest';
import { getValue, PASSPHRASE, passFile } from '../helpers/cli.js';
import { fitsIn, openLsec, SIZES, vaultWith } from '../helpers/tui.js';

describe('keys typed in the same burst as a screen switch (issue 12, bug 5)', () => {
  for (const size of SIZES) {
    it(`at ${size.columns}×${size.rows}, "a" and a name typed at once fill the new form`, async () => {
      const { home } = await vaultWith({ 'db-url': 'v1' });
      const { term } = await openLsec(home, size);
      await term.waitFor('❯ db-url');

      // One write to the terminal: the form opens in the middle of it.
      term.type('aapi-key');
      const screen = await term.waitFor(/› Name +api-key/);
      expect(fitsIn(term, screen)).toBe(true);
      term.keys('Enter');
      term.type('value-42');
      term.keys('Enter');
      await term.waitFor('Added api-key');
      expect(await getValue(home, passFile(PASSPHRASE), 'api-key')).toMatchObject({
        code: 0,
        value: 'value-42',
      });
    });
  }

  it('keys typed while the vault unlocks reach the home screen and the form after it', async () => {
    const { home } = await vaultWith({ 'db-url': 'v1' });
    const { term } = await openLsec(home, { env: { LSEC_PASSPHRASE: '' } });
    await term.waitFor('› Passphrase');
    term.type(PASSPHRASE);
    term.keys('Enter');
    term.type('anext-key');
    const screen = await term.waitFor(/› Name +next-key/);
    expect(screen).toContain('lsec · add a secret');
  });
});
