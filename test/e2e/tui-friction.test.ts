// Issue 12's friction list, in a real terminal: the footer shows L and R, q works on
// the launch screen, app.py beside .lsec.json is proposed, clearing the filter keeps
// the selection, KEY=VALUE fills a plain variable, and the editing keys of a shell
// work in every text field.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeLaunches } from '../fixtures/fake-lightning-log.js';
import { projectWith } from '../helpers/launch.js';
import { openLsec, vaultWith } from '../helpers/tui.js';

describe('friction (issue 12)', () => {
  it('footer hints L and R; app.py is proposed and Enter launches it; q quits the launch screen', async () => {
    const { home } = await vaultWith({ 'api-key': 'v1' });
    const cwd = projectWith({ env: {}, secrets: {} });
    const first = await openLsec(home, { cwd });
    let screen = await first.term.waitFor('❯ api-key');
    expect(screen).toMatch(/l\/L launch · R reload/);
    first.term.type('l');
    screen = await first.term.waitFor('Found app.py');
    expect(screen).toMatch(/› App +app\.py/);
    first.term.keys('Tab');
    await first.term.waitFor(/q quit/);
    first.term.type('q');
    expect(await first.term.exitCode()).toBe(0);
    expect(fakeLaunches(first.log)).toEqual([]);

    const second = await openLsec(home, { cwd });
    await second.term.waitFor('❯ api-key');
    second.term.type('l');
    await second.term.waitFor('Found app.py');
    second.term.keys('Enter');
    expect(await second.term.exitCode()).toBe(0);
    expect(fakeLaunches(second.log)[0]!.argv.slice(0, 3)).toEqual(['run', 'app', 'app.py']);
    const saved = JSON.parse(readFileSync(join(cwd, '.lsec.json'), 'utf8'));
    expect(saved.profiles.default.app).toBe('app.py');
  });

  it('g/G jump; Esc on the filter keeps the selection; KEY=VALUE fills a plain variable', async () => {
    const { home } = await vaultWith({ a1: 'v', b2: 'v', c3: 'v', d4: 'v' });
    const cwd = projectWith({ app: 'app.py', env: {}, secrets: {} });
    const { term } = await openLsec(home, { cwd });
    await term.waitFor('❯ a1');
    // g/G: top and bottom.
    term.type('G');
    await term.waitFor('❯ d4');
    term.type('g');
    await term.waitFor('❯ a1');
    term.type('jj');
    await term.waitFor('❯ c3');
    term.type('/3');
    await term.waitFor('1 of 4 shown');
    term.keys('Escape');
    let screen = await term.waitFor((s) => !s.includes('Filter:'));
    expect(screen).toContain('❯ c3');

    term.type('m');
    await term.waitFor('MAP SECRET');
    term.type('a');
    await term.waitFor('› Name:');
    term.type('LOG_LEVEL=debug');
    screen = await term.waitFor(/› Value: debug/);
    expect(screen).toMatch(/ {2}Name: +LOG_LEVEL/);
    term.keys('Enter');
    await term.waitFor(/❯ LOG_LEVEL = debug/);
  });

  it('Ctrl+W, Ctrl+A/E, Home/End, Alt+←/→ and Ctrl+U edit a text field', async () => {
    const { home } = await vaultWith({ 'db-url': 'v' });
    const { term } = await openLsec(home);
    await term.waitFor('❯ db-url');
    term.type('a');
    await term.waitFor('› Name');
    term.type('github-api-token');
    term.keys('C-w');
    await term.waitFor(/› Name +github-api-▏/);
    term.keys('M-Left');
    term.type('X');
    await term.waitFor(/› Name +github-X▏api-/);
    term.keys('C-a');
    term.type('Y');
    await term.waitFor(/› Name +Y▏github-Xapi-/);
    term.keys('C-e');
    term.type('Z');
    await term.waitFor(/› Name +Ygithub-Xapi-Z▏/);
    term.keys('Home', 'M-Right');
    term.type('W');
    await term.waitFor(/› Name +YgithubW▏-Xapi-Z/);
    term.keys('End', 'C-u');
    await term.waitFor(/› Name +▏/);
  });
});
