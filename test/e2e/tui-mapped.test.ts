// The MAPPED column on home (issue 12, feature 5): each secret's env name(s) in the
// session's profile, following what the mappings screen saves.
import { describe, expect, it } from 'vitest';
import { projectWith } from '../helpers/launch.js';
import { openLsec, vaultWith } from '../helpers/tui.js';

describe('the MAPPED column', () => {
  it('shows the env names of the profile and follows a save on the mappings screen', async () => {
    const { home } = await vaultWith({ 'api-key': 'v1', 'db-url': 'v2' });
    const cwd = projectWith({
      app: 'app.py',
      env: {},
      secrets: { API_KEY: 'api-key', KEY2: 'api-key' },
    });
    const { term } = await openLsec(home, { cwd });
    let screen = await term.waitFor('MAPPED');
    expect(screen).toMatch(/❯ api-key +\S+ \S+ +API_KEY, KEY2 +•+/);
    term.type('m');
    await term.waitFor('MAP SECRET');
    term.type('j');
    await term.waitFor(/❯ \[ \] db-url/);
    term.type(' s');
    await term.waitFor('Saved profile default');
    term.keys('Escape');
    screen = await term.waitFor(/ {2}db-url +\S+ \S+ +DB_URL/);
    expect(screen).toContain('MAPPED');
  });
});
