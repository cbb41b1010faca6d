// Issue 12, bug 7 (cosmetic), at each size the issue was tried at: the home position
// line keeps its count whole, the reveal countdown ticks, "N more lines" counts the
// value's lines (not screen rows), and the env name being edited is not cut.
import { describe, expect, it } from 'vitest';
import { projectWith } from '../helpers/launch.js';
import { fitsIn, openLsec, SIZES, vaultWith } from '../helpers/tui.js';

// Three lines of 250 characters: several screen rows each at any of the sizes.
const LONG = ['a', 'b', 'c'].map((c) => c.repeat(250)).join('\n');
/** Value lines left out: 2 of 3 shown whole at 100×30 (7 rows), none at the smaller sizes. */
const MORE = { 100: '… 1 more line (', 60: '… 3 more lines (', 40: '… 3 more lines (' } as const;

describe('cosmetics (issue 12, bug 7)', () => {
  for (const size of SIZES) {
    it(`at ${size.columns}×${size.rows}: position line, reveal countdown and panel, mappings editor`, async () => {
      const { home } = await vaultWith({ k1: LONG, k2: 'v2', k3: 'v3', k4: 'v4' });
      const cwd = projectWith({ app: 'app.py', env: {}, secrets: { K1: 'k1' } });
      const { term } = await openLsec(home, { cwd, ...size });
      let screen = await term.waitFor('❯ k1');
      expect(fitsIn(term, screen)).toBe(true);
      // "1–3 of 4" and "4 secrets" whole, whatever is left of the path.
      expect(screen).toMatch(/\n1–\d of 4 +4 secrets/);

      term.type('r');
      screen = await term.waitFor(/hidden again in 15 s/);
      expect(screen).toContain(MORE[size.columns]);
      expect(fitsIn(term, screen)).toBe(true);
      screen = await term.waitFor(/hidden again in 1[0-4] s/);

      term.type('m');
      await term.waitFor(/❯ \[x\] k1/);
      term.type('e');
      screen = await term.waitFor('› Env name for k1');
      expect(screen).toMatch(/❯ \[x\] k1 +↓ editing/);
      expect(screen).not.toContain('belo…');
      expect(fitsIn(term, screen)).toBe(true);
    });
  }
});
