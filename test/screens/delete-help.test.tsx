import { describe, expect, it, vi } from 'vitest';
import { DeleteScreen } from '../../src/screens/delete/index.js';
import { HelpScreen } from '../../src/screens/help/index.js';
import { homeHelp } from '../../src/screens/home/bindings.js';
import { KEYS, renderInk } from '../helpers/ink.js';
import { fakeNav, sessionFor, vaultWith } from './fixtures.js';

async function openDelete() {
  const { home, vault } = await vaultWith({ 'old-token': 'v' });
  const nav = fakeNav();
  const ui = renderInk(
    <DeleteScreen
      route={{ screen: 'delete', name: 'old-token' }}
      nav={nav}
      session={sessionFor(home, vault)}
      active
    />,
  );
  return { vault, nav, ui };
}

describe('DeleteScreen', () => {
  it('asks "Delete NAME? y/N" and keeps the secret on any other key', async () => {
    const { ui, nav, vault } = await openDelete();
    expect(ui.lastFrame()).toContain('Delete old-token? y/N');
    await ui.write(KEYS.enter);
    expect(nav.pop).toHaveBeenCalledOnce();
    expect(vault.has('old-token')).toBe(true);
    vault.lock();
  });

  it('deletes on y', async () => {
    const { ui, nav, vault } = await openDelete();
    await ui.write('y');
    await vi.waitFor(() => expect(nav.pop).toHaveBeenCalledOnce(), { timeout: 10_000 });
    expect(nav.changed).toHaveBeenCalledWith({ notice: 'Deleted old-token (u undoes it)' });
    expect(vault.has('old-token')).toBe(false);
    vault.lock();
  });
});

describe('HelpScreen', () => {
  it('lists every key it is given and goes back on any key', async () => {
    const nav = fakeNav();
    const ui = renderInk(
      <HelpScreen
        route={{ screen: 'help', title: 'secrets', keys: homeHelp() }}
        nav={nav}
        session={sessionFor('/nowhere', null)}
        active
      />,
      // Tall enough for every home key: a shorter window scrolls (next test).
      { rows: 40 },
    );
    const frame = ui.lastFrame();
    expect(frame).toContain('help · secrets');
    for (const line of ['a              add a secret', 'q              quit', 'Ctrl+C']) {
      expect(frame).toContain(line);
    }
    await ui.write(KEYS.esc);
    expect(nav.pop).toHaveBeenCalledOnce();
  });
});

describe('HelpScreen in a short window', () => {
  it('scrolls with j/k and says how many keys are below', async () => {
    const nav = fakeNav();
    const ui = renderInk(
      <HelpScreen
        route={{ screen: 'help', title: 'secrets', keys: homeHelp() }}
        nav={nav}
        session={sessionFor('/nowhere', null)}
        active
      />,
      { rows: 14 },
    );
    expect(ui.lastFrame().split('\n')).toHaveLength(13);
    expect(ui.lastFrame()).toMatch(/↓ \d+ more/);
    expect(ui.lastFrame()).not.toContain('Ctrl+C');
    await ui.write('jjjjjjjjjjjjjjjjjjjj');
    expect(ui.lastFrame()).toContain('Ctrl+C');
    expect(ui.lastFrame()).not.toMatch(/↓ \d+ more/);
    expect(nav.pop).not.toHaveBeenCalled();
    await ui.write('x');
    expect(nav.pop).toHaveBeenCalledOnce();
  });
});
