// Finding a secret on the mappings screen (issue 12, feature 5): `/` filters the
// secret rows with home's fuzzy matcher (keys type into the field, no binding fires),
// `o` lists only the mapped ones, and a secret found by the filter is mapped and saved.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectWith } from '../helpers/launch.js';
import { fitsIn, openLsec, vaultWith } from '../helpers/tui.js';

const SECRET_ROW = /^[❯ ] \[[ x]\] /;
/** The secret names listed, top to bottom. */
const listed = (screen: string) =>
  screen
    .split('\n')
    .filter((l) => SECRET_ROW.test(l))
    .map((l) => l.slice(6).split(' ')[0]);

describe('the mappings filter', () => {
  for (const size of [
    { columns: 100, rows: 30 },
    { columns: 40, rows: 10 },
  ]) {
    it(`finds, lists mapped only, maps and saves at ${size.columns}×${size.rows}`, async () => {
      const { home } = await vaultWith({
        'aws-key': 'v',
        'db-pw': 'v',
        // Names short enough not to be cut at 40 columns.
        'gh-token': 'v',
        stripe: 'v',
      });
      const dir = projectWith({ app: 'app.py', env: {}, secrets: { DB_PW: 'db-pw' } });
      const colour = { NO_COLOR: '', FORCE_COLOR: '1' };
      const { term } = await openLsec(home, { cwd: dir, ...size, env: colour });
      await term.waitFor('❯ aws-key');
      term.type('m');
      let screen = await term.waitFor(/❯ \[ \] aws-key/);

      // o: only what the profile maps, said in the title; o again: all of them.
      term.type('o');
      screen = await term.waitFor('mapped only');
      expect(listed(screen)).toEqual(['db-pw']);
      expect(fitsIn(term, screen)).toBe(true);
      term.type('o');
      screen = await term.waitFor((s) => !s.includes('mapped only') && s.includes(' of 4 ·'));

      // "ghtok" holds o, g and k: typed into the filter, none of them acts.
      term.type('/ghtok');
      // The fuzzy matcher loads after the first frame: wait for its match.
      screen = await term.waitFor((s) => s.includes('Filter: ghtok') && s.includes('gh-token'));
      expect(listed(screen)).toEqual(['gh-token']);
      expect(screen).not.toContain('mapped only');
      // g, h, t, o and k of gh-token are underlined (SGR 4), as on the home screen:
      // "gh" and "tok", two runs.
      const line = term
        .capture({ escapes: true })
        .split('\n')
        .find((l) => l.includes('GH_TOKEN'))!;
      expect(line.match(/\u001b\[4m/g)?.length).toBe(2);
      expect(fitsIn(term, screen)).toBe(true);
      term.keys('Enter');
      term.type(' ');
      screen = await term.waitFor(/❯ \[x\] gh-token/);
      // Esc clears the filter and keeps gh-token selected.
      term.keys('Escape');
      screen = await term.waitFor((s) => s.includes(' of 4 ·') && !s.includes('Filter:'));
      expect(screen).toMatch(/❯ \[x\] gh-token/);
      term.type('s');
      await term.waitFor('Saved profile default');
      const saved = JSON.parse(readFileSync(join(dir, '.lsec.json'), 'utf8'));
      expect(saved.profiles.default.secrets).toEqual({
        DB_PW: 'db-pw',
        GH_TOKEN: 'gh-token',
      });
    });
  }
});
