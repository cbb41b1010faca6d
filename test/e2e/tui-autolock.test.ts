// Issue 12, bug 2: an auto-lock dropped the unsaved mapping edits. The lock unmounts
// every screen and drops values; the draft holds names only, so it is kept, comes back
// after the unlock marked unsaved, and s saves it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PASSPHRASE } from '../helpers/cli.js';
import { projectWith } from '../helpers/launch.js';
import { fitsIn, openLsec, SIZES, vaultWith } from '../helpers/tui.js';

describe('auto-lock with unsaved mappings (issue 12, bug 2)', () => {
  for (const size of SIZES) {
    it(`at ${size.columns}×${size.rows}, the unsaved draft survives the lock and can be saved`, async () => {
      const { home } = await vaultWith({ 'api-key': 'v1', 'db-url': 'v2' });
      const cwd = projectWith({ app: 'app.py', env: {}, secrets: {} });
      // 0.1 minutes: locked 6 s after the last key.
      const { term } = await openLsec(home, { cwd, ...size, env: { LSEC_AUTOLOCK: '0.1' } });
      await term.waitFor('❯ api-key');
      term.type('m');
      await term.waitFor(/❯ \[ \] api-/);
      term.type(' ');
      let screen = await term.waitFor(/unsaved · profile/);
      expect(screen).toMatch(/❯ \[x\] api-/);

      screen = await term.waitFor('Passphrase', 30_000);
      expect(screen).not.toMatch(/\[x\] api-/);
      expect(fitsIn(term, screen)).toBe(true);
      term.type(PASSPHRASE);
      term.keys('Enter');

      screen = await term.waitFor(/❯ \[x\] api-/);
      expect(screen).toMatch(/unsaved · profile/);
      expect(fitsIn(term, screen)).toBe(true);
      term.type('s');
      await term.waitFor('Saved profile default');
      const file = JSON.parse(readFileSync(join(cwd, '.lsec.json'), 'utf8'));
      expect(file.profiles.default.secrets).toEqual({ API_KEY: 'api-key' });
    });
  }

  it('a draft left on purpose (Esc, y) is not brought back by the next lock', async () => {
    const { home } = await vaultWith({ 'api-key': 'v1' });
    const cwd = projectWith({ app: 'app.py', env: {}, secrets: {} });
    const { term } = await openLsec(home, { cwd, env: { LSEC_AUTOLOCK: '0.1' } });
    await term.waitFor('❯ api-key');
    term.type('m');
    await term.waitFor(/❯ \[ \] api-/);
    term.type(' ');
    await term.waitFor(/unsaved · profile/);
    term.keys('Escape');
    await term.waitFor('Discard changes? y/N');
    term.type('y');
    await term.waitFor('lsec · secrets');
    await term.waitFor('Passphrase', 30_000);
    term.type(PASSPHRASE);
    term.keys('Enter');
    const screen = await term.waitFor('❯ api-key');
    expect(screen).toContain('lsec · secrets');
  });
});
