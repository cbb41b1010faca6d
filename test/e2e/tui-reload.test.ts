// Issue 12, bug 4: R said "Reloaded" without reading the vault again, so a secret
// added from another terminal never appeared. Now the TUI notices the file's new
// generation on its own, and R reads the file again.
import { describe, expect, it } from 'vitest';
import { PASSPHRASE, runCli } from '../helpers/cli.js';
import { fitsIn, openLsec, SIZES, vaultWith } from '../helpers/tui.js';

/** `lsec set NAME` from another terminal. */
async function setFromElsewhere(home: string, name: string): Promise<void> {
  const r = await runCli(['set', name], {
    home,
    input: `value of ${name}`,
    env: { LSEC_PASSPHRASE: PASSPHRASE },
  });
  expect(r.code, r.stderr).toBe(0);
}

describe('another terminal writes the vault (issue 12, bug 4)', () => {
  for (const size of SIZES) {
    it(`at ${size.columns}×${size.rows}, the list follows the file, by itself and on R`, async () => {
      const { home } = await vaultWith({ 'db-url': 'v1', 'gh-token': 'v2' });
      const { term } = await openLsec(home, size);
      await term.waitFor('❯ db-url');

      await setFromElsewhere(home, 'aa-first');
      let screen = await term.waitFor((s) => s.includes('aa-first') && s.includes('changed on'));
      expect(fitsIn(term, screen)).toBe(true);
      // The selection stays where it was.
      expect(screen).toContain('❯ db-url');

      await setFromElsewhere(home, 'ab-second');
      term.type('R');
      screen = await term.waitFor('ab-second');
      expect(screen).toMatch(/✓ (Reloaded|Vault changed on)/);
      expect(fitsIn(term, screen)).toBe(true);

      term.type('R');
      screen = await term.waitFor('Reloaded: no change');
      term.type('q');
      expect(await term.exitCode()).toBe(0);
    });
  }
});
