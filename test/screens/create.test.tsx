import { existsSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { CreateScreen } from '../../src/screens/create/index.js';
import type { Vault } from '../../src/store/vault.js';
import { PASSPHRASE, readDoc, tempHome } from '../helpers/cli.js';
import { KEYS, renderInk } from '../helpers/ink.js';
import { fakeNav, ITERATIONS, sessionFor } from './fixtures.js';

function open() {
  const home = tempHome('new');
  const nav = fakeNav();
  const ui = renderInk(
    <CreateScreen route={{ screen: 'create' }} nav={nav} session={sessionFor(home, null)} active />,
    {
      rows: 24,
    },
  );
  return { home, nav, ui };
}

describe('CreateScreen', () => {
  it('explains a short passphrase and a mismatch where they happened, hiding what is typed', async () => {
    const { ui, home } = open();
    expect(ui.lastFrame()).toContain('No vault yet');
    expect(ui.lastFrame()).toContain(home);
    await ui.write('short');
    expect(ui.lastFrame()).not.toContain('short');
    expect(ui.lastFrame()).toContain('••••••••');
    await ui.write(KEYS.enter);
    expect(ui.lastFrame()).toMatch(/too short: use at least 8 characters/);
    await ui.write(`${'\u0015'}${PASSPHRASE}`);
    await ui.write(KEYS.enter);
    expect(ui.lastFrame()).toMatch(/› Confirm/);
    await ui.press('something else', KEYS.enter);
    expect(ui.lastFrame()).toMatch(/two passphrases differ/);
    expect(existsSync(`${home}/vault.json`)).toBe(false);
  });

  it('creates the vault with the configured iterations, showing a spinner while deriving', async () => {
    const { ui, home, nav } = open();
    await ui.press(PASSPHRASE, KEYS.enter, PASSPHRASE, KEYS.enter);
    expect(ui.lastFrame()).toContain('Creating the vault');
    await vi.waitFor(() => expect(nav.unlocked).toHaveBeenCalledOnce(), { timeout: 10_000 });
    const vault = nav.unlocked.mock.calls[0]![0] as Vault;
    expect(vault.locked).toBe(false);
    expect(readDoc(home).kdf.iterations).toBe(ITERATIONS);
    vault.lock();
  });

  it('Esc on the first field quits with code 0', async () => {
    const { ui, nav } = open();
    await ui.write(KEYS.esc);
    expect(nav.exit).toHaveBeenCalledWith({ code: 0 });
  });
});
